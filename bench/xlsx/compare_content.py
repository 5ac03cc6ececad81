#!/usr/bin/env python3
"""Compares the content of two workbooks (e.g. raw.c's and the Swift writer's).

Usage: compare_content.py A.xlsx B.xlsx

Uses the dump of Tests/ThiDuaXlsxTests/Scripts/check_workbook.py (cells, values,
formulas, cached values, number formats, fonts, borders, fills, merges, panes,
filter, print setup, charts) and ignores column widths and row heights, which raw.c
does not fit to the text. Prints the differences and "N khác"; exits 1 if any.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Tests", "ThiDuaXlsxTests", "Scripts"))
import check_workbook  # noqa: E402


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    dumps = [check_workbook.dump(path) for path in argv[1:]]
    for dump in dumps:
        dump.pop("properties", None)  # holds the creation time
        for sheet in dump["sheet"].values():
            sheet.pop("column_widths", None)
            sheet.pop("row_heights", None)
    differences = []

    def walk(a, b, path):
        if isinstance(a, dict) and isinstance(b, dict):
            for key in sorted(set(a) | set(b)):
                walk(a.get(key), b.get(key), f"{path}/{key}")
        elif a != b:
            differences.append(f"{path}: {a!r} ≠ {b!r}")

    walk(dumps[0], dumps[1], "")
    for line in differences[:40]:
        print(line)
    print(f"{len(differences)} khác")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
