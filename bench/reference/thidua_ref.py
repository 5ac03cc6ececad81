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

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import plan_text as pt  # noqa: E402

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
    """`wrap_words`, keeping a word that looks like a list marker ("-", "2.", "b)") on the line
    of the word before it."""
    glued, did = pt.glue_markers(text)
    lines = wrap_words(glued, width_, first, rest)
    return [line.replace(pt.GLUE, " ") for line in lines] if did else lines


def wrap_words(text, width_, first="", rest=""):
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


def md_inline(text, place="block"):
    return pt.markdown(text, curly, place)


def plain(text):
    text = curly(text)
    return pt.plain_spans(text) if "*" in text else text


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
    "tong_tuyen_cu": ("Ngày Tổng tuyển cử đầu tiên bầu Quốc hội Việt Nam", datetime.date(1946, 1, 6)),
    "thanh_lap_dang": ("Ngày thành lập Đảng Cộng sản Việt Nam", datetime.date(1930, 2, 3)),
    "thay_thuoc_viet_nam": ("Ngày Thầy thuốc Việt Nam", datetime.date(1955, 2, 27)),
    "quoc_te_phu_nu": ("Ngày Quốc tế Phụ nữ", datetime.date(1910, 3, 8)),
    "thanh_lap_doan": ("Ngày thành lập Đoàn Thanh niên Cộng sản Hồ Chí Minh", datetime.date(1931, 3, 26)),
    "giai_phong_mien_nam": ("Ngày Giải phóng miền Nam, thống nhất đất nước", datetime.date(1975, 4, 30)),
    "quoc_te_lao_dong": ("Ngày Quốc tế Lao động", datetime.date(1886, 5, 1)),
    "dien_bien_phu": ("Chiến thắng Điện Biên Phủ", datetime.date(1954, 5, 7)),
    "sinh_nhat_bac": ("Ngày sinh Chủ tịch Hồ Chí Minh", datetime.date(1890, 5, 19)),
    "ra_di_tim_duong_cuu_nuoc": ("Ngày Chủ tịch Hồ Chí Minh ra đi tìm đường cứu nước", datetime.date(1911, 6, 5)),
    "truyen_thong_thi_dua": ("Ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc", datetime.date(1948, 6, 11)),
    "gia_dinh_viet_nam": ("Ngày Gia đình Việt Nam", datetime.date(2001, 6, 28)),
    "thuong_binh_liet_si": ("Ngày Thương binh - Liệt sĩ", datetime.date(1947, 7, 27)),
    "thanh_lap_cong_doan": ("Ngày thành lập Công đoàn Việt Nam", datetime.date(1929, 7, 28)),
    "cach_mang_thang_tam": ("Cách mạng Tháng Tám", datetime.date(1945, 8, 19)),
    "quoc_khanh": ("Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam", datetime.date(1945, 9, 2)),
    "thanh_lap_hoi_phu_nu": ("Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam", datetime.date(1930, 10, 20)),
    "phap_luat_viet_nam": ("Ngày Pháp luật nước Cộng hòa xã hội chủ nghĩa Việt Nam", datetime.date(2013, 11, 9)),
    "thanh_lap_mat_tran": ("Ngày thành lập Mặt trận Dân tộc Thống nhất Việt Nam", datetime.date(1930, 11, 18)),
    "nha_giao_viet_nam": ("Ngày Nhà giáo Việt Nam", datetime.date(1982, 11, 20)),
    "toan_quoc_khang_chien": ("Ngày Toàn quốc kháng chiến", datetime.date(1946, 12, 19)),
    "thanh_lap_quan_doi": ("Ngày thành lập Quân đội nhân dân Việt Nam", datetime.date(1944, 12, 22)),
    "dien_bien_phu_tren_khong": ("Chiến thắng “Hà Nội - Điện Biên Phủ trên không”", datetime.date(1972, 12, 30)),
}


def anniversary(catalog, key, start, end):
    """(years, name, base, day) of the anniversary of `key` that falls between start and end."""
    if key not in catalog:
        raise ValueError(f"không có ngày kỷ niệm mã `{key}`")
    name, base = catalog[key]
    for year in range(start.year, end.year + 1):
        try:
            day = base.replace(year=year)
        except ValueError:
            continue
        if start <= day <= end and year > base.year:
            return year - base.year, name, base, day
    return None


# --------------------------------------------------------------------------- documents

KINDS = {"ke_hoach": ("KẾ HOẠCH", "ke-hoach"), "huong_dan": ("HƯỚNG DẪN", "huong-dan"), "bao_cao": ("BÁO CÁO", "bao-cao")}


FIELDS = {}  # the inline-field context of the document being read


def rich(s):
    return pt.resolve_fields(clean(str(s)), FIELDS) if FIELDS else clean(str(s))


def sentence_task(task):
    task = task.rstrip(".; ")
    return task[0].lower() + task[1:] if len(task) > 1 and task[0].isupper() and task[1].islower() else task


def blocks_of(items):
    """YAML content list -> (kind, text, children) tuples."""
    out = []
    for item in items or []:
        if not isinstance(item, dict):
            out.append(("paragraph", rich(item), []))
            continue
        children = blocks_of(item.get("noi_dung"))
        style = item.get("kieu")
        if "doan" in item:
            out.append(("paragraph", rich(item["doan"]), []))
        elif "tieu_muc" in item:
            out.append(("item", rich(item["tieu_muc"]), children))
        elif "diem" in item:
            out.append(("point", rich(item["diem"]), children))
        elif "de_muc" in item:
            out.append(("subheading", rich(item["de_muc"]), []))
            out += children
        elif "y" in item:
            out.append(("labeled", rich(item["y"]), style) if style else ("bullet", rich(item["y"]), children))
        elif "cac_y" in item:
            out += [("labeled", rich(s), style) if style else ("bullet", rich(s), []) for s in item["cac_y"]]
        elif "cac_diem" in item:
            out += [("point", rich(s), []) for s in item["cac_diem"]]
        elif "cac_chi_tieu" in item:
            # A plan's targets as data: the sentence with the value written the Vietnamese way.
            for target in item["cac_chi_tieu"]:
                value = int(target["gia_tri"])
                written = f"{grouped(value)}%" if str(target["ma"]).startswith("ty_le") else grouped(value)
                out.append(("bullet", clean(str(target["cau"])).replace("{gia_tri}", written), []))
        elif "giao" in item:
            tasks = item.get("nhiem_vu") or []
            tasks = [rich(t) for t in ([tasks] if isinstance(tasks, str) else tasks)]
            deadline = None
            if "han" in item:
                deadline = f"trước ngày {short(to_date(item['han']))}"
            elif "han_thang" in item:
                y, m = str(item["han_thang"]).split("-")
                deadline = f"trong tháng {int(m):02d} năm {y}"
            if item.get("mot_cau"):
                body = clean(item["giao"])
                task = " ".join(tasks)
                text = body + (" " + sentence_task(task) if task else "")
                if deadline:
                    text += (", hoàn thành " if task else " hoàn thành ") + deadline
                out.append(("sentence", text + ".", []))
            else:
                out.append(("assignment", clean(item["giao"]), (tasks, deadline)))
        else:
            raise ValueError(f"khối nội dung không hợp lệ: {item}")
    return out


WORDS = ["", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]


def ordinal_word(n):
    if not 1 <= n <= 99:
        return str(n)
    tens, unit = divmod(n, 10)
    if tens == 0:
        w = WORDS[unit]
    elif tens == 1:
        w = "mười" + (" lăm" if unit == 5 else f" {WORDS[unit]}" if unit else "")
    else:
        w = WORDS[tens] + " mươi" + {0: "", 1: " mốt", 4: " tư", 5: " lăm"}.get(unit, f" {WORDS[unit]}")
    return w[0].upper() + w[1:]


COLLECTIVE_BODIES = ["Ban Thường vụ", "Ban Chấp hành", "Đoàn Chủ tịch", "Ban Thường trực", "Thường trực"]
CITED_KINDS = {"ke_hoach": "Kế hoạch", "huong_dan": "Hướng dẫn", "bao_cao": "Báo cáo"}


def folded(text):
    return " ".join(nfc(str(text)).lower().split())


def cited(ref, base_dir):
    """A reference written as `tep: other.yaml`, completed from that data file the way thidua
    does: kind, number and symbol, date, the collective body that signed (TM.) before the
    issuing body, and the subject with its first word lowered; hand-written `loai` and
    `co_quan` win."""
    if "tep" not in ref:
        return ref
    with open(os.path.join(base_dir, ref["tep"]), encoding="utf-8-sig") as f:
        other = yaml.load(f, Loader=Loader)
    issuer = nfc(other["co_quan_ban_hanh"])
    signature = other.get("chu_ky") or {}
    if str(signature.get("hinh_thuc", "")).upper().rstrip(".") == "TM" and signature.get("thay_mat"):
        body = signature["thay_mat"]
        body = next((b for b in COLLECTIVE_BODIES if folded(b) == folded(body)), body)
        issuer = f"{body} {issuer}"
    subject = " ".join(nfc(other["trich_yeu"]).split())
    if len(subject) >= 2 and subject[0].isupper() and subject[1].islower():
        subject = subject[0].lower() + subject[1:]
    filled = {"loai": ref.get("loai") or CITED_KINDS[other["loai"]],
              "so_ky_hieu": f"{two_digits(int(other['so']))}/{other['ky_hieu']}",
              "ngay": other["ngay"], "co_quan": ref.get("co_quan", issuer), "trich_yeu": subject}
    if "cach_dan" in ref:
        filled["cach_dan"] = ref["cach_dan"]
    return filled


def resolve_citations(doc, base_dir):
    """Every `tep:` reference of a loaded data file completed from the file it names."""
    if doc.get("can_cu"):
        doc["can_cu"] = [cited(r, base_dir) for r in doc["can_cu"]]
    return doc


def reference_sentence(ref, style):
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
        subject = rich(ref["trich_yeu"])
        lower, ve_viec = subject.lower(), False
        if lower.startswith("về việc "):
            subject, ve_viec = subject[len("về việc "):], True
        elif lower.startswith("về "):
            subject = subject[len("về "):]
        style = ref.get("cach_dan", style)
        if style == "ve_viec":
            text += f" “Về việc {subject}”"
        elif style == "lien":
            text += f" {subject}"
        else:
            text += f" về {'việc ' if ve_viec else ''}{subject}"
    return curly(nfc(text))


class View:
    """Builds the template context: every piece already formatted, md and txt."""

    def __init__(self, width_=80):
        self.width = width_

    def paragraph(self, text):
        return {"md": md_inline(text), "txt": wrap_text(plain(text), self.width, "    ", "")}

    def layout(self, blocks, depth, prefix):
        result, item_no, point_no, run_md, run_txt = [], 0, 0, [], []
        label_counts = {}

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
            elif kind == "sentence":
                item_no += 1
                result.append(self.heading(f"{prefix}{item_no}.", text, False, depth))
            elif kind == "subheading":
                body = pt.escape_inline(plain(text)).strip(" \t")
                result.append({"md": f"**\\* {body}**", "txt": hanging(plain(text), self.width, "* ")})
            elif kind == "labeled":
                style = children
                index = label_counts.get(style, 0)
                label_counts[style] = index + 1
                label = f"{ordinal_word(index + 1)} là:" if style == "mot_la" else f"{index + 1}-"
                result.append({"md": f"{pt.escape_inline(label)} {md_inline(text, 'inline')}",
                               "txt": wrap_text(f"{label} {plain(text)}", self.width, "    ", "")})
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
                result.append({"md": f"{letter}\\) {md_inline(text, 'inline')}",
                               "txt": hanging(plain(text), self.width, f"{letter}) ")})
                result += self.layout(children, depth, prefix)
            elif kind == "bullet":
                run_md.append(f"- {md_inline(text)}")
                run_txt.append(hanging(plain(text), self.width, "- "))
                for ckind, ctext, _ in children:
                    if ckind == "bullet":
                        run_md.append(f"  - {md_inline(ctext)}")
                        run_txt.append(wrap_text(plain(ctext), self.width, "  + ", "    "))
                    elif ckind == "paragraph":
                        run_md.append(f"  {md_inline(ctext)}")
                        run_txt.append(wrap_text(plain(ctext), self.width, "  ", "  "))
            elif kind == "table":
                result.append({"md": table_md(text), "txt": table_txt(text)})
        flush()
        return result

    def heading(self, number, title, has_children, depth):
        if has_children:
            md = f"{'#' * min(6, depth + 3)} {number} {md_inline(title, 'heading')}"
        else:
            escaped = number.replace(".", "\\.") if number.count(".") == 1 else number
            md = f"{escaped} {md_inline(title, 'inline')}"
        return {"md": md, "txt": hanging(plain(title), self.width, f"{number} ")}

    def context(self, doc):
        w = self.width
        kind_title, _ = KINDS[doc["loai"]]
        title = upper(doc["ten_loai"]) if doc.get("ten_loai") else kind_title
        parent, issuer = upper(doc["co_quan_chu_quan"]), upper(doc["co_quan_ban_hanh"])
        number = doc.get("so")
        number_line = "Số: " + (two_digits(int(number)) if number else "     ") + "/" + nfc(doc["ky_hieu"])
        raw_date = str(doc["ngay"])
        blank_day = bool(re.fullmatch(r"\d{4}-\d{1,2}|\d{1,2}/\d{4}", raw_date))
        if blank_day:
            parts = re.split(r"[-/]", raw_date)
            y, m = (int(parts[0]), int(parts[1])) if "-" in raw_date else (int(parts[1]), int(parts[0]))
            date = datetime.date(y, m, 1)
            place_date = f"{nfc(doc['dia_danh'])}, ngày      tháng {month_official(m)} năm {y}"
            md_place_date = f"{nfc(doc['dia_danh'])}, ngày" + "\u00a0" * 6 + f"tháng {month_official(m)} năm {y}"
        else:
            date = to_date(doc["ngay"])
            place_date = md_place_date = f"{nfc(doc['dia_danh'])}, {long_date(date)}"
        md_number_line = number_line if number else "Số:" + "\u00a0" * 6 + "/" + nfc(doc["ky_hieu"])
        style = doc.get("kieu_ngay_ky_niem", "official")

        catalog = dict(CATALOG)
        for extra in doc.get("ngay_ky_niem") or []:
            catalog[extra["ma"]] = (extra["ten"], to_date(extra["ngay_goc"]))
        congresses = {}
        for c in doc.get("dai_hoi") or []:
            c = dict(c)
            c["_start"] = to_date(c["ngay"])
            c["_end"] = to_date(c["den"]) if c.get("den") else None
            congresses[c["ma"]] = c
        period = doc.get("thoi_gian") or {}
        FIELDS.clear()
        FIELDS.update({"catalog": catalog, "congresses": congresses, "style": style, "short": short, "phase": None,
                       "year": to_date(period["tu"]).year if period.get("tu") else date.year})
        subject = curly(rich(doc["trich_yeu"]))

        sections = [{"title": upper(s["ten"]) if isinstance(s, dict) else upper(s),
                     "blocks": blocks_of(s.get("noi_dung")) if isinstance(s, dict) else [],
                     "phases": isinstance(s, dict) and bool(s.get("cac_dot"))} for s in doc.get("muc") or []]
        sections = doc.get("_generated_sections", []) + sections
        preamble = blocks_of(doc.get("mo_dau"))
        closing = blocks_of(doc.get("ket_luan"))
        phases = doc.get("dot_thi_dua") or []
        if phases:
            phase_blocks = self.phase_blocks(doc, phases, catalog, congresses, style, date)
            holder = next((s for s in sections if s["phases"]), None)
            if holder:
                holder["blocks"] = holder["blocks"] + phase_blocks
            else:
                sections.append({"title": "CÁC ĐỢT THI ĐUA", "blocks": phase_blocks, "phases": True})

        subject_style = doc.get("cach_dan", "ve")
        references = [reference_sentence(r, subject_style) for r in doc.get("_references", []) + (doc.get("can_cu") or [])]
        wording = {"thuc_hien": "Thực hiện", "can_cu_vao": "Căn cứ vào"}.get(doc.get("loi_dan"), "Căn cứ")
        refs = f"{wording} " + "; ".join(references) + "." if references else None
        FIELDS.clear()

        section_values = []
        for i, s in enumerate(sections):
            n = roman(i + 1)
            section_values.append({
                "md_heading": f"## {n}. {md_inline(s['title'], 'heading')}",
                "txt_heading": hanging(s["title"], w, f"{n}. "),
                "blocks": self.layout(s["blocks"], 0, ""),
            })

        recipients = []  # (name, tail)
        for r in doc.get("noi_nhan") or []:
            if isinstance(r, dict) and r.get("muc_dich"):
                recipients.append((f"- {r['ten']}", f"({str(r['muc_dich']).strip('() ')});"))
            else:
                recipients.append((f"- {r['ten'] if isinstance(r, dict) else r};", ""))
        if doc.get("luu"):
            recipients.append((f"- Lưu: {', '.join(doc['luu'])}.", ""))
        elif recipients:
            name, tail = recipients[-1]
            recipients[-1] = (name.rstrip(";") + ".", "") if not tail else (name, tail[:-1] + ".")
        recipient_lines = [n + (" " + t if t else "") for n, t in recipients]

        sig = doc["chu_ky"]
        authority = None
        if sig.get("hinh_thuc"):
            authority = upper(str(sig["hinh_thuc"]).strip(". ")) + ". " + upper(sig["thay_mat"])
        sig_title = upper(sig["chuc_vu"])
        signature_lines = [x for x in (authority, sig_title) if x] + [""] * 4 + [sig["ho_ten"]]
        draft = bool(doc.get("du_thao"))

        return {
            "title": title, "subject": subject, "is_draft": draft, "draft_mark": "DỰ THẢO" if draft else "",
            "header": {"parent_body": parent, "issuing_body": issuer, "number_line": number_line,
                       "nation": NATION, "motto": MOTTO, "place_date": place_date},
            "md": {"parent_body": pt.cell(parent, curly), "issuing_body": pt.cell(issuer, curly),
                   "number_line": pt.cell(md_number_line, curly), "place_date": pt.cell(md_place_date, curly),
                   "title": md_inline(title, "heading"), "subject": pt.cell(plain(subject), curly),
                   "authority": pt.cell(authority or "", curly), "signature_title": pt.cell(sig_title, curly),
                   "signer": pt.cell(sig["ho_ten"], curly)},
            "has_references": refs is not None,
            "references_text": refs or "",
            # The blocks before layout, for the python-docx peer (bench/reference/docx_ref.py).
            "raw": {"preamble": preamble, "sections": [(s["title"], s["blocks"]) for s in sections], "closing": closing},
            "references": self.paragraph(refs or ""),
            "preamble": self.layout(preamble, 0, ""),
            "sections": section_values,
            "closing": self.layout(closing, 0, ""),
            "recipients_md": "<br>".join(pt.cell(r, curly) for r in recipient_lines),
            "signature": {"authority": authority or "", "has_authority": authority is not None,
                          "title": sig_title, "signer": sig["ho_ten"]},
            "txt": {
                "draft": (" " * max(0, w - width("DỰ THẢO")) + "DỰ THẢO") if draft else "",
                "header": self.header([parent, issuer], number_line, place_date),
                "title": "\n".join(center(line, w) for line in pt.balanced_wrap(title, w, wrap)),
                "subject": "\n".join(center(line, w) for line in pt.balanced_wrap(plain(subject), w - 10, wrap)),
                "rule": center("-" * 12, w),
                "footer": self.footer(recipients, signature_lines),
            },
        }

    def header(self, left, number, place_date):
        w = self.width
        right = [NATION, MOTTO]
        widest_l, widest_r = max(width(x) for x in left), max(width(x) for x in right)
        half = max(1, (w - 2) // 2)
        columns = None
        if widest_l <= half and widest_r <= half:
            columns = (half, half, w - 2 * half)
        elif widest_l + 2 + widest_r <= w:
            spare = w - widest_l - 2 - widest_r
            columns = (widest_l + spare // 2, widest_r + spare - spare // 2, 2)

        def beside(ls, rs, cols):
            l = [center(x, cols[0]) for x in ls]
            r = [center(x, cols[1]) for x in rs]
            out = []
            for i in range(max(len(l), len(r))):
                a = l[i] if i < len(l) else ""
                b = r[i] if i < len(r) else ""
                out.append(a if not b else (pad_right(a, cols[0] + cols[2]) + b).rstrip(" "))
            return out

        def whole(text):
            return [text] if width(text) <= w else pt.balanced_wrap(text, w, wrap)

        def right_align(text):
            text = text.rstrip(" ")
            return text if width(text) >= w or not text else " " * (w - width(text)) + text

        lines = []
        if columns:
            left_rule = "-" * min(columns[0] - 4, 12)
            right_rule = "-" * min(columns[1] - 2, width(MOTTO))
            lines += beside(left + [left_rule], right + [right_rule], columns)
            lines.append("")
            if width(number) <= columns[0] and width(place_date) <= columns[1]:
                lines += beside([number], [place_date], columns)
            else:
                lines += [center(number, columns[0]), right_align(place_date)]
        else:
            lines += [center(x, w) for line in right for x in whole(line)]
            lines.append(center("-" * min(w - 2, width(MOTTO)), w))
            lines.append("")
            lines += [center(x, w) for line in left for x in whole(line)]
            lines.append(center("-" * 12, w))
            lines.append("")
            lines += [center(x, w) for x in whole(number)]
            lines += [right_align(x) for x in whole(place_date)]
        return "\n".join(lines)

    def phase_blocks(self, doc, phases, catalog, congresses, style, issued):
        intro = doc.get("gioi_thieu_dot")
        as_item = isinstance(intro, dict) and "tieu_muc" in intro
        if isinstance(intro, dict):
            intro = intro.get("tieu_muc") or intro.get("doan")
        intro = rich(intro) if intro else f"Phong trào thi đua được chia thành {len(phases)} đợt như sau:"
        period = doc.get("thoi_gian") or {}
        fallback = to_date(period["tu"]).year if period.get("tu") else issued.year
        lead_default = rich(doc["loi_chao_mung"]) if doc.get("loi_chao_mung") else "Thi đua lập thành tích chào mừng:"
        bounds = []
        for p in phases:
            def year_of(v):
                v = str(v)
                m = re.fullmatch(r"(\d{4})-\d{1,2}|\d{1,2}/(\d{4})", v)
                if m:
                    return int(m.group(1) or m.group(2))
                return None if v in ("dau_nam", "cuoi_nam") else to_date(v).year
            sy, ey = year_of(p["tu"]), year_of(p["den"])

            def bound(v, is_start, year):
                v = str(v)
                if v in ("dau_nam", "cuoi_nam"):
                    return (datetime.date(year, 1, 1) if is_start else datetime.date(year, 12, 31)), "edge"
                m = re.fullmatch(r"(\d{4})-(\d{1,2})|(\d{1,2})/(\d{4})", v)
                if m:
                    yy, mm = (int(m.group(1)), int(m.group(2))) if m.group(1) else (int(m.group(4)), int(m.group(3)))
                    return (datetime.date(yy, mm, 1) if is_start else pt.month_end(yy, mm)), "month"
                return to_date(v), "day"
            bounds.append((bound(p["tu"], True, ey or fallback), bound(p["den"], False, sy or fallback)))
        first = period.get("tu") and to_date(period["tu"]).year or bounds[0][0][0].year
        last = period.get("den") and to_date(period["den"]).year or bounds[-1][1][0].year
        movement = f"phong trào thi đua năm {first}" if first == last else f"phong trào thi đua giai đoạn {first}-{last}"
        content = []
        for i, p in enumerate(phases):
            name = p.get("ten", f"Đợt {i + 1}")
            (start, skind), (end, ekind) = bounds[i]
            s_txt = {"day": f"ngày {short(start)}", "month": f"tháng {pt.month_year(start)}", "edge": "đầu năm"}[skind]
            e_txt = {"day": f"ngày {short(end)}", "month": f"hết tháng {pt.month_year(end)}", "edge": f"cuối năm {end.year}"}[ekind]
            FIELDS["phase"] = (start, end)
            theme = rich(p["chu_de"]) if p.get("chu_de") else None
            lead = rich(p["loi_chao_mung"]) if p.get("loi_chao_mung") else lead_default
            FIELDS["phase"] = None
            text = f"**{name}:** Từ {s_txt} đến {e_txt}" + (f": {theme}" if theme else "")
            salutes = []
            for entry in p.get("ky_niem") or []:
                if isinstance(entry, list):
                    keys, own = entry, None
                elif isinstance(entry, dict):
                    keys = entry["ma"] if isinstance(entry["ma"], list) else [entry["ma"]]
                    own = entry.get("ten")
                else:
                    keys, own = [entry], None
                parts, years, held = [], None, []
                for key in keys:
                    if key in congresses:
                        c = congresses[key]
                        if start <= c["_start"] <= end:
                            held.append(f"{c['ten']} ({pt.congress_dates(c, short, style)})")
                        continue
                    found = anniversary(catalog, key, start, end)
                    if not found:
                        continue
                    n, cname, base, day = found
                    years = years or n
                    label = own if (own and len(keys) == 1) else cname
                    parts.append(f"{label} ({short(base, style)} - {short(day, style)})")
                phrase = []
                if years and parts:
                    phrase.append(f"Kỷ niệm {years} năm {pt.joined(parts)}")
                if held:
                    phrase.append(pt.joined(held))
                if phrase:
                    salutes.append("; ".join(phrase))
            end_stop = lambda t: t if t.endswith((".", ":", "./.")) else t + "."
            if p.get("ky_niem_lien") and salutes:
                body = "; ".join(x if j == 0 and lead.endswith(":") else x[0].lower() + x[1:] for j, x in enumerate(salutes))
                content.append(("paragraph", end_stop(text) + f" {lead} " + body + ".", []))
            else:
                content.append(("paragraph", end_stop(text), []))
                if salutes:
                    content.append(("paragraph", lead, []))
                    for j, x in enumerate(salutes):
                        content.append(("bullet", x + ("." if j == len(salutes) - 1 else ";"), []))
            if p.get("danh_gia"):
                sentence = f"Tổng kết {movement}" if p["danh_gia"] == "tong_ket" else f"Sơ kết {name.lower()}"
                if p.get("han_danh_gia"):
                    sentence += f" trước ngày {short(to_date(p['han_danh_gia']))}"
                elif p.get("dip_danh_gia") == "cuoi_nam":
                    sentence += f" vào cuối năm {end.year}"
                elif p.get("dip_danh_gia"):
                    cname, base = catalog[p["dip_danh_gia"]]
                    for year in range(start.year, end.year + 2):
                        day = base.replace(year=year)
                        if day >= start and year > base.year:
                            sentence += f" vào dịp kỷ niệm {year - base.year} năm {cname} ({short(day, style)})"
                            break
                content.append(("paragraph", sentence + ".", []))
        if as_item:
            return [("item", intro, content)]
        return [("paragraph", intro, [])] + content

    def footer(self, recipients, signature):
        w = self.width
        half = w // 2
        sig_width = max(width(x) for x in signature)
        stacked = sig_width > half
        rw = w if stacked else half - 2
        left = ["Nơi nhận:"] if recipients else []
        for name, tail in recipients:
            if tail and pt.GLUE not in tail:
                glued = tail.replace(" ", pt.GLUE)
                left += [x.replace(pt.GLUE, " ") for x in wrap(f"{name} {glued}", rw, "", "  ")]
            else:
                left += wrap(name + (" " + tail if tail else ""), rw, "", "  ")
        if stacked:
            block = min(w, sig_width)
            right = []
            for line in signature:
                pieces = [""] if not line else ([line] if width(line) <= block else pt.balanced_wrap(line, block, wrap))
                right += ["" if not x else (" " * (w - block) + center(x, block)).rstrip(" ") for x in pieces]
            return "\n".join(right + ([""] + left if left else []))
        right = ["" if not line else center(line, half) for line in signature]
        lines = []
        for i in range(max(len(left), len(right))):
            l = left[i] if i < len(left) else ""
            r = right[i] if i < len(right) else ""
            lines.append((l if not r else pad_right(l, half) + r).rstrip(" "))
        return "\n".join(lines)


NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


def table_md(table):
    headers, rows, aligns, emphasized = table

    def cell(c):
        return pt.escape_inline(c).strip(" \t")

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


def issue_date(value):
    """The date of `ngay`, the 1st of the month when only the month is given (day left blank)."""
    m = re.fullmatch(r"(\d{4})-(\d{1,2})|(\d{1,2})/(\d{4})", str(value))
    if m:
        return datetime.date(int(m[1] or m[4]), int(m[2] or m[3]), 1)
    return to_date(value)


def output_base(doc):
    symbol = ascii_fold(nfc(doc["ky_hieu"]))
    date = issue_date(doc["ngay"])
    number = doc.get("so")
    return f"{int(number):02d}-{symbol}-{date.year}" if number else f"{symbol}-{date.isoformat()}"


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
    resolve_citations(doc, os.path.dirname(os.path.abspath(path)))
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
