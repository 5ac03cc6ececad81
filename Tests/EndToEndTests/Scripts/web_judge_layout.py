#!/usr/bin/env python3
"""Judge of a form save over a clerk's file, in a real browser (chromium + Selenium).

Usage: web_judge_layout.py ADDRESS NAME

Opens NAME (a plan with `#` comments) from the list, changes "Địa danh" in the form and
saves: the Swift test compares the saved text with the file (only that line may change).
Then changes the kind to a report: the Vietnamese question appears, "Hủy" keeps the plan and
its phases, "OK" drops the phases from the form; saves again. Prints one JSON object; exit 1
with a message on failure.
"""
import json
import sys

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

ADDRESS, NAME = sys.argv[1], sys.argv[2]


def fail(message):
    print(json.dumps({"loi": message}, ensure_ascii=False))
    sys.exit(1)


def wait(browser, condition, what, seconds=20):
    try:
        return WebDriverWait(browser, seconds, poll_frequency=0.1).until(lambda b: condition(b))
    except Exception:
        fail("hết giờ chờ: " + what)


def form_field(browser, path):
    found = browser.find_elements(By.CSS_SELECTOR, '[data-path="%s"]:is(input, select, textarea)' % path)
    return found[0] if found else None


def status(browser):
    return browser.find_element(By.ID, "trang-thai-luu").text


def save(browser):
    before = browser.execute_script("return document.getElementById('yaml').value")
    browser.find_element(By.ID, "nut-luu").click()
    wait(browser, lambda b: "Đã lưu" in status(b), "lưu xong (" + status(browser) + ")")
    return before


def main():
    options = Options()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1400,1100", "--lang=vi"]:
        options.add_argument(argument)
    browser = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    result = {}
    try:
        browser.get(ADDRESS)
        link = wait(browser, lambda b: b.find_elements(By.LINK_TEXT, NAME), "tệp trong danh sách")
        link[0].click()
        wait(browser, lambda b: form_field(b, "dia_danh") is not None and b.find_element(By.ID, "bieu-mau").is_displayed(),
             "biểu mẫu của tệp")
        place = form_field(browser, "dia_danh")
        place.clear()
        place.send_keys("Vĩnh Long")
        place.send_keys(Keys.TAB)
        # The check after the edit writes the text a save will write into the YAML tab.
        wait(browser, lambda b: "dia_danh: Vĩnh Long" in b.execute_script("return document.getElementById('yaml').value"),
             "văn bản YAML sau khi sửa")
        save(browser)
        result["luu_lan_1"] = browser.execute_script("return document.getElementById('yaml').value")

        # Report instead of plan: asked first; "Hủy" changes nothing.
        Select(form_field(browser, "loai")).select_by_value("bao_cao")
        WebDriverWait(browser, 20).until(expected_conditions.alert_is_present())
        alert = browser.switch_to.alert
        result["cau_hoi"] = alert.text
        alert.dismiss()
        wait(browser, lambda b: form_field(b, "loai").get_attribute("value") == "ke_hoach", "loại trở lại kế hoạch")
        result["sau_huy_loai"] = form_field(browser, "loai").get_attribute("value")
        result["sau_huy_co_dot"] = bool(browser.find_elements(By.CSS_SELECTOR, '[data-path="dot_thi_dua"]'))

        Select(form_field(browser, "loai")).select_by_value("bao_cao")
        WebDriverWait(browser, 20).until(expected_conditions.alert_is_present())
        browser.switch_to.alert.accept()
        wait(browser, lambda b: b.find_elements(By.CSS_SELECTOR, 'fieldset[data-path="bao_cao"]'), "biểu mẫu báo cáo")
        result["sau_doi_co_dot"] = bool(browser.find_elements(By.CSS_SELECTOR, '[data-path="dot_thi_dua"]'))
        result["sau_doi_trang_thai"] = status(browser)
        result["sau_doi_ky_hieu"] = form_field(browser, "ky_hieu").get_attribute("value")
        wait(browser, lambda b: "loai: bao_cao" in b.execute_script("return document.getElementById('yaml').value"),
             "văn bản YAML của báo cáo")
        save(browser)
        result["bao_loi_trinh_duyet"] = [entry["message"] for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    finally:
        browser.quit()
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
