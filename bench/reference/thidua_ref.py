#!/usr/bin/env python3
"""The pipeline a competent Python programmer would write instead of thidua.

    thidua_ref.py render FILE... [--format md|txt|xlsx|all] [--out DIR] [--jobs N] [--width N]

Reads the same YAML data files (plans `ke_hoach`, guidance `huong_dan`, reports `bao_cao`),
renders Markdown and plain text through Jinja2 templates (templates/ beside this file), and for
reports reads the units' CSV files (";" or ",", Vietnamese numbers "1.234.567", "12,5"),
aggregates them (totals per group, % of target, change against the previous phase, leading
units, units that sent nothing) and writes the summary workbook with XlsxWriter (same sheets,
cells, formulas with cached values, formats and merges as thidua; `constant_memory` above
10,000 units). With --jobs N > 1 the files are shared among N worker processes
(multiprocessing), as one would to use both cores.

It is a benchmark reference: it does the same work as thidua (date formatting, numbering,
anniversaries, wrapping to 80 columns with hanging indents, the two-column header), checks
what it needs to produce the documents, and not the long list of clerk mistakes thidua
diagnoses. Dependencies: pip install jinja2 xlsxwriter pyyaml.
"""
import argparse
import csv
import datetime
import os
import re
import sys
import unicodedata

import jinja2
import yaml

try:
    from yaml import CSafeLoader as Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as Loader

HERE = os.path.dirname(os.path.abspath(__file__))

# --------------------------------------------------------------------------- text


def nfc(s):
    return unicodedata.normalize("NFC", s)


def upper(s):
    return nfc(s.upper())


def clean(s):
    """NFC, runs of white space made one space, trimmed (YAML folded text, CSV names)."""
    return " ".join(nfc(s).split())


def width(s):
    """Display width in columns: combining marks take none, East Asian wide take two."""
    w = 0
    for ch in s:
        if unicodedata.combining(ch):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return w


def wrap(text, width_, first="", rest=""):
    """Greedy word wrap by display width; `first` on the first line, `rest` (hanging
    indent) on the others. Words longer than a line are cut."""
    lines = []
    line, used, has_words = first, width(first), False
    rest_width = width(rest)
    for word in text.split():
        w = width(word)
        if has_words:
            if used + 1 + w <= width_:
                line += " " + word
                used += 1 + w
                continue
            lines.append(line.rstrip(" "))
            line, used, has_words = rest, rest_width, False
        if used + w <= width_:
            line += word
            used += w
            has_words = True
            continue
        piece, piece_w = "", 0
        for ch in word:
            cw = width(ch)
            if piece and used + piece_w + cw > width_:
                lines.append((line + piece).rstrip(" "))
                line, used, piece, piece_w = rest, rest_width, "", 0
            piece += ch
            piece_w += cw
        line += piece
        used += piece_w
        has_words = True
    lines.append(line.rstrip(" "))
    return lines


def wrap_text(text, width_, first="", rest=""):
    return "\n".join(wrap(text, width_, first, rest))


def hanging(text, width_, marker):
    return wrap_text(text, width_, marker, " " * width(marker))


def center(text, width_):
    text = text.rstrip(" ")
    w = width(text)
    if not text or w >= width_:
        return text
    return " " * ((width_ - w) // 2) + text


def pad_right(s, width_):
    return s + " " * max(0, width_ - width(s))


def pad_left(s, width_):
    return " " * max(0, width_ - width(s)) + s


def two_columns(left, right, total):
    col = max(1, (total - 2) // 2)
    gap = max(0, total - 2 * col)

    def layout(lines):
        return [center(piece, col) for line in lines for piece in wrap(line, col)]

    lefts, rights = layout(left), layout(right)
    out = []
    for i in range(max(len(lefts), len(rights))):
        l = lefts[i] if i < len(lefts) else ""
        r = rights[i] if i < len(rights) else ""
        out.append(l if not r else (pad_right(l, col + gap) + r).rstrip(" "))
    return out


def curly(text):
    n = text.count('"')
    if not n:
        return text
    out, seen = [], 0
    for ch in text:
        if ch == '"':
            seen += 1
            out.append(ch if seen == n and n % 2 else ("“" if seen % 2 else "”"))
        else:
            out.append(ch)
    return "".join(out)


LIST_MARKER = re.compile(r"^(\d{1,9})([.)])( |$)")
STARS = re.compile(r"\*+")


def md_inline(text):
    text = curly(text)
    if text and text[0] in "#>+" or text.startswith("- "):
        return "\\" + text
    m = LIST_MARKER.match(text)
    if m:
        return text[: m.end(1)] + "\\" + text[m.end(1):]
    return text


def plain(text):
    text = curly(text)
    if "*" not in text:
        return text

    def drop(m):
        before = text[m.start() - 1] if m.start() > 0 else " "
        after = text[m.end()] if m.end() < len(text) else " "
        return m.group(0) if before == " " and after == " " else ""

    return STARS.sub(drop, text)


def ascii_fold(s):
    s = s.replace("Đ", "D").replace("đ", "d")
    s = unicodedata.normalize("NFD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return re.sub(r"[^A-Za-z0-9._-]+", "-", s).strip("-")


def grouped(n):
    return f"{n:,}".replace(",", ".")


def two_digits(n):
    return f"{n:02d}"


def round_half_away(num, den):
    """num/den rounded half away from zero, exactly."""
    if den < 0:
        num, den = -num, -den
    q, r = divmod(abs(num), den)
    if 2 * r >= den:
        q += 1
    return -q if num < 0 else q


def decimal1(tenths):
    sign = "-" if tenths < 0 else ""
    tenths = abs(tenths)
    return f"{sign}{grouped(tenths // 10)},{tenths % 10}"


ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
         (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def roman(n):
    out = ""
    for value, symbol in ROMAN:
        while n >= value:
            out += symbol
            n -= value
    return out


POINT_LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()


def point_letter(i):
    return POINT_LETTERS[i] if i < len(POINT_LETTERS) else POINT_LETTERS[i % len(POINT_LETTERS)] * (i // len(POINT_LETTERS) + 1)


# --------------------------------------------------------------------------- dates


def to_date(value):
    if isinstance(value, datetime.date):
        return value
    value = str(value).strip()
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", value)
    if m:
        return datetime.date(int(m[3]), int(m[2]), int(m[1]))
    return datetime.date.fromisoformat(value)


def month_official(m):
    return two_digits(m) if m <= 2 else str(m)


def short(d, style="official"):
    if style == "padded":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "plain":
        return f"{d.day}/{d.month}/{d.year}"
    return f"{d.day:02d}/{month_official(d.month)}/{d.year}"


def long_date(d):
    return f"ngày {d.day:02d} tháng {month_official(d.month)} năm {d.year}"


CATALOG = {
    "thanh_lap_dang": ("Ngày thành lập Đảng Cộng sản Việt Nam", datetime.date(1930, 2, 3)),
    "thay_thuoc_viet_nam": ("Ngày Thầy thuốc Việt Nam", datetime.date(1955, 2, 27)),
    "quoc_te_phu_nu": ("Ngày Quốc tế Phụ nữ", datetime.date(1910, 3, 8)),
    "thanh_lap_doan": ("Ngày thành lập Đoàn Thanh niên Cộng sản Hồ Chí Minh", datetime.date(1931, 3, 26)),
    "giai_phong_mien_nam": ("Ngày Giải phóng miền Nam, thống nhất đất nước", datetime.date(1975, 4, 30)),
    "quoc_te_lao_dong": ("Ngày Quốc tế Lao động", datetime.date(1886, 5, 1)),
    "dien_bien_phu": ("Chiến thắng Điện Biên Phủ", datetime.date(1954, 5, 7)),
    "sinh_nhat_bac": ("Ngày sinh Chủ tịch Hồ Chí Minh", datetime.date(1890, 5, 19)),
    "truyen_thong_thi_dua": ("Ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc (Ngày truyền thống thi đua yêu nước)", datetime.date(1948, 6, 11)),
    "gia_dinh_viet_nam": ("Ngày Gia đình Việt Nam", datetime.date(2001, 6, 28)),
    "thuong_binh_liet_si": ("Ngày Thương binh - Liệt sĩ", datetime.date(1947, 7, 27)),
    "thanh_lap_cong_doan": ("Ngày thành lập Công đoàn Việt Nam", datetime.date(1929, 7, 28)),
    "cach_mang_thang_tam": ("Cách mạng Tháng Tám", datetime.date(1945, 8, 19)),
    "quoc_khanh": ("Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam", datetime.date(1945, 9, 2)),
    "thanh_lap_hoi_phu_nu": ("Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam", datetime.date(1930, 10, 20)),
    "thanh_lap_mat_tran": ("Ngày thành lập Mặt trận Dân tộc Thống nhất Việt Nam", datetime.date(1930, 11, 18)),
    "nha_giao_viet_nam": ("Ngày Nhà giáo Việt Nam", datetime.date(1982, 11, 20)),
    "thanh_lap_quan_doi": ("Ngày thành lập Quân đội nhân dân Việt Nam", datetime.date(1944, 12, 22)),
}


def anniversary(catalog, key, start, end, style):
    """"kỷ niệm 95 năm Ngày thành lập Đảng … (03/02/1930 - 03/02/2025)" for the anniversary
    of `key` that falls between start and end."""
    if key not in catalog:
        raise ValueError(f"không có ngày kỷ niệm mã `{key}`")
    name, base = catalog[key]
    for year in range(start.year, end.year + 1):
        try:
            day = base.replace(year=year)
        except ValueError:
            continue
        if start <= day <= end and year > base.year:
            return f"kỷ niệm {year - base.year} năm {name} ({short(base, style)} - {short(day, style)})"
    return None


# --------------------------------------------------------------------------- documents

KINDS = {"ke_hoach": ("KẾ HOẠCH", "ke-hoach"), "huong_dan": ("HƯỚNG DẪN", "huong-dan"), "bao_cao": ("BÁO CÁO", "bao-cao")}


def blocks_of(items):
    """YAML content list -> (kind, text, children) tuples."""
    out = []
    for item in items or []:
        if not isinstance(item, dict):
            out.append(("paragraph", clean(str(item)), []))
            continue
        children = blocks_of(item.get("noi_dung"))
        if "doan" in item:
            out.append(("paragraph", clean(item["doan"]), []))
        elif "tieu_muc" in item:
            out.append(("item", clean(item["tieu_muc"]), children))
        elif "diem" in item:
            out.append(("point", clean(item["diem"]), children))
        elif "y" in item:
            out.append(("bullet", clean(item["y"]), children))
        elif "cac_y" in item:
            out += [("bullet", clean(s), []) for s in item["cac_y"]]
        elif "cac_diem" in item:
            out += [("point", clean(s), []) for s in item["cac_diem"]]
        elif "giao" in item:
            tasks = item["nhiem_vu"]
            tasks = [clean(t) for t in ([tasks] if isinstance(tasks, str) else tasks)]
            deadline = None
            if "han" in item:
                deadline = f"trước ngày {short(to_date(item['han']))}"
            elif "han_thang" in item:
                y, m = str(item["han_thang"]).split("-")
                deadline = f"trong tháng {int(m):02d} năm {y}"
            out.append(("assignment", clean(item["giao"]), (tasks, deadline)))
        else:
            raise ValueError(f"khối nội dung không hợp lệ: {item}")
    return out


def reference_sentence(ref):
    text = ref["loai"]
    if "so_ky_hieu" in ref:
        text += f" số {ref['so_ky_hieu']}"
    elif "so" in ref:
        text += f" số {two_digits(int(ref['so']))}/{ref.get('ky_hieu', '')}".rstrip("/")
    if "ngay" in ref:
        text += f" ngày {short(to_date(ref['ngay']))}"
    if "co_quan" in ref:
        text += f" của {ref['co_quan']}"
    if "trich_yeu" in ref:
        subject = clean(ref["trich_yeu"])
        text += f" {subject}" if subject.lower().startswith("về ") else f" về {subject}"
    return curly(nfc(text))


class View:
    """Builds the template context: every piece already formatted, md and txt."""

    def __init__(self, width_=80):
        self.width = width_

    def paragraph(self, text):
        return {"md": md_inline(text), "txt": wrap_text(plain(text), self.width, "    ", "")}

    def layout(self, blocks, depth, prefix):
        result, item_no, point_no, run_md, run_txt = [], 0, 0, [], []

        def flush():
            if run_md:
                result.append({"md": "\n".join(run_md), "txt": "\n".join(run_txt)})
                run_md.clear()
                run_txt.clear()

        for kind, text, children in blocks:
            if kind != "bullet":
                flush()
            if kind == "paragraph":
                result.append(self.paragraph(text))
            elif kind == "item":
                item_no += 1
                number = f"{prefix}{item_no}."
                result.append(self.heading(number, text, bool(children), depth))
                result += self.layout(children, depth + 1, number)
            elif kind == "assignment":
                item_no += 1
                number = f"{prefix}{item_no}."
                tasks, deadline = children
                result.append(self.heading(number, text, True, depth))
                result += [self.paragraph(t) for t in tasks]
                if deadline:
                    result.append(self.paragraph(f"Thời hạn: hoàn thành {deadline}."))
            elif kind == "point":
                letter = point_letter(point_no)
                point_no += 1
                result.append({"md": f"{letter}\\) {md_inline(text)}",
                               "txt": hanging(plain(text), self.width, f"{letter}) ")})
                result += self.layout(children, depth, prefix)
            elif kind == "bullet":
                run_md.append(f"- {curly(text)}")
                run_txt.append(hanging(plain(text), self.width, "- "))
                for ckind, ctext, _ in children:
                    if ckind == "bullet":
                        run_md.append(f"  - {curly(ctext)}")
                        run_txt.append(wrap_text(plain(ctext), self.width, "  + ", "    "))
                    elif ckind == "paragraph":
                        run_md.append(f"  {curly(ctext)}")
                        run_txt.append(wrap_text(plain(ctext), self.width, "  ", "  "))
            elif kind == "table":
                result.append({"md": table_md(text), "txt": table_txt(text)})
        flush()
        return result

    def heading(self, number, title, has_children, depth):
        if has_children:
            md = f"{'#' * min(6, depth + 3)} {number} {curly(title)}"
        else:
            escaped = number.replace(".", "\\.") if number.count(".") == 1 else number
            md = f"{escaped} {curly(title)}"
        return {"md": md, "txt": hanging(plain(title), self.width, f"{number} ")}

    def context(self, doc):
        w = self.width
        kind_title, _ = KINDS[doc["loai"]]
        title = upper(doc["ten_loai"]) if doc.get("ten_loai") else kind_title
        parent, issuer = upper(doc["co_quan_chu_quan"]), upper(doc["co_quan_ban_hanh"])
        number = doc.get("so")
        number_line = "Số: " + (two_digits(int(number)) if number else "     ") + "/" + nfc(doc["ky_hieu"])
        date = to_date(doc["ngay"])
        place_date = f"{nfc(doc['dia_danh'])}, {long_date(date)}"
        subject = curly(clean(doc["trich_yeu"]))
        style = doc.get("kieu_ngay_ky_niem", "official")

        sections = [{"title": upper(s["ten"]) if isinstance(s, dict) else upper(s),
                     "blocks": blocks_of(s.get("noi_dung")) if isinstance(s, dict) else [],
                     "phases": isinstance(s, dict) and bool(s.get("cac_dot"))} for s in doc.get("muc") or []]
        sections = doc.get("_generated_sections", []) + sections
        phases = doc.get("dot_thi_dua") or []
        if phases:
            catalog = dict(CATALOG)
            for extra in doc.get("ngay_ky_niem") or []:
                catalog[extra["ma"]] = (extra["ten"], to_date(extra["ngay_goc"]))
            phase_blocks = self.phase_blocks(doc, phases, catalog, style)
            holder = next((s for s in sections if s["phases"]), None)
            if holder:
                holder["blocks"] = holder["blocks"] + phase_blocks
            else:
                sections.append({"title": "CÁC ĐỢT THI ĐUA", "blocks": phase_blocks, "phases": True})

        references = [reference_sentence(r) for r in doc.get("_references", []) + (doc.get("can_cu") or [])]
        wording = "Thực hiện" if doc.get("loi_dan") == "thuc_hien" else "Căn cứ"
        refs = f"{wording} " + "; ".join(references) + "." if references else None

        section_values = []
        for i, s in enumerate(sections):
            n = roman(i + 1)
            section_values.append({
                "md_heading": f"## {n}. {s['title']}",
                "txt_heading": hanging(s["title"], w, f"{n}. "),
                "blocks": self.layout(s["blocks"], 0, ""),
            })

        recipients = []
        for r in doc.get("noi_nhan") or []:
            if isinstance(r, dict):
                purpose = f" ({str(r['muc_dich']).strip('() ')})" if r.get("muc_dich") else ""
                recipients.append(f"- {r['ten']}{purpose};")
            else:
                recipients.append(f"- {r};")
        if doc.get("luu"):
            recipients.append(f"- Lưu: {', '.join(doc['luu'])}.")
        elif recipients:
            recipients[-1] = recipients[-1].rstrip(";") + "."

        sig = doc["chu_ky"]
        authority = None
        if sig.get("hinh_thuc"):
            authority = upper(str(sig["hinh_thuc"]).strip(". ")) + ". " + upper(sig["thay_mat"])
        sig_title = upper(sig["chuc_vu"])
        signature_lines = [x for x in (authority, sig_title) if x] + ["", "", ""] + [sig["ho_ten"]]

        half = w // 2
        left_rule = "-" * min(half - 4, 12)
        motto = "Độc lập - Tự do - Hạnh phúc"
        nation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
        right_rule = "-" * min(half - 2, width(motto))
        header_txt = "\n".join(two_columns([parent, issuer, left_rule], [nation, motto, right_rule], w) + [""]
                               + two_columns([number_line], [place_date], w))

        return {
            "title": title, "subject": subject,
            "header": {"parent_body": parent, "issuing_body": issuer, "number_line": number_line,
                       "nation": nation, "motto": motto, "place_date": place_date},
            "has_references": refs is not None,
            "references": self.paragraph(refs or ""),
            "preamble": self.layout(blocks_of(doc.get("mo_dau")), 0, ""),
            "sections": section_values,
            "closing": self.layout(blocks_of(doc.get("ket_luan")), 0, ""),
            "recipients_md": "<br>".join(r.replace("|", "\\|") for r in recipients),
            "signature": {"authority": authority or "", "has_authority": authority is not None,
                          "title": sig_title, "signer": sig["ho_ten"]},
            "txt": {
                "header": header_txt,
                "title": "\n".join(center(line, w) for line in wrap(title, w)),
                "subject": "\n".join(center(line, w) for line in wrap(subject, w - 10)),
                "rule": center("-" * 12, w),
                "footer": self.footer(recipients, signature_lines),
            },
        }

    def phase_blocks(self, doc, phases, catalog, style):
        intro = doc.get("gioi_thieu_dot") or f"Phong trào thi đua được chia thành {len(phases)} đợt như sau:"
        out = [("paragraph", clean(intro), [])]
        for i, p in enumerate(phases):
            name = p.get("ten", f"Đợt {i + 1}")
            start, end = to_date(p["tu"]), to_date(p["den"])
            text = f"**{name}** (từ ngày {short(start)} đến ngày {short(end)})"
            theme = clean(p["chu_de"]) if p.get("chu_de") else None
            text += f": {theme}" + ("" if theme.endswith((".", ":")) else ".") if theme else "."
            children = []
            phrases = []
            for entry in p.get("ky_niem") or []:
                key = entry["ma"] if isinstance(entry, dict) else entry
                phrase = anniversary(catalog, key, start, end, style)
                if phrase is None:
                    continue
                if isinstance(entry, dict) and "so_nam" in entry and f"kỷ niệm {entry['so_nam']} năm" not in phrase:
                    raise ValueError(f"số năm kỷ niệm `{key}` sai")
                phrases.append(phrase)
            if phrases:
                children.append(("paragraph", "Thi đua lập thành tích chào mừng:", []))
                for j, phrase in enumerate(phrases):
                    children.append(("bullet", phrase[0].upper() + phrase[1:] + ("." if j == len(phrases) - 1 else ";"), []))
            if p.get("danh_gia"):
                words = "Sơ kết" if p["danh_gia"] == "so_ket" else "Tổng kết"
                sentence = f"{words} {name.lower()}"
                if p.get("han_danh_gia"):
                    sentence += f" trước ngày {short(to_date(p['han_danh_gia']))}"
                children.append(("paragraph", sentence + ".", []))
            out.append(("paragraph", text, []))
            out += children
        return out

    def footer(self, recipients, signature):
        half = self.width // 2
        left = ["Nơi nhận:"] if recipients else []
        for line in recipients:
            left += wrap(line, half - 2, "", "  ")
        right = []
        for line in signature:
            right += [""] if not line else [center(piece, half) for piece in wrap(line, half)]
        lines = []
        for i in range(max(len(left), len(right))):
            l = left[i] if i < len(left) else ""
            r = right[i] if i < len(right) else ""
            lines.append((l if not r else pad_right(l, half) + r).rstrip(" "))
        return "\n".join(lines)


def table_md(table):
    headers, rows, aligns, emphasized = table

    def cell(c):
        return c.replace("|", "\\|")

    def row(cells, bold):
        return "| " + " | ".join(f"**{cell(c)}**" if bold and c else cell(c) for c in cells) + " |"

    marks = {"left": ":---", "right": "---:", "center": ":---:"}
    lines = [row(headers, False), "|" + "|".join(marks[a] for a in aligns) + "|"]
    lines += [row(cells, i in emphasized) for i, cells in enumerate(rows)]
    return "\n".join(lines)


def table_txt(table):
    headers, rows, aligns, emphasized = table
    widths = [width(h) for h in headers]
    for cells in rows:
        for i, c in enumerate(cells):
            widths[i] = max(widths[i], width(c))

    def line(cells):
        parts = [pad_left(c, widths[i]) if aligns[i] == "right" else pad_right(c, widths[i]) for i, c in enumerate(cells)]
        return "  ".join(parts).rstrip(" ")

    rule = "-" * (sum(widths) + 2 * (len(widths) - 1))
    out = [line(headers), rule]
    for i, cells in enumerate(rows):
        if i in emphasized and i > 0 and i - 1 not in emphasized:
            out.append(rule)
        out.append(line(cells))
    return "\n".join(out)


def tidy(text):
    lines = []
    for raw in text.split("\n"):
        raw = raw.rstrip(" \t\r")
        if not raw and not lines:
            continue
        lines.append(raw)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


_ENV = None


def environment():
    global _ENV
    if _ENV is None:
        _ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(os.path.join(HERE, "templates")),
                                  autoescape=False, keep_trailing_newline=True,
                                  trim_blocks=True, lstrip_blocks=True)
    return _ENV


def render_text(doc, fmt, width_):
    context = View(width_).context(doc)
    template = environment().get_template(f"{KINDS[doc['loai']][1]}.{fmt}.j2")
    return tidy(template.render(**context))


def output_base(doc):
    symbol = ascii_fold(nfc(doc["ky_hieu"]))
    year = to_date(doc["ngay"]).year
    number = doc.get("so")
    return f"{int(number):02d}-{symbol}-{year}" if number else f"{symbol}-{to_date(doc['ngay']).isoformat()}"


def write_atomically(path, text):
    """The usual recipe: write a temporary file, flush it to disk, rename it over the
    target (thidua does the same, so a crash never leaves a half-written document)."""
    tmp = f"{path}.tmp{os.getpid()}"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def render_file(path, formats, out, width_):
    with open(path, encoding="utf-8-sig") as f:
        doc = yaml.load(f, Loader=Loader)
    for key in ("loai", "co_quan_chu_quan", "co_quan_ban_hanh", "ky_hieu", "dia_danh", "ngay", "trich_yeu", "chu_ky"):
        if key not in doc:
            raise ValueError(f"{path}: thiếu `{key}`")
    written, notes = [], []
    stats = None
    if doc["loai"] == "bao_cao":
        from report import aggregate, compose  # noqa: E402 (local module, only for reports)
        stats = aggregate(doc, os.path.dirname(os.path.abspath(path)))
        notes.append(f"{path}: {stats['summary']}")
        compose(doc, stats)
    base = output_base(doc)
    texts = [(fmt, render_text(doc, fmt, width_)) for fmt in formats if fmt in ("md", "txt")]
    for fmt, text in texts:
        target = os.path.join(out, f"{base}.{fmt}")
        write_atomically(target, text)
        written.append(target)
    if stats is not None and "xlsx" in formats:
        from report import write_workbook  # noqa: E402
        target = os.path.join(out, f"{base}.xlsx")
        write_workbook(doc, stats, target)
        written.append(target)
    return notes + written


def _work(job):
    return render_file(*job)


def main(argv):
    parser = argparse.ArgumentParser(prog="thidua_ref.py")
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("render")
    r.add_argument("files", nargs="+")
    r.add_argument("--format", choices=["md", "txt", "xlsx", "all"], default="all")
    r.add_argument("--out", default="output")
    r.add_argument("--jobs", type=int, default=1)
    r.add_argument("--width", type=int, default=80)
    args = parser.parse_args(argv)
    formats = ["md", "txt", "xlsx"] if args.format == "all" else [args.format]
    os.makedirs(args.out, exist_ok=True)
    jobs = [(f, formats, args.out, args.width) for f in args.files]
    if args.jobs > 1 and len(jobs) > 1:
        import multiprocessing
        with multiprocessing.Pool(min(args.jobs, len(jobs))) as pool:
            results = pool.map(_work, jobs, chunksize=max(1, len(jobs) // (8 * args.jobs)))
    else:
        results = [_work(job) for job in jobs]
    for lines in results:
        for line in lines:
            print(line)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, HERE)
    sys.exit(main(sys.argv[1:]))
