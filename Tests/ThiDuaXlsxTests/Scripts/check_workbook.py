#!/usr/bin/env python3
"""Reads an .xlsx written by ThiDuaXlsx with openpyxl and checks it.

Usage:
    check_workbook.py WORKBOOK.xlsx EXPECTED.json   compare; print every difference
    check_workbook.py --dump WORKBOOK.xlsx          print the workbook as JSON

EXPECTED.json holds only what should be checked; every key is optional:

{
  "sheets": ["Tổng hợp", ...],                 exact list, in order
  "cells": {"Tổng hợp": {"D16": {"value": 5,   value as openpyxl reads it
                                  "formula": "=SUM(D8:D15)",
                                  "cached": 123,  value with data_only=True
                                  "number_format": "#,##0",
                                  "type": "s",     openpyxl data_type
                                  "bold": true}}},
  "absent": {"Tổng hợp": ["J1"]},               cells that must be empty
  "merged": {"Tổng hợp": ["A1:I1", ...]},       exact set
  "freeze_panes": {"Tổng hợp": "C7"},
  "autofilter": {"Tổng hợp": "A6:I19"},
  "print": {"Tổng hợp": {"orientation": "landscape", "paperSize": 9, "fitToWidth": 1,
                         "fitToHeight": 0, "fitToPage": true, "print_title_rows": "5:6",
                         "footer_center": "&P/&N"}},
  "charts": {"Biểu đồ": {"count": 1, "type": "col", "title": "…", "series": [{"name": "…",
              "categories": "'Biểu đồ'!$A$3:$A$5", "values": "'Biểu đồ'!$B$3:$B$5"}]}},
  "properties": {"title": "…", "creator": "…", "company": "…"},
  "column_widths_at_least": {"Tổng hợp": {"B": 30}}
}

Exit status 0 when everything matches, 1 when something differs (each difference is
printed on its own line), 2 on a usage or reading error.
"""

import json
import math
import posixpath
import sys
import zipfile
import xml.etree.ElementTree as ET

try:
    import openpyxl
except ImportError:  # pragma: no cover - reported to the Swift test
    print("openpyxl chưa được cài: pip install openpyxl", file=sys.stderr)
    sys.exit(2)

NS = {
    "main": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
}


def plain(value):
    """JSON-friendly form of a cell value."""
    if value is None or isinstance(value, (bool, int, float, str)):
        if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
            return int(value)
        return value
    return str(value)


def style_of(cell):
    font = cell.font
    fill = cell.fill
    align = cell.alignment
    border = cell.border
    color = None
    if fill is not None and fill.fill_type == "solid" and fill.fgColor is not None:
        color = fill.fgColor.rgb if isinstance(fill.fgColor.rgb, str) else None
    return {
        "font": font.name,
        "size": font.sz,
        "bold": bool(font.b),
        "italic": bool(font.i),
        "horizontal": align.horizontal,
        "vertical": align.vertical,
        "wrap": bool(align.wrap_text),
        "border": border.left.style if border and border.left is not None else None,
        "fill": color,
    }


def rel_target(base_dir, target):
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(base_dir, target))


def rels_of(archive, part):
    directory, name = posixpath.split(part)
    rels_path = posixpath.join(directory, "_rels", name + ".rels")
    if rels_path not in archive.namelist():
        return {}
    root = ET.fromstring(archive.read(rels_path))
    return {
        rel.get("Id"): (rel.get("Type").rsplit("/", 1)[-1], rel_target(directory, rel.get("Target")))
        for rel in root.findall("rel:Relationship", NS)
    }


def text_of(element):
    return "".join(t.text or "" for t in element.iter("{%s}t" % NS["a"])) if element is not None else None


def charts_by_sheet(path):
    """Charts read from the package itself: sheet → drawing → chart parts."""
    result = {}
    with zipfile.ZipFile(path) as archive:
        workbook = ET.fromstring(archive.read("xl/workbook.xml"))
        book_rels = rels_of(archive, "xl/workbook.xml")
        for sheet in workbook.find("main:sheets", NS):
            name = sheet.get("name")
            rid = sheet.get("{%s}id" % NS["r"])
            sheet_part = book_rels.get(rid, (None, None))[1]
            charts = []
            for kind, drawing in rels_of(archive, sheet_part).values():
                if kind != "drawing":
                    continue
                for kind2, chart_part in rels_of(archive, drawing).values():
                    if kind2 != "chart":
                        continue
                    root = ET.fromstring(archive.read(chart_part))
                    bar = root.find(".//c:barChart", NS)
                    title = root.find(".//c:chart/c:title", NS)
                    series = []
                    name_refs = []
                    for ser in root.findall(".//c:ser", NS):
                        label = ser.find("c:tx//c:v", NS)
                        label_ref = ser.find("c:tx//c:f", NS)
                        cat = ser.find("c:cat//c:f", NS)
                        val = ser.find("c:val//c:f", NS)
                        series.append({
                            "name": label.text if label is not None else None,
                            "categories": cat.text if cat is not None else None,
                            "values": val.text if val is not None else None,
                        })
                        name_refs.append(label_ref.text if label_ref is not None else None)
                    bar_dir = bar.find("c:barDir", NS).get("val") if bar is not None else None
                    axes = [text_of(axis.find("c:title", NS)) for axis in root.findall(".//c:plotArea/*", NS)
                            if axis.tag in ("{%s}catAx" % NS["c"], "{%s}valAx" % NS["c"])]
                    # Every formula or reference in the chart part: text must never become one.
                    refs = [f.text for f in root.iter("{%s}f" % NS["c"])]
                    charts.append({"type": bar_dir, "title": text_of(title), "series": series,
                                   "series_name_formulas": name_refs, "axis_titles": axes, "formulas": refs})
            result[name] = charts
    return result


def company_of(path):
    with zipfile.ZipFile(path) as archive:
        if "docProps/app.xml" not in archive.namelist():
            return None
        root = ET.fromstring(archive.read("docProps/app.xml"))
        element = root.find("ep:Company", NS)
        return element.text if element is not None else None


def dump(path):
    formulas = openpyxl.load_workbook(path)
    values = openpyxl.load_workbook(path, data_only=True)
    charts = charts_by_sheet(path)
    result = {"sheets": formulas.sheetnames, "sheet": {}}
    for name in formulas.sheetnames:
        ws = formulas[name]
        wv = values[name]
        cells = {}
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None and not cell.has_style:
                    continue
                entry = {
                    "value": plain(cell.value),
                    "type": cell.data_type,
                    "number_format": cell.number_format,
                }
                entry.update(style_of(cell))
                if cell.data_type == "f":
                    entry["formula"] = cell.value
                    entry["cached"] = plain(wv[cell.coordinate].value)
                cells[cell.coordinate] = entry
        setup = ws.page_setup
        footer = ws.oddFooter
        header = ws.oddHeader
        margins = ws.page_margins
        result["sheet"][name] = {
            "cells": cells,
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "freeze_panes": ws.freeze_panes,
            "autofilter": ws.auto_filter.ref,
            "print": {
                "orientation": setup.orientation,
                "paperSize": int(setup.paperSize) if setup.paperSize is not None else None,
                # ECMA-376 defaults: an absent fitToWidth / fitToHeight means 1.
                "fitToWidth": int(setup.fitToWidth) if setup.fitToWidth is not None else 1,
                "fitToHeight": int(setup.fitToHeight) if setup.fitToHeight is not None else 1,
                "fitToPage": bool(ws.sheet_properties.pageSetUpPr.fitToPage) if ws.sheet_properties.pageSetUpPr is not None else False,
                "print_title_rows": ws.print_title_rows,
                "footer_center": footer.center.text if footer is not None else None,
                "header_center": header.center.text if header is not None else None,
                "margins_mm": [round(v * 25.4, 1) for v in (margins.left, margins.right, margins.top, margins.bottom)],
            },
            "column_widths": {k: v.width for k, v in ws.column_dimensions.items() if v.width},
            "row_heights": {str(k): v.height for k, v in ws.row_dimensions.items() if v.height},
            "charts": charts.get(name, []),
        }
    props = formulas.properties
    result["properties"] = {"title": props.title, "creator": props.creator, "subject": props.subject, "company": company_of(path)}
    return result


def same(expected, actual):
    if isinstance(expected, float) or isinstance(actual, float):
        if isinstance(expected, (int, float)) and isinstance(actual, (int, float)) and not isinstance(expected, bool):
            return math.isclose(expected, actual, rel_tol=1e-12, abs_tol=1e-12)
        return False
    return expected == actual


def compare(path, expected):
    got = dump(path)
    problems = []

    def differ(where, want, have):
        problems.append(f"{where}: mong đợi {json.dumps(want, ensure_ascii=False)}, thực tế {json.dumps(have, ensure_ascii=False)}")

    if "sheets" in expected and expected["sheets"] != got["sheets"]:
        differ("danh sách trang", expected["sheets"], got["sheets"])

    def sheet(name):
        if name not in got["sheet"]:
            problems.append(f"thiếu trang “{name}”")
            return None
        return got["sheet"][name]

    for name, cells in expected.get("cells", {}).items():
        s = sheet(name)
        if s is None:
            continue
        for ref, want in cells.items():
            have = s["cells"].get(ref)
            if have is None:
                problems.append(f"{name}!{ref}: ô trống, mong đợi {json.dumps(want, ensure_ascii=False)}")
                continue
            for key, value in want.items():
                if not same(value, have.get(key)):
                    differ(f"{name}!{ref} [{key}]", value, have.get(key))
    for name, refs in expected.get("absent", {}).items():
        s = sheet(name)
        if s is None:
            continue
        for ref in refs:
            if ref in s["cells"] and s["cells"][ref]["value"] is not None:
                differ(f"{name}!{ref}", None, s["cells"][ref]["value"])
    for name, ranges in expected.get("merged", {}).items():
        s = sheet(name)
        if s is not None and sorted(ranges) != s["merged"]:
            differ(f"{name} vùng gộp", sorted(ranges), s["merged"])
    for key in ("freeze_panes", "autofilter"):
        for name, want in expected.get(key, {}).items():
            s = sheet(name)
            if s is not None and want != s[key]:
                differ(f"{name} {key}", want, s[key])
    for name, want in expected.get("print", {}).items():
        s = sheet(name)
        if s is None:
            continue
        for key, value in want.items():
            if not same(value, s["print"].get(key)):
                differ(f"{name} in ấn [{key}]", value, s["print"].get(key))
    for name, want in expected.get("charts", {}).items():
        s = sheet(name)
        if s is None:
            continue
        charts = s["charts"]
        if "count" in want and want["count"] != len(charts):
            differ(f"{name} số biểu đồ", want["count"], len(charts))
            continue
        if charts:
            chart = charts[0]
            for key in ("type", "title", "series"):
                if key in want and want[key] != chart[key]:
                    differ(f"{name} biểu đồ [{key}]", want[key], chart[key])
    for key, value in expected.get("properties", {}).items():
        if value != got["properties"].get(key):
            differ(f"thuộc tính {key}", value, got["properties"].get(key))
    for name, widths in expected.get("column_widths_at_least", {}).items():
        s = sheet(name)
        if s is None:
            continue
        for column, minimum in widths.items():
            have = s["column_widths"].get(column)
            if have is None or have < minimum:
                differ(f"{name} độ rộng cột {column} (tối thiểu)", minimum, have)
    return problems


def main(argv):
    if len(argv) == 3 and argv[1] == "--dump":
        print(json.dumps(dump(argv[2]), ensure_ascii=False, indent=1, sort_keys=True))
        return 0
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[2], encoding="utf-8") as handle:
        expected = json.load(handle)
    problems = compare(argv[1], expected)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} điểm khác")
        return 1
    print("khớp")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as error:
        print(f"lỗi đọc tệp: {error}", file=sys.stderr)
        sys.exit(2)
