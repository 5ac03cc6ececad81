#!/usr/bin/env python3
"""Recalculates an .xlsx with LibreOffice and compares every formula's result with
the cached value the writer stored.

Usage: recalc_compare.py WORKBOOK.xlsx [--soffice PATH] [--keep DIR] [--self-test]

ThiDuaXlsx stores, for each formula (subtotals, grand totals, percentages), the value
it computed exactly in Swift. Readers that do not recalculate (viewers, previews,
openpyxl, pandas) show those cached values, so they must equal what a spreadsheet
computes. This script converts the workbook with LibreOffice headless, forced to
recalculate every formula on load, and compares each formula cell.

Prints "N ô công thức, N khớp, N lệch" and exits 0 when nothing differs,
1 on any mismatch, 2 when LibreOffice or openpyxl is missing or conversion fails.
"""

import argparse
import math
import os
import shutil
import subprocess
import sys
import tempfile

try:
    import openpyxl
except ImportError:
    print("Cần openpyxl: pip install openpyxl", file=sys.stderr)
    sys.exit(2)

# LibreOffice reads cached results of .xlsx formulas unless told otherwise; this
# profile setting (Tools › Options › Calc › Formula › "Recalculation on file load",
# Excel 2007 and newer: Always recalculate) forces a full recalculation.
REGISTRY = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def find_soffice(explicit):
    for candidate in [explicit, shutil.which("soffice"), shutil.which("libreoffice"), "/usr/bin/soffice"]:
        if candidate and os.path.exists(candidate):
            return candidate
    return None


def recalculate(soffice, workbook, work):
    profile = os.path.join(work, "profile")
    os.makedirs(os.path.join(profile, "user"), exist_ok=True)
    with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w", encoding="utf-8") as handle:
        handle.write(REGISTRY)
    outdir = os.path.join(work, "out")
    os.makedirs(outdir, exist_ok=True)
    command = [
        soffice, "--headless", "--norestore", "--nologo", "--nodefault",
        "-env:UserInstallation=file://" + profile,
        "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", outdir, workbook,
    ]
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=600)
    converted = os.path.join(outdir, os.path.basename(workbook))
    if not converted.lower().endswith(".xlsx"):
        converted = os.path.splitext(converted)[0] + ".xlsx"
    if result.returncode != 0 or not os.path.exists(converted):
        print("LibreOffice không chuyển đổi được tệp:\n" + result.stdout + result.stderr, file=sys.stderr)
        return None
    return converted


def same(cached, recalculated):
    blank = (None, "")
    if cached in blank and recalculated in blank:
        return True
    if isinstance(cached, bool) or isinstance(recalculated, bool):
        return cached == recalculated
    if isinstance(cached, (int, float)) and isinstance(recalculated, (int, float)):
        return math.isclose(cached, recalculated, rel_tol=1e-9, abs_tol=1e-9)
    return cached == recalculated


def compare(original, converted):
    formulas = openpyxl.load_workbook(original)
    cached = openpyxl.load_workbook(original, data_only=True)
    recalculated = openpyxl.load_workbook(converted, data_only=True)
    total, mismatches = 0, []
    for name in formulas.sheetnames:
        ws = formulas[name]
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type != "f":
                    continue
                total += 1
                want = cached[name][cell.coordinate].value
                have = recalculated[name][cell.coordinate].value if name in recalculated.sheetnames else None
                if not same(want, have):
                    mismatches.append(f"{name}!{cell.coordinate} {cell.value}: lưu sẵn {want!r}, LibreOffice tính {have!r}")
    return total, mismatches


def self_test(soffice, work):
    """Proves LibreOffice really recalculates: a formula stored with a wrong cached
    value (=A1+A2 cached as 7) must come back as 5."""
    import re
    import zipfile
    plain = os.path.join(work, "plain.xlsx")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = 2
    ws["A2"] = 3
    ws["A3"] = "=A1+A2"
    wb.save(plain)
    path = os.path.join(work, "tu-kiem-tra.xlsx")
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode("utf-8")
                text = re.sub(r"<f>A1\+A2</f>(<v\s*/>|<v></v>)?", "<f>A1+A2</f><v>7</v>", text)
                data = text.encode("utf-8")
            target.writestr(item, data)
    if openpyxl.load_workbook(path, data_only=True).active["A3"].value != 7:
        print("tự kiểm tra: không tạo được ô có giá trị lưu sẵn sai", file=sys.stderr)
        return False
    converted = recalculate(soffice, path, os.path.join(work, "self"))
    if converted is None:
        return False
    value = openpyxl.load_workbook(converted, data_only=True).active["A3"].value
    print(f"tự kiểm tra: =A1+A2 lưu sẵn 7, LibreOffice tính lại được {value!r}")
    return value == 5


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("workbook")
    parser.add_argument("--soffice")
    parser.add_argument("--keep", help="copy the recalculated workbook here")
    parser.add_argument("--self-test", action="store_true", help="first check that LibreOffice recalculates at all")
    args = parser.parse_args()
    soffice = find_soffice(args.soffice)
    if soffice is None:
        print("Không tìm thấy LibreOffice (soffice). Cài: apt-get install -y libreoffice-calc-nogui", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="thidua-recalc-") as work:
        if args.self_test and not self_test(soffice, work):
            print("LibreOffice không tính lại công thức; không so sánh được.", file=sys.stderr)
            return 2
        converted = recalculate(soffice, os.path.abspath(args.workbook), work)
        if converted is None:
            return 2
        if args.keep:
            shutil.copy(converted, args.keep)
        total, mismatches = compare(args.workbook, converted)
    for line in mismatches[:50]:
        print(line)
    if len(mismatches) > 50:
        print(f"… và {len(mismatches) - 50} ô lệch khác")
    print(f"{total} ô công thức, {total - len(mismatches)} khớp, {len(mismatches)} lệch")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
