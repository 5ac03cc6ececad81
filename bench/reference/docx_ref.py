#!/usr/bin/env python3
"""The peer of `thidua render --format docx` for bench/run: the same document built the
way a competent Python user would build it, with python-docx on top of the reference
pipeline (thidua_ref.py: YAML, numbering, dates, curly quotes).

    docx_ref.py FILE.yaml --out DIR

A4 with the decree's margins, Times New Roman, the two-column letterhead and closing
block as borderless tables with paragraph-border rules, title and trích yếu, body
paragraphs justified with a first-line indent, numbered items, points and bullets with
hanging indents, bold/italic runs, tables with a repeated header row, the PAGE field
centred in the header from page 2 on (different first page), core properties.
"""
import argparse
import os
import re
import sys

import docx
from docx.enum.section import WD_ORIENT  # noqa: F401 (kept for symmetry with landscape annexes)
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import thidua_ref as ref  # noqa: E402
import yaml  # noqa: E402

TNR = "Times New Roman"


def runs(paragraph, text, size=14, bold=False, italic=False):
    """`**bold**` and `*italic*` markup as runs."""
    for piece in re.split(r"(\*\*[^*]+\*\*|\*[^*]+\*)", ref.curly(text)):
        if not piece:
            continue
        b, i = bold, italic
        if piece.startswith("**"):
            piece, b = piece[2:-2], True
        elif piece.startswith("*") and len(piece) > 1:
            piece, i = piece[1:-1], True
        run = paragraph.add_run(piece)
        run.font.name, run.font.size, run.bold, run.italic = TNR, Pt(size), b, i


def line(container, text, size, bold=False, italic=False, align=WD_ALIGN_PARAGRAPH.CENTER):
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(0)
    runs(paragraph, text, size, bold, italic)
    return paragraph


def rule(container, indent_cm):
    paragraph = container.add_paragraph()
    paragraph.paragraph_format.left_indent = Cm(indent_cm)
    paragraph.paragraph_format.right_indent = Cm(indent_cm)
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        top.set(qn(key), value)
    borders.append(top)
    # In the schema's place (after pStyle … numPr, before shd, tabs, spacing, ind, jc).
    paragraph._p.get_or_add_pPr().insert_element_before(borders, "w:shd", "w:tabs", "w:spacing", "w:ind", "w:jc", "w:rPr")


def borderless(table):
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.insert_element_before(borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook")


def body(document, text, label=None, level=0, bold=False, italic=False):
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    f = paragraph.paragraph_format
    f.space_after, f.line_spacing = Pt(6), 1.15
    if label:
        f.left_indent, f.first_line_indent = Cm(1.27 + 0.6 * (level + 1)), Cm(-0.6 * (level + 1))
        runs(paragraph, label + "\t", 14, bold, italic)
    else:
        f.first_line_indent = Cm(1.27)
    runs(paragraph, text, 14, bold, italic)


def blocks(document, items, depth, prefix):
    item_no = point_no = 0
    for kind, text, children in items:
        if kind == "paragraph":
            body(document, text)
        elif kind in ("item", "assignment"):
            item_no += 1
            number = f"{prefix}{item_no}."
            body(document, text, number, 0, bold=depth <= 1, italic=depth >= 1)
            if kind == "assignment":
                tasks, deadline = children
                for task in tasks:
                    body(document, task)
                if deadline:
                    body(document, f"Thời hạn: hoàn thành {deadline}.")
            else:
                blocks(document, children, depth + 1, number)
        elif kind == "point":
            body(document, text, ref.point_letter(point_no) + ")")
            point_no += 1
            blocks(document, children, depth, prefix)
        elif kind == "bullet":
            body(document, text, "-")
            for ckind, ctext, _ in children:
                body(document, ctext, "+" if ckind == "bullet" else None, 1)
        elif kind == "table":
            headers, rows, aligns, emphasized = text
            table = document.add_table(rows=1 + len(rows), cols=len(headers))
            table.style = "Table Grid"
            table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
            for r, cells in enumerate([headers] + rows):
                for c, value in enumerate(cells):
                    paragraph = table.cell(r, c).paragraphs[0]
                    if r and c < len(aligns) and aligns[c] == "right":
                        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                    runs(paragraph, value, 12, bold=r == 0 or (r - 1) in emphasized)


def build(doc, out):
    context = ref.View(80).context(doc)
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.different_first_page_header_footer = True
    style = document.styles["Normal"]
    style.font.name, style.font.size = TNR, Pt(14)

    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), ("end", None)):
        run = header.add_run()
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.text = text
        run._r.append(element)

    h = context["header"]
    top = document.add_table(rows=2, cols=2)
    borderless(top)
    top.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = top.cell(0, 0), top.cell(0, 1)
    left.paragraphs[0].text = ""
    line(left, h["parent_body"], 12)
    line(left, h["issuing_body"], 12, bold=True)
    rule(left, 2.2)
    line(right, h["nation"], 12, bold=True)
    line(right, h["motto"], 13, bold=True)
    rule(right, 1.6)
    line(top.cell(1, 0), h["number_line"], 13)
    line(top.cell(1, 1), h["place_date"], 13, italic=True)

    line(document, context["title"], 14, bold=True)
    line(document, context["subject"], 14, bold=True)
    rule(document, 6.2)
    if context["has_references"]:
        body(document, context["references_text"])
    raw = context["raw"]
    blocks(document, raw["preamble"], 0, "")
    for index, (title, content) in enumerate(raw["sections"]):
        body(document, title, ref.roman(index + 1) + ".", bold=True)
        blocks(document, content, 0, "")
    blocks(document, raw["closing"], 0, "")

    closing = document.add_table(rows=1, cols=2)
    borderless(closing)
    left, right = closing.cell(0, 0), closing.cell(0, 1)
    line(left, "Nơi nhận:", 12, bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    for recipient in context["recipients_md"].split("<br>"):
        line(left, recipient.replace("\\|", "|"), 11, align=WD_ALIGN_PARAGRAPH.LEFT)
    signature = context["signature"]
    if signature["has_authority"]:
        line(right, signature["authority"], 14, bold=True)
    line(right, signature["title"], 14, bold=True)
    line(right, signature["signer"], 14, bold=True).paragraph_format.space_before = Mm(28)

    core = document.core_properties
    core.title, core.author = ref.plain(context["subject"]), h["issuing_body"]
    target = os.path.join(out, ref.output_base(doc) + ".docx")
    document.save(target)
    return target


def main(argv):
    parser = argparse.ArgumentParser(prog="docx_ref.py")
    parser.add_argument("files", nargs="+")
    parser.add_argument("--out", default="output")
    args = parser.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    for path in args.files:
        with open(path, encoding="utf-8-sig") as f:
            doc = ref.resolve_citations(yaml.load(f, Loader=ref.Loader), os.path.dirname(os.path.abspath(path)))
        print(build(doc, args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
