#!/usr/bin/env python3
"""Reads generated .docx files back with python-docx (Debian python3-docx) and checks
the layout of Nghị định 30/2020/NĐ-CP, Phụ lục I, as a clerk's Word would show it.

    judge_docx.py EXPECTATIONS.json

EXPECTATIONS is a list of objects: file, kind ("document" or "tasks"), title, author,
annexes (how many), signer. Every property is resolved as Word resolves it: the run,
then its character style, the paragraph's style and the styles it is based on, then the
document defaults. Prints one line per failure; exit status 1 when there is any.
"""
import json
import re
import sys

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Length

failures = []


def fail(file, message):
    failures.append(f"{file}: {message}")


def mm(length):
    return None if length is None else Length(length).mm


# --- effective properties ---------------------------------------------------------

def defaults(document):
    """Run properties of w:docDefaults: font, size, bold, italic, color."""
    rpr = document.styles.element.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr"))
    result = {"font": None, "size": None, "bold": False, "italic": False, "color": None}
    if rpr is None:
        return result
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        result["font"] = fonts.get(qn("w:ascii"))
    size = rpr.find(qn("w:sz"))
    if size is not None:
        result["size"] = int(size.get(qn("w:val"))) / 2
    color = rpr.find(qn("w:color"))
    if color is not None:
        result["color"] = color.get(qn("w:val"))
    return result


def style_chain(style):
    while style is not None:
        yield style
        style = style.base_style


def run_property(document, paragraph, run, name):
    """bold, italic, size (pt) or font name of a run, as Word shows it."""
    def read(font):
        if name == "size":
            return None if font.size is None else font.size.pt
        if name == "font":
            return font.name
        return getattr(font, name)
    value = read(run.font) if run is not None else None
    if value is not None:
        return value
    if run is not None and run.style is not None and run.style.name != "Default Paragraph Font":
        for style in style_chain(run.style):
            value = read(style.font)
            if value is not None:
                return value
    for style in style_chain(paragraph.style):
        value = read(style.font)
        if value is not None:
            return value
    return defaults(document)[name]


def paragraph_property(paragraph, name):
    value = getattr(paragraph.paragraph_format, name)
    if value is not None:
        return value
    for style in style_chain(paragraph.style):
        value = getattr(style.paragraph_format, name)
        if value is not None:
            return value
    return None


def text_runs(paragraph):
    return [run for run in paragraph.runs if run.text.strip()]


def all_runs_have(document, paragraph, name, expected):
    runs = text_runs(paragraph)
    return bool(runs) and all(bool(run_property(document, paragraph, run, name)) == expected for run in runs)


def sizes(document, paragraph):
    return {run_property(document, paragraph, run, "size") for run in text_runs(paragraph)}


def size_in(document, paragraph, low, high):
    found = sizes(document, paragraph)
    return bool(found) and all(size is not None and low <= size <= high for size in found)


def is_caps(text):
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c == c.upper() for c in letters)


def has_top_rule(paragraph):
    border = paragraph._p.find(qn("w:pPr") + "/" + qn("w:pBdr") + "/" + qn("w:top"))
    return border is not None and border.get(qn("w:val")) not in ("nil", "none")


def borderless(table):
    """No border of its own and no table style that would draw one."""
    tbl_pr = table._tbl.tblPr
    style = tbl_pr.find(qn("w:tblStyle"))
    if style is not None and style.get(qn("w:val")) != "TableNormal":
        return False
    borders = tbl_pr.find(qn("w:tblBorders"))
    if borders is None:
        return False
    names = ["top", "left", "bottom", "right", "insideH", "insideV"]
    return all(borders.find(qn("w:" + n)) is not None and borders.find(qn("w:" + n)).get(qn("w:val")) in ("nil", "none")
               for n in names)


def header_has_page_field(header):
    xml = header._element.xml
    return "PAGE" in "".join(header._element.itertext()) or re.search(r'w:instr="\s*PAGE', xml) is not None


# --- the checks -------------------------------------------------------------------

def check_page(file, document):
    section = document.sections[0]
    if section.orientation != WD_ORIENT.PORTRAIT:
        fail(file, "trang đầu phải dọc (portrait)")
    if abs(mm(section.page_width) - 210) > 0.5 or abs(mm(section.page_height) - 297) > 0.5:
        fail(file, f"khổ giấy phải A4, đang {mm(section.page_width):.1f}×{mm(section.page_height):.1f} mm")
    for name, low, high in (("top_margin", 20, 25), ("bottom_margin", 20, 25), ("left_margin", 30, 35), ("right_margin", 15, 20)):
        value = mm(getattr(section, name))
        if not (low - 0.1 <= value <= high + 0.1):
            fail(file, f"{name} = {value:.1f} mm, phải từ {low} đến {high} mm")
    if not section.different_first_page_header_footer:
        fail(file, "thiếu titlePg: trang 1 không được đánh số")
    if not header_has_page_field(section.header):
        fail(file, "tiêu đề trang (header) không có trường PAGE")
    if header_has_page_field(section.first_page_header):
        fail(file, "trang 1 không được có số trang")
    numbers = [p for p in section.header.paragraphs]
    if not numbers or paragraph_property(numbers[0], "alignment") != WD_ALIGN_PARAGRAPH.CENTER:
        fail(file, "số trang phải canh giữa")
    elif not 13 <= (run_property(document, numbers[0], None, "size") or 0) <= 14:
        fail(file, "số trang phải cỡ 13–14")
    default = defaults(document)
    if default["font"] != "Times New Roman":
        fail(file, f"phông mặc định phải Times New Roman, đang {default['font']}")
    if default["color"] not in (None, "000000", "auto"):
        fail(file, f"màu chữ phải đen, đang {default['color']}")
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            if run.font.name not in (None, "Times New Roman"):
                fail(file, f"đoạn “{paragraph.text[:30]}” dùng phông {run.font.name}")


def check_letterhead(file, document):
    table = document.tables[0]
    if not borderless(table):
        fail(file, "bảng tiêu đề (quốc hiệu, cơ quan) phải không viền")
    left, right = table.cell(0, 0), table.cell(0, 1)
    parent, issuing, rule = left.paragraphs[0], left.paragraphs[1], left.paragraphs[-1]
    if not is_caps(parent.text) or not all_runs_have(document, parent, "bold", False) or not size_in(document, parent, 12, 13):
        fail(file, f"cơ quan chủ quản phải in hoa, không đậm, cỡ 12–13: {parent.text!r} {sizes(document, parent)}")
    if not is_caps(issuing.text) or not all_runs_have(document, issuing, "bold", True) or not size_in(document, issuing, 12, 13):
        fail(file, f"cơ quan ban hành phải in hoa, đậm, cỡ 12–13: {issuing.text!r}")
    if not has_top_rule(rule):
        fail(file, "thiếu đường kẻ dưới tên cơ quan ban hành")
    nation, motto, motto_rule = right.paragraphs[0], right.paragraphs[1], right.paragraphs[-1]
    if nation.text != "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" or not all_runs_have(document, nation, "bold", True) or not size_in(document, nation, 12, 13):
        fail(file, f"quốc hiệu sai: {nation.text!r}")
    if motto.text != "Độc lập - Tự do - Hạnh phúc" or not all_runs_have(document, motto, "bold", True) or not size_in(document, motto, 13, 14):
        fail(file, f"tiêu ngữ sai: {motto.text!r}")
    if not has_top_rule(motto_rule):
        fail(file, "thiếu đường kẻ dưới tiêu ngữ")
    number, place = table.cell(1, 0).paragraphs[0], table.cell(1, 1).paragraphs[0]
    if not number.text.startswith("Số:") or not size_in(document, number, 13, 13):
        fail(file, f"số, ký hiệu phải “Số: …” cỡ 13: {number.text!r}")
    if not re.search(r", ngày (\d\d|\s+) tháng (\d\d?|\s+) năm \d{4}$", place.text) or not all_runs_have(document, place, "italic", True) \
            or not size_in(document, place, 13, 14):
        fail(file, f"địa danh, ngày tháng phải nghiêng cỡ 13–14: {place.text!r}")
    for paragraph in (parent, issuing, nation, motto, number, place):
        if paragraph_property(paragraph, "alignment") != WD_ALIGN_PARAGRAPH.CENTER:
            fail(file, f"“{paragraph.text}” phải canh giữa cột")


def check_title(file, document, expected):
    paragraphs = [p for p in document.paragraphs]
    title, subject, rule = paragraphs[0], paragraphs[1], paragraphs[2]
    if not is_caps(title.text) or not all_runs_have(document, title, "bold", True) or not size_in(document, title, 13, 14) \
            or paragraph_property(title, "alignment") != WD_ALIGN_PARAGRAPH.CENTER:
        fail(file, f"tên loại phải in hoa, đậm, cỡ 13–14, canh giữa: {title.text!r}")
    if " ".join(subject.text.split()) != expected["title"] or not all_runs_have(document, subject, "bold", True) or not size_in(document, subject, 13, 14) \
            or paragraph_property(subject, "alignment") != WD_ALIGN_PARAGRAPH.CENTER:
        fail(file, f"trích yếu phải đậm, cỡ 13–14, canh giữa: {subject.text!r}")
    if not has_top_rule(rule):
        fail(file, "thiếu đường kẻ dưới trích yếu")


LABEL = re.compile(r"^([IVXLC]+\.|\d+(\.\d+)*\.|[a-zđ]\)|[-+])\t")


def check_body(file, document):
    body = [p for p in document.paragraphs if p.style.name.startswith("ThiDua ") and p.text.strip()
            and p.style.style_id in ("ThiDuaBody", "ThiDuaSection", "ThiDuaHeading1", "ThiDuaHeading2", "ThiDuaHeading3", "ThiDuaItem")]
    if len(body) < 5:
        fail(file, f"quá ít đoạn nội dung ({len(body)})")
    for paragraph in body:
        where = f"đoạn “{paragraph.text[:40]}”"
        if paragraph_property(paragraph, "alignment") != WD_ALIGN_PARAGRAPH.JUSTIFY:
            fail(file, f"{where} phải canh đều hai lề")
        if not size_in(document, paragraph, 13, 14):
            fail(file, f"{where} phải cỡ 13–14, đang {sizes(document, paragraph)}")
        after = paragraph_property(paragraph, "space_after")
        if after is None or after.pt < 6:
            fail(file, f"{where}: khoảng cách sau đoạn phải ít nhất 6 pt")
        spacing = paragraph_property(paragraph, "line_spacing")
        if not isinstance(spacing, float) or not (1.0 <= spacing <= 1.5):
            fail(file, f"{where}: giãn dòng phải từ 1 đến 1,5 dòng, đang {spacing}")
        first = paragraph_property(paragraph, "first_line_indent")
        left = paragraph_property(paragraph, "left_indent")
        if LABEL.match(paragraph.text):
            # A label, a tab, the text: a hanging indent, the label at 1–1.27 cm.
            if first is None or first >= 0 or left is None:
                fail(file, f"{where}: mục có số/chữ/gạch đầu dòng phải thụt treo (hanging)")
            elif not (9.9 <= mm(left + first) <= 25):
                fail(file, f"{where}: nhãn phải bắt đầu ở 1–1,27 cm hoặc sâu hơn, đang {mm(left + first):.1f} mm")
        elif paragraph.style.style_id == "ThiDuaBody":
            if first is None or not (9.9 <= mm(first) <= 12.8):
                fail(file, f"{where}: thụt đầu dòng phải 1–1,27 cm, đang {None if first is None else round(mm(first), 1)}")
        for run in text_runs(paragraph):
            if "*" in run.text and re.search(r"\*\S|\S\*", run.text):
                fail(file, f"{where}: còn dấu * của chữ đậm/nghiêng")
            if '"' in run.text:
                fail(file, f"{where}: còn dấu ngoặc kép thẳng")


def check_closing(file, document, expected):
    tables = [t for t in document.tables if len(t.columns) == 2 and any("Nơi nhận" in p.text for p in t.cell(0, 0).paragraphs)]
    if len(tables) != 1:
        fail(file, "phải có đúng một bảng ký (Nơi nhận / chữ ký)")
        return
    table = tables[0]
    if not borderless(table):
        fail(file, "bảng ký phải không viền")
    left, right = table.cell(0, 0), table.cell(0, 1)
    heading = left.paragraphs[0]
    if heading.text != "Nơi nhận:" or not all_runs_have(document, heading, "bold", True) or not all_runs_have(document, heading, "italic", True) \
            or not size_in(document, heading, 12, 12):
        fail(file, "“Nơi nhận:” phải đậm nghiêng cỡ 12")
    recipients = [p for p in left.paragraphs[1:] if p.text]
    if not recipients or not all(p.text.startswith("- ") for p in recipients) or not recipients[-1].text.endswith("."):
        fail(file, "nơi nhận: mỗi dòng “- …;”, dòng cuối kết thúc bằng “.”")
    for paragraph in recipients:
        if not size_in(document, paragraph, 11, 11):
            fail(file, f"nơi nhận “{paragraph.text[:30]}” phải cỡ 11")
    lines = [p for p in right.paragraphs if p.text]
    signer = lines[-1]
    for paragraph in lines[:-1]:
        if not is_caps(paragraph.text) or not all_runs_have(document, paragraph, "bold", True) or not size_in(document, paragraph, 13, 14):
            fail(file, f"quyền hạn, chức vụ phải in hoa, đậm, cỡ 13–14: {paragraph.text!r}")
    if signer.text != expected["signer"] or not all_runs_have(document, signer, "bold", True) or not size_in(document, signer, 13, 14):
        fail(file, f"họ tên người ký phải đậm, cỡ 13–14: {signer.text!r}")
    room = paragraph_property(signer, "space_before")
    if room is None or not (25 <= mm(room) <= 30):
        fail(file, f"chỗ ký và đóng dấu phải 25–30 mm, đang {None if room is None else round(mm(room), 1)}")


def check_figure_tables(file, document):
    figures = [t for t in document.tables if not borderless(t)]
    for table in figures:
        first = table.rows[0]._tr
        if first.find(qn("w:trPr") + "/" + qn("w:tblHeader")) is None:
            fail(file, "bảng số liệu: dòng tiêu đề phải lặp lại ở mỗi trang (tblHeader)")
        for row in table.rows[1:]:
            for cell in row.cells:
                text = cell.text.strip()
                if re.fullmatch(r"-?[\d.]+(,\d+)?%?", text):
                    paragraph = cell.paragraphs[0]
                    if paragraph_property(paragraph, "alignment") != WD_ALIGN_PARAGRAPH.RIGHT:
                        fail(file, f"số “{text}” trong bảng phải canh phải")
                        return
    return figures


def check_annexes(file, document, expected):
    """One section per annex after the body's, turned when the annex asks for it."""
    sections = document.sections
    turned = expected["annexes"]
    wanted = len(turned)
    if len(sections) != 1 + wanted:
        fail(file, f"phải có {1 + wanted} phần (section), đang {len(sections)}")
        return
    for section, landscape in zip(sections[1:], turned):
        if landscape and (section.orientation != WD_ORIENT.LANDSCAPE or abs(mm(section.page_width) - 297) > 0.5):
            fail(file, "phụ lục bảng rộng phải trình bày trang ngang (landscape)")
        if not landscape and (section.orientation != WD_ORIENT.PORTRAIT or abs(mm(section.page_width) - 210) > 0.5):
            fail(file, "phụ lục này phải trình bày trang dọc")
        if not section.different_first_page_header_footer:
            fail(file, "phụ lục: trang đầu không đánh số (titlePg)")
    if wanted:
        texts = [p.text for p in document.paragraphs]
        heads = [i for i, t in enumerate(texts) if t.startswith("PHỤ LỤC")]
        if len(heads) != wanted:
            fail(file, f"phải có {wanted} đề “PHỤ LỤC”, đang {len(heads)}")
        for i in heads:
            if not texts[i + 2].startswith("(Kèm theo ") or expected["number"] not in " ".join(texts[i + 2].split()):
                fail(file, f"sau “PHỤ LỤC” phải là dòng “(Kèm theo … số {expected['number']} …)”: {texts[i + 2]!r}")


def check_properties(file, document, expected):
    core = document.core_properties
    if core.title != expected["title"]:
        fail(file, f"thuộc tính Title phải là trích yếu: {core.title!r}")
    if core.author != expected["author"]:
        fail(file, f"thuộc tính Author phải là cơ quan ban hành: {core.author!r}")


def check_tasks(file, document, expected):
    check_page(file, document)
    tables = check_figure_tables(file, document)
    if len(tables) != 1 or len(tables[0].rows) != expected["rows"] + 1:
        fail(file, "danh sách nhiệm vụ phải là một bảng, mỗi nhiệm vụ một dòng")
    if document.core_properties.title != expected["title"]:
        fail(file, f"thuộc tính Title sai: {document.core_properties.title!r}")


def main():
    expectations = json.load(open(sys.argv[1], encoding="utf-8"))
    for expected in expectations:
        file = expected["file"]
        document = docx.Document(file)
        if expected["kind"] == "tasks":
            check_tasks(file, document, expected)
            continue
        check_page(file, document)
        check_letterhead(file, document)
        check_title(file, document, expected)
        check_body(file, document)
        check_closing(file, document, expected)
        check_figure_tables(file, document)
        check_annexes(file, document, expected)
        check_properties(file, document, expected)
    for line in failures:
        print(line)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
