#!/usr/bin/env python3
"""Writes the hostile figures files of Tests/ThiDuaKitTests/FigureCorpus: each one a
CSV (or not) that `thidua check` must refuse before anything is written, or whose
messages must stay few and truthful. Their point is often their bytes (NUL, UTF-16,
control characters), which an editor would silently "fix", so they are made here.

    python3 scripts/make-figure-corpus.py
"""
import pathlib

OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests/ThiDuaKitTests/FigureCorpus"
HEADER = "don_vi;nhom;doan_vien_moi;gia_tri_lam_loi\n"


def write(name, data):
    (OUT / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


def rows(*lines):
    return HEADER + "".join(line + "\n" for line in lines)


# Figures the workbook cannot show exactly (Excel keeps 15 significant digits).
write("money-beyond-2-53.csv", rows("Trường THCS Phú Hưng;Khối Giáo dục;3;9.007.199.254.740.993"))
write("money-16-digits.csv", rows("Trường THCS Phú Hưng;Khối Giáo dục;3;1.234.567.890.123.456"))
# Each cell fits, their sum does not (beyond 2^53): named at the cell that crossed.
write("sum-beyond-excel.csv", rows(*[f"Công ty {i};Khối Doanh nghiệp;1;900.000.000.000.000" for i in range(11)]))
# Names that would land raw in the document and break the workbook.
write("nul-in-unit-name.csv", rows("Trường\x00 THCS An Hội;Khối Giáo dục;3;1.000"))
write("control-in-unit-name.csv", rows("\"Trường\x01 THCS An Hội\";Khối Giáo dục;3;1.000"))
write("escape-in-group-name.csv", rows("Trường THCS An Hội;Khối\x1b[31m Giáo dục;3;1.000"))
write("c1-control-in-unit-name.csv", rows("Trường THCS\u009b An Hội;Khối Giáo dục;3;1.000"))
write("bidi-override-in-unit-name.csv", rows("Trường THCS \u202eiộH nA;Khối Giáo dục;3;1.000"))
write("unit-name-beyond-excel-cell.csv", rows("Trường " + "THCS An Hội " * 3000 + ";Khối Giáo dục;3;1.000"))
write("group-name-beyond-excel-cell.csv", rows("Trường THCS An Hội;Khối " + "Giáo dục " * 3700 + ";3;1.000"))
# Hints that must not lead to wrong data.
write("underscore-thousands.csv", rows("Trường THCS An Hội;Khối Giáo dục;1_000;2.000"))
write("letter-o-for-zero.csv", rows("Trường THCS An Hội;Khối Giáo dục;1OO;2.000"))
# Not a figures table: refused without quoting a byte of it.
write("utf16-with-bom.csv", ("\ufeff" + rows("Trường THCS An Hội;Khối Giáo dục;3;1.000")).encode("utf-16-le"))
write("utf16-without-bom.csv", rows("Truong THCS An Hoi;Khoi Giao duc;3;1.000").encode("utf-16-le"))
write("utf16-big-endian.csv", rows("Truong THCS An Hoi;Khoi Giao duc;3;1.000").encode("utf-16-be"))
write("passwd-like.csv", "".join(f"user{i}:x:{1000 + i}:{1000 + i}:Nguoi dung {i}:/home/user{i}:/bin/bash\n" for i in range(14)))
write("environ-like.csv", b"PATH=/usr/bin:/bin\x00HOME=/root\x00SECRET_TOKEN=abc123\x00")
write("letter-not-a-table.csv", "Kính gửi: Ban Thường vụ LĐLĐ tỉnh\nVề việc: báo cáo số liệu, tổng hợp, ý kiến\nNgười lập, ký tên, đóng dấu\n")
# Repeated findings: capped per kind and summarised.
write("many-unknown-columns.csv", HEADER.rstrip("\n") + "".join(f";cot_{i}" for i in range(20000)) + "\nTrường A;Khối B;1;2\n")
write("many-stray-quotes.csv", rows(*[f"\"Trường {i}\"x;Khối B;1;2" for i in range(40)]))
write("many-faults-of-two-kinds.csv", rows(*[f"Trường {i};Khối B;{i} người;1" if i % 2 else f";Khối B;1;{i}" for i in range(1, 600)]))
