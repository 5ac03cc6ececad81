#!/usr/bin/env python3
"""Judge of `thidua serve` for the two other kinds: a guidance and a report, each made from
nothing through the form by a clerk who never sees the YAML tab, in Chromium (Selenium) and
in Firefox (WebDriver BiDi, web_judge_firefox.py); the clerk's hands are in web_clerk.py.

Usage: web_judge_documents.py huong_dan ADDRESS DOWNLOADS          (Chromium)
       web_judge_documents.py bao_cao ADDRESS DOWNLOADS FIGURES...  (Chromium)
       web_judge_documents.py firefox ADDRESS DOWNLOADS FIGURES...  (both, in Firefox)
       web_judge_documents.py xlsx CSV OUT.xlsx   (a unit's figures typed into a workbook)
       web_judge_documents.py cells FILE.xlsx     (every sheet's cell values, as JSON)

huong_dan: header, a reference to the plan in the folder (`tep`, offered by the field),
sections with nested subsections, points, bullets (moved up, one removed) and assignments
with their deadlines, recipients and signature; a symbol of the wrong kind (KH- in a
guidance) and an impossible deadline deep in a section, whose Vietnamese diagnostics must
appear next to their fields, then fixed; save; download .md, .docx and the task list.

bao_cao: header, the plan reported on, the period (an impossible end, fixed), figure files
uploaded through the upload control (FIGURES: .csv and .xlsx) and named in `so_lieu` and
`ky_truoc`, indicators, prose sections with bullets; save; download .md, .docx, .xlsx and
the units' form.

Prints one JSON object, what the Swift tests compare with `thidua render` (and `thidua
tasks`, `thidua bieu-mau`) of the saved files. Exit 1 with {"loi": …} on failure.
"""
import asyncio
import json
import os
import sys

# No __pycache__ beside the scripts: the tests leave nothing under Tests/.
sys.dont_write_bytecode = True
from web_clerk import (Chromium, Firefox, Failure, add, clean, fill, item_button, mistake, new_document,  # noqa: E402
                       offered, present, put, save_and_download, shape, text, value, wait, fail)

PLAN = "ke-hoach-tinh-2025.yaml"


def header(clerk, symbol, number, date, subject):
    fill(clerk, [
        ("co_quan_chu_quan", "Tổng Liên đoàn Lao động Việt Nam"),
        ("co_quan_ban_hanh", "Liên đoàn Lao động tỉnh Bến Tre"),
        ("so", number), ("ky_hieu", symbol), ("dia_danh", "Bến Tre"), ("ngay", date),
        ("trich_yeu", subject),
    ])


def ending(clerk, signer, executing):
    """Recipients (the upper level to report to, the Ban, and `executing` to carry out), the
    files kept and the signature."""
    for index, (name, purpose) in enumerate([("Thường trực Tổng LĐLĐ Việt Nam", "để b/c"), ("Các Ban LĐLĐ tỉnh", None),
                                             (executing, "để th/hiện")]):
        add(clerk, "noi_nhan")
        if purpose:
            shape(clerk, "noi_nhan[%d]" % index, "noi_nhan")
            fill(clerk, [("noi_nhan[%d].ten" % index, name), ("noi_nhan[%d].muc_dich" % index, purpose)])
        else:
            put(clerk, "noi_nhan[%d]" % index, name)
    add(clerk, "luu")
    add(clerk, "luu")
    fill(clerk, [("luu[0]", "VT"), ("luu[1]", "TG-NC"),
                 ("chu_ky.hinh_thuc", "TM."), ("chu_ky.thay_mat", "Ban Thường vụ"),
                 ("chu_ky.chuc_vu", "Chủ tịch"), ("chu_ky.ho_ten", signer)])


def guidance(clerk, address, downloads, result):
    new_document(clerk, address, "huong_dan", "huong-dan-moi.yaml")
    header(clerk, "HD-LĐLĐ", "7", "2025-03-10", "Tổ chức thực hiện phong trào thi đua yêu nước năm 2025")
    # The plan it carries out, by its data file: number, date, body and subject come from it.
    put(clerk, "loi_dan", "thuc_hien")
    add(clerk, "can_cu")
    result["goi_y_tep"] = offered(clerk, "can_cu[0].tep")
    put(clerk, "can_cu[0].tep", PLAN)
    add(clerk, "mo_dau")
    put(clerk, "mo_dau[0]", "Ban Thường vụ Liên đoàn Lao động tỉnh hướng dẫn tổ chức thực hiện như sau:")
    fill(clerk, [("thoi_gian.tu", "2025-03-10"), ("thoi_gian.den", "2025-12-31")])

    # I. A section with a numbered subsection holding a paragraph, points and bullets.
    add(clerk, "muc")
    shape(clerk, "muc[0]", "muc")
    put(clerk, "muc[0].ten", "Nội dung thi đua")
    add(clerk, "muc[0].noi_dung")
    shape(clerk, "muc[0].noi_dung[0]", "khoi")
    put(clerk, "muc[0].noi_dung[0].tieu_muc", "Phát triển đoàn viên")
    inner = "muc[0].noi_dung[0].noi_dung"
    add(clerk, inner)
    put(clerk, inner + "[0]", "Mỗi Công đoàn cơ sở đăng ký chỉ tiêu phát triển đoàn viên của năm.")
    add(clerk, inner)
    shape(clerk, inner + "[1]", "khoi")
    add(clerk, inner + "[1].cac_diem")
    add(clerk, inner + "[1].cac_diem")
    fill(clerk, [(inner + "[1].cac_diem[0]", "Ở doanh nghiệp ngoài nhà nước."),
                 (inner + "[1].cac_diem[1]", "Ở đơn vị sự nghiệp.")])
    add(clerk, inner)
    shape(clerk, inner + "[2]", "khoi")
    # Three bullets typed in the wrong order, one too many: moved up, then removed.
    bullets = inner + "[2].cac_y"
    for _ in range(3):
        add(clerk, bullets)
    fill(clerk, [(bullets + "[0]", "Pa-nô, áp-phích tại khu công nghiệp."),
                 (bullets + "[1]", "Tuyên truyền trên trang thông tin điện tử."),
                 (bullets + "[2]", "Dòng gõ thừa.")])
    item_button(clerk, bullets, 1, "Lên trên")
    wait(lambda: value(clerk, bullets + "[0]") == "Tuyên truyền trên trang thông tin điện tử.", "ý chuyển lên trên")
    item_button(clerk, bullets, 2, "Xóa")
    wait(lambda: not present(clerk, bullets + "[2]"), "ý thứ ba bị xóa")
    result["cac_y"] = [value(clerk, bullets + "[%d]" % i) for i in range(2)]

    # II. Assignments: who does what, by when; they make the task list.
    add(clerk, "muc")
    shape(clerk, "muc[1]", "muc")
    put(clerk, "muc[1].ten", "Tổ chức thực hiện")
    add(clerk, "muc[1].noi_dung")
    shape(clerk, "muc[1].noi_dung[0]", "khoi")
    put(clerk, "muc[1].noi_dung[0].giao", "Ban Tuyên giáo - Nữ công")
    add(clerk, "muc[1].noi_dung[0].nhiem_vu")
    add(clerk, "muc[1].noi_dung[0].nhiem_vu")
    fill(clerk, [("muc[1].noi_dung[0].nhiem_vu[0]", "Tham mưu Ban Thường vụ theo dõi phong trào."),
                 ("muc[1].noi_dung[0].nhiem_vu[1]", "Biên soạn tài liệu tuyên truyền.")])
    # An impossible deadline: the diagnostic sits by the deadline, deep in the section.
    mistake(clerk, "muc[1].noi_dung[0].han", "2025-04-31", "2025-04-15", result, "loi_han")
    add(clerk, "muc[1].noi_dung")
    shape(clerk, "muc[1].noi_dung[1]", "khoi")
    put(clerk, "muc[1].noi_dung[1].giao", "Công đoàn cơ sở")
    add(clerk, "muc[1].noi_dung[1].nhiem_vu")
    fill(clerk, [("muc[1].noi_dung[1].nhiem_vu[0]", "Gửi danh sách đăng ký thi đua về Liên đoàn Lao động tỉnh."),
                 ("muc[1].noi_dung[1].han_thang", "2025-05")])
    add(clerk, "ket_luan")
    put(clerk, "ket_luan[0]", "Trong quá trình thực hiện, nếu có vướng mắc, đề nghị phản ánh về Liên đoàn Lao động tỉnh./.")
    ending(clerk, "Nguyễn Văn A", "Công đoàn cơ sở")
    # A plan's symbol in a guidance: the check says so next to the symbol.
    mistake(clerk, "ky_hieu", "KH-LĐLĐ", "HD-LĐLĐ", result, "loi_ky_hieu")
    clean(clerk, result)
    result["xem_truoc_co_thuc_hien"] = "Thực hiện Kế hoạch số 12/KH-LĐLĐ" in (text(clerk, "xem-truoc") or "")
    save_and_download(clerk, downloads, ["md", "docx", "nhiem-vu"], result)


def upload(clerk, path):
    name = os.path.basename(path)
    clerk.upload(os.path.abspath(path))
    try:
        wait(lambda: ("Đã tải lên " + name) in (text(clerk, "trang-thai-luu") or ""), "tải lên")
    except Failure:
        fail("tải lên %s không được: %s" % (name, text(clerk, "trang-thai-luu")))
    return name


def report(clerk, address, downloads, figures, result):
    new_document(clerk, address, "bao_cao", "bao-cao-moi.yaml")
    header(clerk, "BC-LĐLĐ", "41", "2025-06-20", "Sơ kết 6 tháng đầu năm phong trào thi đua yêu nước năm 2025")
    put(clerk, "loi_dan", "thuc_hien")
    add(clerk, "mo_dau")
    put(clerk, "mo_dau[0]", "Ban Thường vụ Liên đoàn Lao động tỉnh báo cáo kết quả 6 tháng đầu năm như sau:")
    fill(clerk, [("bao_cao.hinh_thuc", "so_ket"), ("bao_cao.ten_ky", "6 tháng đầu năm 2025")])
    result["goi_y_ke_hoach"] = offered(clerk, "bao_cao.ke_hoach.tep")
    fill(clerk, [("bao_cao.ke_hoach.tep", PLAN), ("bao_cao.ky.tu", "2025-01-01")])
    mistake(clerk, "bao_cao.ky.den", "2025-06-31", "2025-06-15", result, "loi_ky")
    # The figures: uploaded into the folder through the upload control, then named.
    names = [upload(clerk, path) for path in figures]
    result["trang_thai_tai_len"] = text(clerk, "trang-thai-luu")
    current = [n for n in names if "cung-ky" not in n]
    earlier = [n for n in names if "cung-ky" in n]
    for index, name in enumerate(current):
        add(clerk, "bao_cao.so_lieu")
        if not index:
            result["goi_y_so_lieu"] = offered(clerk, "bao_cao.so_lieu[0]")
        put(clerk, "bao_cao.so_lieu[%d]" % index, name)
    for index, name in enumerate(earlier):
        add(clerk, "bao_cao.ky_truoc")
        put(clerk, "bao_cao.ky_truoc[%d]" % index, name)
    if earlier:
        put(clerk, "bao_cao.so_sanh_voi", "cung_ky")
    fill(clerk, [("bao_cao.so_don_vi_noi_bat", "2"), ("bao_cao.nguoi_lap_bieu", "Nguyễn Thị Mỹ Linh"),
                 ("bao_cao.bang_don_vi", "true")])
    # Indicators: the codes of the default set the plan's targets and the figures have,
    # one with its own sentence.
    for index, code in enumerate(["doan_vien_moi", "so_cdcs", "cdcs_phat_dong", "ty_le_cdcs_phat_dong", "dang_ky_ca_nhan",
                                  "sang_kien", "gia_tri_lam_loi", "cong_trinh_san_pham", "thanh_lap_cdcs",
                                  "mai_am_so_nha", "mai_am_kinh_phi"]):
        add(clerk, "bao_cao.chi_tieu")
        put(clerk, "bao_cao.chi_tieu[%d].ma" % index, code)
    put(clerk, "bao_cao.chi_tieu[0].cau", "phát triển được {gia_tri} {don_vi_tinh} mới, đạt {ty_le} chỉ tiêu cả năm ({chi_tieu})")
    for key, paragraph in [("thuan_loi", "Được sự quan tâm lãnh đạo của Tỉnh ủy, phong trào được phát động sớm."),
                           ("kho_khan", "Một số doanh nghiệp thiếu đơn hàng, người lao động nghỉ việc luân phiên."),
                           ("ton_tai", "Việc báo cáo số liệu của một số đơn vị còn chậm.")]:
        add(clerk, "bao_cao." + key)
        put(clerk, "bao_cao.%s[0]" % key, paragraph)
    add(clerk, "bao_cao.phuong_huong")
    shape(clerk, "bao_cao.phuong_huong[0]", "khoi")
    add(clerk, "bao_cao.phuong_huong[0].cac_y")
    add(clerk, "bao_cao.phuong_huong[0].cac_y")
    fill(clerk, [("bao_cao.phuong_huong[0].cac_y[0]", "Tập trung phát triển đoàn viên ở doanh nghiệp ngoài nhà nước."),
                 ("bao_cao.phuong_huong[0].cac_y[1]", "Tổ chức sơ kết đợt 1 theo thời gian Kế hoạch quy định.")])
    ending(clerk, "Lê Thị Thu Hà", "Công đoàn các cấp trực thuộc")
    clean(clerk, result)
    result["xem_truoc_co_so_lieu"] = "đoàn viên mới" in (text(clerk, "xem-truoc") or "")
    save_and_download(clerk, downloads, ["md", "docx", "xlsx", "bieu-mau"], result)


# ---- Fixtures and the workbook's cells ----

def workbook(source, out):
    """The figures of a CSV as a unit's clerk types them into Calc or Excel: the header,
    numbers as numbers, and now and then one typed as text in the Vietnamese way."""
    import csv
    import io
    import openpyxl
    content = open(source, encoding="utf-8-sig").read()
    delimiter = ";" if content.splitlines()[0].count(";") > content.splitlines()[0].count(",") else ","
    rows = list(csv.reader(io.StringIO(content), delimiter=delimiter))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Số liệu"
    sheet.append(rows[0])
    for index, row in enumerate(rows[1:]):
        values = row[:2]
        for position, cell in enumerate(row[2:]):
            number = int(cell.replace(".", "")) if cell.strip() else None
            values.append(cell if (index + position) % 5 == 0 and number is not None else number)
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


# ---- Entry points ----

def in_chromium(kind, address, downloads, figures):
    result, code, clerk = {}, 0, None
    try:
        clerk = Chromium(downloads)
        if kind == "huong_dan":
            guidance(clerk, address, downloads, result)
        else:
            report(clerk, address, downloads, figures, result)
    except Failure as failure:
        result["loi"], code = str(failure), 1
    except Exception as error:  # a WebDriver fault (a timeout of a loaded machine) is a failed judgement too
        result["loi"], code = "%s: %s" % (type(error).__name__, error), 1
    finally:
        if clerk:
            clerk.browser.quit()
    print(json.dumps(result, ensure_ascii=False))
    sys.exit(code)


def in_firefox(address, downloads, figures):
    import web_judge_firefox

    async def judge(port, result):
        bidi, page = await web_judge_firefox.session(port)
        loop = asyncio.get_running_loop()
        clerk = Firefox(page, loop)
        try:
            result["trinh_duyet"] = await page.call("() => navigator.userAgent")
            result["huong_dan"], result["bao_cao"] = {}, {}
            await loop.run_in_executor(None, guidance, clerk, address, downloads, result["huong_dan"])
            await loop.run_in_executor(None, report, clerk, address, downloads, figures, result["bao_cao"])
        finally:
            await web_judge_firefox.close(bidi, result)
    web_judge_firefox.run(judge, downloads=downloads, seconds=420)


def main():
    command = sys.argv[1]
    if command == "xlsx":
        workbook(sys.argv[2], sys.argv[3])
    elif command == "cells":
        print(json.dumps(cells(sys.argv[2]), ensure_ascii=False, sort_keys=True))
    elif command == "firefox":
        in_firefox(sys.argv[2], sys.argv[3], sys.argv[4:])
    else:
        in_chromium(command, sys.argv[2], sys.argv[3], sys.argv[4:])


main()
