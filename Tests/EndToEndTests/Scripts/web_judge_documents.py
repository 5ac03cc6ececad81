#!/usr/bin/env python3
"""Judge of `thidua serve` in Chromium for the two other kinds: a guidance and a report,
each made from nothing through the form by a clerk who never sees the YAML tab.

Usage: web_judge_documents.py huong_dan ADDRESS DOWNLOADS
       web_judge_documents.py bao_cao ADDRESS DOWNLOADS FIGURES...
       web_judge_documents.py xlsx CSV OUT.xlsx   (a unit's figures typed into a workbook)
       web_judge_documents.py cells FILE.xlsx     (every sheet's cell values, as JSON)

huong_dan: header, a reference to the plan in the folder (`tep`), sections with nested
subsections, points, bullets and assignments with their deadlines, recipients and
signature; a symbol of the wrong kind (KH- in a guidance) whose Vietnamese diagnostic must
appear next to the field, then fixed; an impossible deadline deep inside a section, the
same; save; download .md, .docx and the task list.

bao_cao: header, the plan reported on (`tep`), the period, figure files uploaded through
the upload control (FIGURES: .csv and .xlsx files) and named in `so_lieu` and `ky_truoc`,
indicators, prose sections with bullets; an impossible end of period, fixed; save;
download .md, .docx and .xlsx.

Prints one JSON object, what the Swift test compares with `thidua render` (and `thidua
tasks`) of the saved file. Exit 1 with a message on failure.
"""
import json
import os
import sys
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

# No __pycache__ beside the scripts: the tests leave nothing under Tests/.
sys.dont_write_bytecode = True
from web_judge import add, driver, fail, field, field_note, saved, type_into, wait

PLAN = "ke-hoach-tinh-2025.yaml"


def shape(browser, path, name):
    """Picks the shape ("Cách ghi") of a list item: a paragraph, a block, a recipient with purpose."""
    pickers = browser.find_elements(By.CSS_SELECTOR, 'div[data-path="%s"] > select.chon-dang' % path)
    if not pickers:
        fail("không thấy ô chọn cách ghi của %s" % path)
    Select(pickers[0]).select_by_value(name)


def item_button(browser, path, index, title):
    """Clicks ↑ (“Lên trên”), ↓ (“Xuống dưới”) or ✕ (“Xóa”) of the list item `path[index]`."""
    lists = browser.find_elements(By.CSS_SELECTOR, 'fieldset[data-path="%s"]' % path)
    items = lists[0].find_elements(By.CSS_SELECTOR, ":scope > div.muc-danh-sach") if lists else []
    if len(items) <= index:
        fail("danh sách %s không có mục %d" % (path, index + 1))
    items[index].find_element(By.CSS_SELECTOR, ':scope > div.nut-muc > button[title="%s"]' % title).click()


def offered(browser, path):
    """The names the field's datalist offers as the clerk types."""
    return browser.execute_script(
        "const input = document.querySelector('input[data-path=\"' + arguments[0] + '\"]');"
        "return input && input.list ? Array.from(input.list.options).map((o) => o.value) : null;", path)


def fill(browser, pairs):
    for path, text in pairs:
        type_into(browser, path, text)


def new_document(browser, address, kind, name):
    browser.get(address)
    wait(browser, lambda b: b.find_element(By.ID, "thong-bao-danh-sach").text != "" or
         b.find_elements(By.CSS_SELECTOR, "#cac-tep tr"), "danh sách")
    Select(browser.find_element(By.ID, "loai-moi")).select_by_value(kind)
    browser.find_element(By.ID, "ten-moi").send_keys(name)
    browser.find_element(By.ID, "nut-moi").click()
    wait(browser, lambda b: b.find_elements(By.CSS_SELECTOR, 'input[data-path="co_quan_ban_hanh"]'), "biểu mẫu mới")
    if not browser.find_element(By.ID, "khung-yaml").get_attribute("hidden"):
        fail("trang mở thẻ YAML thay vì biểu mẫu")


def mistake(browser, path, wrong, right, result, key):
    """Types a wrong value, waits for the Vietnamese diagnostic next to the field, fixes it."""
    type_into(browser, path, wrong)
    result[key] = wait(browser, lambda b: field_note(b, path), "lỗi cạnh ô %s" % path)
    type_into(browser, path, right)
    try:
        WebDriverWait(browser, 20, poll_frequency=0.1).until(lambda b: field_note(b, path) is None)
    except Exception:
        fail("lỗi ở ô %s không biến mất sau khi sửa thành %s: %s (ô ghi %s)"
             % (path, right, field_note(browser, path), field(browser, path).get_attribute("value")))


def clean(browser, result):
    def done(b):
        summary = b.find_element(By.ID, "tom-tat").text
        return "(0 lỗi" in summary or "không có lỗi" in summary
    try:
        WebDriverWait(browser, 30, poll_frequency=0.2).until(done)
    except Exception:
        fail("còn lỗi: " + browser.find_element(By.ID, "chan-doan").text)
    result["chan_doan"] = browser.find_element(By.ID, "chan-doan").text


def save_and_download(browser, downloads, formats, result):
    browser.find_element(By.ID, "nut-luu").click()
    wait(browser, saved, "lưu")
    for format in formats:
        before = set(os.listdir(downloads))
        Select(browser.find_element(By.ID, "dinh-dang")).select_by_value(format)
        browser.find_element(By.ID, "nut-tai-ve").click()

        def arrived(b):
            fresh = [n for n in set(os.listdir(downloads)) - before if not n.endswith(".crdownload")]
            if not fresh:
                status = b.find_element(By.ID, "trang-thai-luu").text
                if status and not status.startswith("Đã lưu"):
                    fail("tải về %s không được: %s" % (format, status))
            return fresh
        wait(browser, arrived, "tải về " + format, 60)
    time.sleep(0.5)
    result["tai_ve"] = sorted(n for n in os.listdir(downloads) if not n.endswith(".crdownload"))
    result["bao_loi_trinh_duyet"] = [entry["message"] for entry in browser.get_log("browser")
                                     if entry["level"] == "SEVERE" and "favicon" not in entry["message"]]


def header(browser, symbol, number, date, subject):
    fill(browser, [
        ("co_quan_chu_quan", "Tổng Liên đoàn Lao động Việt Nam"),
        ("co_quan_ban_hanh", "Liên đoàn Lao động tỉnh Bến Tre"),
        ("so", number), ("ky_hieu", symbol), ("dia_danh", "Bến Tre"), ("ngay", date),
        ("trich_yeu", subject),
    ])


def ending(browser, signer, executing):
    """Recipients (the upper level to report to, the Ban, and `executing` to carry out), the
    files kept and the signature."""
    for index, (name, purpose) in enumerate([("Thường trực Tổng LĐLĐ Việt Nam", "để b/c"), ("Các Ban LĐLĐ tỉnh", None),
                                             (executing, "để th/hiện")]):
        add(browser, "noi_nhan")
        if purpose:
            shape(browser, "noi_nhan[%d]" % index, "noi_nhan")
            fill(browser, [("noi_nhan[%d].ten" % index, name), ("noi_nhan[%d].muc_dich" % index, purpose)])
        else:
            type_into(browser, "noi_nhan[%d]" % index, name)
    add(browser, "luu")
    add(browser, "luu")
    fill(browser, [("luu[0]", "VT"), ("luu[1]", "TG-NC"),
                   ("chu_ky.hinh_thuc", "TM."), ("chu_ky.thay_mat", "Ban Thường vụ"),
                   ("chu_ky.chuc_vu", "Chủ tịch"), ("chu_ky.ho_ten", signer)])


def guidance(browser, address, downloads):
    result = {}
    new_document(browser, address, "huong_dan", "huong-dan-moi.yaml")
    header(browser, "HD-LĐLĐ", "7", "2025-03-10", "Tổ chức thực hiện phong trào thi đua yêu nước năm 2025")
    # The plan it carries out, by its data file: number, date, body and subject come from it.
    type_into(browser, "loi_dan", "thuc_hien")
    add(browser, "can_cu")
    result["goi_y_tep"] = offered(browser, "can_cu[0].tep")
    type_into(browser, "can_cu[0].tep", PLAN)
    add(browser, "mo_dau")
    type_into(browser, "mo_dau[0]", "Ban Thường vụ Liên đoàn Lao động tỉnh hướng dẫn tổ chức thực hiện như sau:")
    fill(browser, [("thoi_gian.tu", "2025-03-10"), ("thoi_gian.den", "2025-12-31")])

    # I. A section with a numbered subsection holding a paragraph, points and bullets.
    add(browser, "muc")
    shape(browser, "muc[0]", "muc")
    type_into(browser, "muc[0].ten", "Nội dung thi đua")
    add(browser, "muc[0].noi_dung")
    shape(browser, "muc[0].noi_dung[0]", "khoi")
    type_into(browser, "muc[0].noi_dung[0].tieu_muc", "Phát triển đoàn viên")
    inner = "muc[0].noi_dung[0].noi_dung"
    add(browser, inner)
    type_into(browser, inner + "[0]", "Mỗi Công đoàn cơ sở đăng ký chỉ tiêu phát triển đoàn viên của năm.")
    add(browser, inner)
    shape(browser, inner + "[1]", "khoi")
    add(browser, inner + "[1].cac_diem")
    add(browser, inner + "[1].cac_diem")
    fill(browser, [(inner + "[1].cac_diem[0]", "Ở doanh nghiệp ngoài nhà nước."),
                   (inner + "[1].cac_diem[1]", "Ở đơn vị sự nghiệp.")])
    add(browser, inner)
    shape(browser, inner + "[2]", "khoi")
    # Three bullets typed in the wrong order, one too many: moved up, then removed.
    for _ in range(3):
        add(browser, inner + "[2].cac_y")
    fill(browser, [(inner + "[2].cac_y[0]", "Pa-nô, áp-phích tại khu công nghiệp."),
                   (inner + "[2].cac_y[1]", "Tuyên truyền trên trang thông tin điện tử."),
                   (inner + "[2].cac_y[2]", "Dòng gõ thừa.")])
    item_button(browser, inner + "[2].cac_y", 1, "Lên trên")
    item_button(browser, inner + "[2].cac_y", 2, "Xóa")
    result["cac_y"] = [field(browser, inner + "[2].cac_y[%d]" % i).get_attribute("value") for i in range(2)]
    if browser.find_elements(By.CSS_SELECTOR, 'textarea[data-path="%s[2].cac_y[2]"]' % inner):
        fail("ý thứ ba vẫn còn sau khi bấm Xóa")

    # II. Assignments: who does what, by when; they make the task list.
    add(browser, "muc")
    shape(browser, "muc[1]", "muc")
    type_into(browser, "muc[1].ten", "Tổ chức thực hiện")
    add(browser, "muc[1].noi_dung")
    shape(browser, "muc[1].noi_dung[0]", "khoi")
    type_into(browser, "muc[1].noi_dung[0].giao", "Ban Tuyên giáo - Nữ công")
    add(browser, "muc[1].noi_dung[0].nhiem_vu")
    add(browser, "muc[1].noi_dung[0].nhiem_vu")
    fill(browser, [("muc[1].noi_dung[0].nhiem_vu[0]", "Tham mưu Ban Thường vụ theo dõi phong trào."),
                   ("muc[1].noi_dung[0].nhiem_vu[1]", "Biên soạn tài liệu tuyên truyền.")])
    # An impossible deadline: the diagnostic sits by the deadline, deep in the section.
    mistake(browser, "muc[1].noi_dung[0].han", "2025-04-31", "2025-04-15", result, "loi_han")
    add(browser, "muc[1].noi_dung")
    shape(browser, "muc[1].noi_dung[1]", "khoi")
    type_into(browser, "muc[1].noi_dung[1].giao", "Công đoàn cơ sở")
    add(browser, "muc[1].noi_dung[1].nhiem_vu")
    fill(browser, [("muc[1].noi_dung[1].nhiem_vu[0]", "Gửi danh sách đăng ký thi đua về Liên đoàn Lao động tỉnh."),
                   ("muc[1].noi_dung[1].han_thang", "2025-05")])
    add(browser, "ket_luan")
    type_into(browser, "ket_luan[0]", "Trong quá trình thực hiện, nếu có vướng mắc, đề nghị phản ánh về Liên đoàn Lao động tỉnh./.")
    ending(browser, "Nguyễn Văn A", "Công đoàn cơ sở")
    # A plan's symbol in a guidance: the check says so next to the symbol.
    mistake(browser, "ky_hieu", "KH-LĐLĐ", "HD-LĐLĐ", result, "loi_ky_hieu")
    clean(browser, result)
    preview = browser.find_element(By.ID, "xem-truoc").text
    result["xem_truoc_co_thuc_hien"] = "Thực hiện Kế hoạch số 12/KH-LĐLĐ" in preview
    save_and_download(browser, downloads, ["md", "docx", "nhiem-vu"], result)
    return result


def upload(browser, path):
    name = os.path.basename(path)
    browser.find_element(By.ID, "tep-so-lieu").send_keys(os.path.abspath(path))
    try:
        WebDriverWait(browser, 20, poll_frequency=0.1).until(
            lambda b: ("Đã tải lên " + name) in b.find_element(By.ID, "trang-thai-luu").text)
    except Exception:
        fail("tải lên %s không được: %s" % (name, browser.find_element(By.ID, "trang-thai-luu").text))
    return name


def report(browser, address, downloads, figures):
    result = {}
    new_document(browser, address, "bao_cao", "bao-cao-moi.yaml")
    header(browser, "BC-LĐLĐ", "41", "2025-06-20", "Sơ kết 6 tháng đầu năm phong trào thi đua yêu nước năm 2025")
    type_into(browser, "loi_dan", "thuc_hien")
    add(browser, "mo_dau")
    type_into(browser, "mo_dau[0]", "Ban Thường vụ Liên đoàn Lao động tỉnh báo cáo kết quả 6 tháng đầu năm như sau:")
    fill(browser, [("bao_cao.hinh_thuc", "so_ket"), ("bao_cao.ten_ky", "6 tháng đầu năm 2025"),
                   ("bao_cao.ke_hoach.tep", PLAN), ("bao_cao.ky.tu", "2025-01-01")])
    mistake(browser, "bao_cao.ky.den", "2025-06-31", "2025-06-15", result, "loi_ky")
    # The figures: uploaded into the folder through the upload control, then named.
    names = [upload(browser, path) for path in figures]
    current = [n for n in names if "cung-ky" not in n]
    earlier = [n for n in names if "cung-ky" in n]
    result["trang_thai_tai_len"] = browser.find_element(By.ID, "trang-thai-luu").text
    add(browser, "bao_cao.so_lieu")
    result["goi_y_so_lieu"] = offered(browser, "bao_cao.so_lieu[0]")
    result["goi_y_ke_hoach"] = offered(browser, "bao_cao.ke_hoach.tep")
    for index, name in enumerate(current):
        if index:
            add(browser, "bao_cao.so_lieu")

        type_into(browser, "bao_cao.so_lieu[%d]" % index, name)
    for index, name in enumerate(earlier):
        add(browser, "bao_cao.ky_truoc")
        type_into(browser, "bao_cao.ky_truoc[%d]" % index, name)
    if earlier:
        type_into(browser, "bao_cao.so_sanh_voi", "cung_ky")
    fill(browser, [("bao_cao.so_don_vi_noi_bat", "2"), ("bao_cao.nguoi_lap_bieu", "Nguyễn Thị Mỹ Linh")])
    type_into(browser, "bao_cao.bang_don_vi", "true")
    # Indicators: the codes of the default set the plan's targets and the figures have,
    # one with its own sentence.
    for index, code in enumerate(["doan_vien_moi", "so_cdcs", "cdcs_phat_dong", "ty_le_cdcs_phat_dong", "dang_ky_ca_nhan",
                                  "sang_kien", "gia_tri_lam_loi", "cong_trinh_san_pham", "thanh_lap_cdcs",
                                  "mai_am_so_nha", "mai_am_kinh_phi"]):
        add(browser, "bao_cao.chi_tieu")
        type_into(browser, "bao_cao.chi_tieu[%d].ma" % index, code)
    type_into(browser, "bao_cao.chi_tieu[0].cau", "phát triển được {gia_tri} {don_vi_tinh} mới, đạt {ty_le} chỉ tiêu cả năm ({chi_tieu})")
    for key, text in [("thuan_loi", "Được sự quan tâm lãnh đạo của Tỉnh ủy, phong trào được phát động sớm."),
                      ("kho_khan", "Một số doanh nghiệp thiếu đơn hàng, người lao động nghỉ việc luân phiên."),
                      ("ton_tai", "Việc báo cáo số liệu của một số đơn vị còn chậm.")]:
        add(browser, "bao_cao." + key)
        type_into(browser, "bao_cao.%s[0]" % key, text)
    add(browser, "bao_cao.phuong_huong")
    shape(browser, "bao_cao.phuong_huong[0]", "khoi")
    add(browser, "bao_cao.phuong_huong[0].cac_y")
    add(browser, "bao_cao.phuong_huong[0].cac_y")
    fill(browser, [("bao_cao.phuong_huong[0].cac_y[0]", "Tập trung phát triển đoàn viên ở doanh nghiệp ngoài nhà nước."),
                   ("bao_cao.phuong_huong[0].cac_y[1]", "Tổ chức sơ kết đợt 1 theo thời gian Kế hoạch quy định.")])
    ending(browser, "Lê Thị Thu Hà", "Công đoàn các cấp trực thuộc")
    clean(browser, result)
    preview = browser.find_element(By.ID, "xem-truoc").text
    result["xem_truoc_co_so_lieu"] = "đoàn viên mới" in preview
    save_and_download(browser, downloads, ["md", "docx", "xlsx", "bieu-mau"], result)
    return result


def workbook(source, out):
    """The figures of a CSV as a unit's clerk types them into Calc or Excel: a title row, the
    header, numbers as numbers, and now and then one typed as text in the Vietnamese way."""
    import csv
    import io
    import openpyxl
    text = open(source, encoding="utf-8-sig").read()
    delimiter = ";" if text.splitlines()[0].count(";") > text.splitlines()[0].count(",") else ","
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Số liệu"
    sheet.append(rows[0])
    for index, row in enumerate(rows[1:]):
        values = row[:2]
        for position, value in enumerate(row[2:]):
            number = int(value.replace(".", "")) if value.strip() else None
            values.append(value if (index + position) % 5 == 0 and number is not None else number)
        sheet.append(values)
    book.save(out)


def cells(path):
    """Every sheet's cells: as written (formulas as their text) and as last computed."""
    import openpyxl

    def sheets(book):
        return {sheet.title: [[cell.value if cell.value is None or isinstance(cell.value, (int, float, str, bool)) else str(cell.value)
                               for cell in row] for row in sheet.iter_rows()]
                for sheet in book.worksheets}
    return {"o": sheets(openpyxl.load_workbook(path)), "gia_tri": sheets(openpyxl.load_workbook(path, data_only=True))}


def main():
    if sys.argv[1] == "xlsx":
        workbook(sys.argv[2], sys.argv[3])
        return
    if sys.argv[1] == "cells":
        print(json.dumps(cells(sys.argv[2]), ensure_ascii=False, sort_keys=True))
        return
    kind, address, downloads = sys.argv[1], sys.argv[2], sys.argv[3]
    browser = driver(downloads)
    try:
        result = guidance(browser, address, downloads) if kind == "huong_dan" else report(browser, address, downloads, sys.argv[4:])
    finally:
        browser.quit()
    print(json.dumps(result, ensure_ascii=False))


main()
