"""Workbooks for the reading benchmark (bench/run, scenario e), and the Python readers
thidua is compared with.

  gen DIR               1,000 filled forms of 50 units x 12 indicators (forms/), one
                        workbook of 100,000 rows (lon.xlsx), and the report YAMLs
  calamine FILE...      read and add up with python-calamine (Rust)
  openpyxl FILE...      the same with openpyxl in read-only mode
"""
import sys

KEYS = ["so_cdcs", "cdcs_phat_dong", "dang_ky_ca_nhan", "sang_kien", "gia_tri_lam_loi", "cong_trinh_san_pham",
        "doan_vien_moi", "chi_tieu_doan_vien_moi", "thanh_lap_cdcs", "chi_tieu_thanh_lap_cdcs", "mai_am_so_nha", "mai_am_kinh_phi"]
YAML = """loai: bao_cao
co_quan_chu_quan: Tổng Liên đoàn Lao động Việt Nam
co_quan_ban_hanh: Liên đoàn Lao động tỉnh Bến Tre
so: 41
ky_hieu: BC-LĐLĐ
dia_danh: Bến Tre
ngay: 2025-09-12
trich_yeu: Sơ kết đợt 1 phong trào thi đua yêu nước năm 2025
chu_ky: {{ hinh_thuc: TM., thay_mat: BAN THƯỜNG VỤ, chuc_vu: CHỦ TỊCH, ho_ten: Nguyễn Văn A }}
noi_nhan: [Như trên, Lưu VT]
bao_cao:
  hinh_thuc: so_ket
  so_lieu:
{files}
"""


def write_book(path, first_unit, units, rnd):
    from openpyxl import Workbook
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Số liệu")
    ws.append(["BIỂU SỐ LIỆU SƠ KẾT ĐỢT 1 NĂM 2025"])
    ws.append(["STT", "Đơn vị", "Khối/Cụm"] + KEYS)
    for i in range(units):
        n = first_unit + i
        cdcs = rnd.randint(1, 30)
        row = [i + 1, f"CĐCS đơn vị số {n}", f"Cụm {n % 12 + 1}", cdcs, rnd.randint(0, cdcs), rnd.randint(0, 900),
               rnd.randint(0, 9), rnd.randint(0, 99) * 100_000, rnd.randint(0, 9), rnd.randint(0, 60), rnd.randint(0, 60),
               rnd.randint(0, 2), rnd.randint(0, 2), rnd.randint(0, 1), rnd.randint(0, 1) * 60_000_000]
        ws.append(row)
    wb.save(path)


def gen(folder):
    import os, random
    rnd = random.Random(13)
    os.makedirs(f"{folder}/forms", exist_ok=True)
    for k in range(1000):
        write_book(f"{folder}/forms/don-vi-{k:04d}.xlsx", k * 50, 50, rnd)
    write_book(f"{folder}/lon.xlsx", 0, 100_000, rnd)
    files = "".join(f"    - forms/don-vi-{k:04d}.xlsx\n" for k in range(1000))
    open(f"{folder}/forms.yaml", "w").write(YAML.format(files=files))
    open(f"{folder}/lon.yaml", "w").write(YAML.format(files="    - lon.xlsx\n"))


def add_up(rows):
    """Finds the header, then adds every indicator column: what `thidua check` does, minus the checks."""
    sums, header, units = {}, None, 0
    for row in rows:
        if header is None:
            if row and "Đơn vị" in row:
                header = [str(c) for c in row]
            continue
        units += 1
        for key, value in zip(header, row):
            if key in KEYS and isinstance(value, (int, float)):
                sums[key] = sums.get(key, 0) + int(value)
    return units, sums


def calamine(files):
    from python_calamine import CalamineWorkbook
    total = 0
    for path in files:
        book = CalamineWorkbook.from_path(path)
        units, _ = add_up(book.get_sheet_by_index(0).to_python())
        total += units
    print(total)


def read_openpyxl(files):
    from openpyxl import load_workbook
    total = 0
    for path in files:
        book = load_workbook(path, read_only=True, data_only=True)
        units, _ = add_up(book.worksheets[0].iter_rows(values_only=True))
        total += units
        book.close()
    print(total)


if __name__ == "__main__":
    {"gen": lambda: gen(sys.argv[2]), "calamine": lambda: calamine(sys.argv[2:]),
     "openpyxl": lambda: read_openpyxl(sys.argv[2:])}[sys.argv[1]]()
