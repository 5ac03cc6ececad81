#!/usr/bin/env python3
"""Judge of `thidua serve` in a real browser (Debian's chromium + chromium-driver, Selenium).

Usage: web_judge.py ADDRESS DOWNLOADS [SCREENSHOTS]

A clerk's session from nothing: a new plan through the form, an impossible date whose
Vietnamese diagnostic must appear next to the date field, the fix, a phase with two
commemorations picked from the calendar, a script tag and a spreadsheet formula typed into
fields, save, reload, download .docx and .md. Prints one JSON object: what the Swift test
then compares with `thidua render` of the saved file. Exit 1 with a message on failure.
"""
import json
import os
import sys
import time

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

NAME = "ke-hoach-moi.yaml"
HOSTILE_SUBJECT = 'Phát động thi đua <script>alert("x")</script> năm 2025'
FORMULA = '=HYPERLINK("http://vi-du.invalid","bấm")'


def fail(message):
    print(json.dumps({"loi": message}, ensure_ascii=False))
    sys.exit(1)


def driver(downloads):
    options = Options()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1400,1100", "--lang=vi"]:
        options.add_argument(argument)
    options.add_experimental_option("prefs", {
        "download.default_directory": downloads, "download.prompt_for_download": False,
        "safebrowsing.enabled": True,
    })
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def field(browser, path):
    for tag in ("input", "textarea", "select"):
        found = browser.find_elements(By.CSS_SELECTOR, '%s[data-path="%s"]' % (tag, path))
        if found:
            return found[0]
    fail("không thấy ô %s trong biểu mẫu" % path)


def type_into(browser, path, text):
    element = field(browser, path)
    if element.tag_name == "select":
        Select(element).select_by_value(text)
    else:
        # Clearing may rebuild the form (a date decides the calendar's year): find it again.
        element.clear()
        element = field(browser, path)
        element.send_keys(text)
        element.send_keys(Keys.TAB)


def add(browser, path):
    button = browser.find_element(By.CSS_SELECTOR, 'button[data-them="%s"]' % path)
    button.click()


def wait(browser, condition, what, seconds=20):
    try:
        return WebDriverWait(browser, seconds, poll_frequency=0.1, ignored_exceptions=(StaleElementReferenceException,)).until(
            lambda b: condition(b))
    except Exception:
        fail("hết giờ chờ: " + what)


def field_note(browser, path):
    # Read in one script: each check replaces the notes, so an element found by one call
    # may be gone by the next (a stale element, which would end a wait early).
    return browser.execute_script(
        "const note = document.querySelector('.loi-truong[data-path=\"' + CSS.escape(arguments[0]) + '\"]');"
        "return note ? note.textContent : null;", path)


def saved(browser):
    return "Đã lưu" in browser.find_element(By.ID, "trang-thai-luu").text


def main():
    browser = driver(DOWNLOADS)
    result = {}
    try:
        browser.get(ADDRESS)
        wait(browser, lambda b: b.find_element(By.ID, "thong-bao-danh-sach").text != "" or
             b.find_elements(By.CSS_SELECTOR, "#cac-tep tr"), "danh sách")
        Select(browser.find_element(By.ID, "loai-moi")).select_by_value("ke_hoach")
        browser.find_element(By.ID, "ten-moi").send_keys(NAME)
        browser.find_element(By.ID, "nut-moi").click()
        wait(browser, lambda b: b.find_elements(By.CSS_SELECTOR, 'input[data-path="co_quan_ban_hanh"]'), "biểu mẫu mới")

        type_into(browser, "co_quan_chu_quan", "Tổng Liên đoàn Lao động Việt Nam")
        type_into(browser, "co_quan_ban_hanh", "Liên đoàn Lao động tỉnh Bến Tre")
        type_into(browser, "so", "15")
        type_into(browser, "ky_hieu", "KH-LĐLĐ")
        type_into(browser, "dia_danh", "Bến Tre")
        type_into(browser, "trich_yeu", HOSTILE_SUBJECT)
        # A section with content: the item's shape "Mục có nội dung", then its paragraph.
        add(browser, "muc")
        Select(browser.find_element(By.CSS_SELECTOR, 'div[data-path="muc[0]"] > select.chon-dang')).select_by_value("muc")
        type_into(browser, "muc[0].ten", "Mục đích, yêu cầu")
        add(browser, "muc[0].noi_dung")
        type_into(browser, "muc[0].noi_dung[0]", "Đẩy mạnh phong trào thi đua trong đoàn viên, người lao động.")
        add(browser, "noi_nhan")
        type_into(browser, "noi_nhan[0]", FORMULA)
        add(browser, "luu")
        type_into(browser, "luu[0]", "VT")
        type_into(browser, "chu_ky.hinh_thuc", "TM.")
        type_into(browser, "chu_ky.thay_mat", "Ban Thường vụ")
        type_into(browser, "chu_ky.chuc_vu", "Chủ tịch")
        type_into(browser, "chu_ky.ho_ten", "Nguyễn Văn A")
        # An impossible date: the diagnostic of `thidua check`, in Vietnamese, next to the field.
        type_into(browser, "ngay", "2025-02-30")
        note = wait(browser, lambda b: field_note(b, "ngay"), "lỗi ngày cạnh ô Ngày ban hành")
        result["loi_ngay"] = note
        if SHOTS:
            browser.execute_script("arguments[0].scrollIntoView({block: 'center'})",
                                   browser.find_element(By.CSS_SELECTOR, 'input[data-path="ngay"]'))
            browser.save_screenshot(os.path.join(SHOTS, "web-bieu-mau.png"))
        type_into(browser, "ngay", "2025-02-20")
        wait(browser, lambda b: field_note(b, "ngay") is None, "lỗi ngày biến mất sau khi sửa")

        # A phase and two commemorations picked from the year's calendar.
        type_into(browser, "thoi_gian.tu", "2025-01-01")
        type_into(browser, "thoi_gian.den", "2025-12-31")
        add(browser, "dot_thi_dua")
        type_into(browser, "dot_thi_dua[0].tu", "2025-01-01")
        type_into(browser, "dot_thi_dua[0].den", "2025-06-30")
        picker = '.chon-ky-niem[data-nam="2025"] input[type=checkbox]'
        wait(browser, lambda b: len(b.find_elements(By.CSS_SELECTOR, picker)) >= 2, "lịch kỷ niệm năm 2025")
        codes = []
        for wanted in ("thanh_lap_dang", "giai_phong_mien_nam"):
            boxes = browser.find_elements(By.CSS_SELECTOR, picker + '[value="%s"]' % wanted)
            if not boxes:
                fail("lịch năm 2025 không có mã " + wanted)
            boxes[0].click()
            codes.append(wanted)
            wait(browser, lambda b: b.find_elements(By.CSS_SELECTOR, picker + '[value="%s"]:checked' % wanted), "chọn " + wanted)
        result["ky_niem"] = codes

        def clean(b):
            summary = b.find_element(By.ID, "tom-tat").text
            return "(0 lỗi" in summary or "không có lỗi" in summary
        try:
            WebDriverWait(browser, 30, poll_frequency=0.2).until(clean)
        except Exception:
            if SHOTS:
                browser.save_screenshot(os.path.join(SHOTS, "loi.png"))
            fail("còn lỗi: " + browser.find_element(By.ID, "chan-doan").text)
        result["chan_doan"] = browser.find_element(By.ID, "chan-doan").text

        # Escaped in the page: the script tag is text of the preview, never an element.
        preview = browser.find_element(By.ID, "xem-truoc")
        wait(browser, lambda b: "<script>" in preview.text, "trích yếu trong bản xem trước")
        result["xem_truoc_co_the_script"] = len(preview.find_elements(By.TAG_NAME, "script")) > 0
        result["xem_truoc_co_cong_thuc"] = FORMULA in preview.text
        result["trang_co_the_script_la"] = len(browser.find_elements(By.CSS_SELECTOR, "script:not([src])")) > 0
        if SHOTS:
            browser.execute_script("arguments[0].scrollIntoView({block: 'start'})", preview)
            browser.save_screenshot(os.path.join(SHOTS, "web-xem-truoc.png"))

        browser.find_element(By.ID, "nut-luu").click()
        wait(browser, saved, "lưu")

        # Reload: the list shows the file ready, the form shows what was saved.
        browser.refresh()
        wait(browser, lambda b: b.find_elements(By.LINK_TEXT, NAME), "tệp trong danh sách sau khi tải lại")
        row = browser.find_element(By.CSS_SELECTOR, 'tr[data-ten="%s"]' % NAME)
        result["trang_thai"] = row.find_element(By.CSS_SELECTOR, ".trang-thai").get_attribute("class")
        browser.find_element(By.LINK_TEXT, NAME).click()
        wait(browser, lambda b: b.find_elements(By.CSS_SELECTOR, 'input[data-path="ngay"]'), "biểu mẫu sau khi mở lại")
        result["ngay_sau_khi_mo_lai"] = field(browser, "ngay").get_attribute("value")
        result["trich_yeu_sau_khi_mo_lai"] = field(browser, "trich_yeu").get_attribute("value")
        checked = browser.find_elements(By.CSS_SELECTOR, '.chon-ky-niem input[type=checkbox]:checked')
        wait(browser, lambda b: len(b.find_elements(By.CSS_SELECTOR, '.chon-ky-niem input[type=checkbox]:checked')) == 2,
             "hai ngày kỷ niệm đã chọn sau khi mở lại")
        del checked

        # Downloads.
        for format in ("docx", "md"):
            Select(browser.find_element(By.ID, "dinh-dang")).select_by_value(format)
            browser.find_element(By.ID, "nut-tai-ve").click()
            wait(browser, lambda b: any(n.endswith("." + format) for n in os.listdir(DOWNLOADS)), "tải về ." + format, 30)
        time.sleep(0.5)
        result["tai_ve"] = sorted(n for n in os.listdir(DOWNLOADS) if not n.endswith(".crdownload"))
        # Derive the district's plan from it: "Thực hiện Kế hoạch số …" of the parent.
        browser.find_element(By.ID, "ve-danh-sach").click()
        wait(browser, lambda b: b.find_elements(By.CSS_SELECTOR, 'input[name=chon-tep][value="%s"]' % NAME), "danh sách")
        browser.find_element(By.CSS_SELECTOR, 'input[name=chon-tep][value="%s"]' % NAME).click()
        browser.find_element(By.ID, "ten-moi").clear()
        browser.find_element(By.ID, "ten-moi").send_keys("ke-hoach-huyen.yaml")
        browser.find_element(By.ID, "nut-trien-khai").click()
        wait(browser, lambda b: b.find_element(By.ID, "ten-tep").get_attribute("value") == "ke-hoach-huyen.yaml"
             and b.find_elements(By.CSS_SELECTOR, 'input[data-path="co_quan_ban_hanh"]'), "kế hoạch triển khai mở ra")
        for path, text in [("co_quan_ban_hanh", "Liên đoàn Lao động huyện Châu Thành"), ("so", "3"), ("ky_hieu", "KH-LĐLĐ"),
                           ("dia_danh", "Châu Thành"), ("ngay", "2025-03-05"),
                           ("mo_dau[0]", "Thực hiện kế hoạch của Liên đoàn Lao động tỉnh, Ban Thường vụ triển khai như sau:"),
                           ("noi_nhan[1].ten", "Các công đoàn cơ sở"), ("chu_ky.thay_mat", "Ban Thường vụ"),
                           ("chu_ky.chuc_vu", "Chủ tịch"), ("chu_ky.ho_ten", "Trần Văn B")]:
            type_into(browser, path, text)
        sentence = "Thực hiện Kế hoạch số 15/KH-LĐLĐ ngày 20/02/2025 của Ban Thường vụ Liên đoàn Lao động tỉnh Bến Tre về phát động thi đua"
        try:
            WebDriverWait(browser, 30, poll_frequency=0.2).until(lambda b: sentence in b.find_element(By.ID, "xem-truoc").text)
        except Exception:
            fail("bản xem trước của kế hoạch triển khai không có câu “%s”: %s" % (sentence, browser.find_element(By.ID, "xem-truoc").text[:1500]))
        result["cau_thuc_hien"] = next(p.text for p in browser.find_elements(By.CSS_SELECTOR, "#xem-truoc p") if sentence in p.text)
        browser.find_element(By.ID, "nut-luu").click()
        wait(browser, saved, "lưu kế hoạch triển khai")
        result["bao_loi_trinh_duyet"] = [entry["message"] for entry in browser.get_log("browser")
                                         if entry["level"] == "SEVERE" and "favicon" not in entry["message"]]
    finally:
        browser.quit()
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    ADDRESS, DOWNLOADS = sys.argv[1], sys.argv[2]
    SHOTS = sys.argv[3] if len(sys.argv) > 3 else None
    try:
        main()
    except Exception as error:  # a WebDriver fault (a timeout of a loaded machine) is a failed judgement too
        fail("%s: %s" % (type(error).__name__, error))
