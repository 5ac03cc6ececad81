"""Text rules of plans and guidance for the reference pipeline (thidua_ref.py), written as a
Python programmer would port them from thidua's: inline fields, emphasis, Markdown escaping,
wrapping that never starts a line like a list entry, balanced headings, the stacked letterhead.
"""
import datetime
import re
import unicodedata

GLUE = "\u2027"


def is_marker_word(word):
    if word in ("-", "–", "—", "+", "*", "•"):
        return True
    if len(word) < 2 or word[-1] not in ".)":
        return False
    body = word[:-1]
    if word[-1] == ")" and len(body) == 1 and (("a" <= body <= "z") or body == "đ"):
        return True
    groups = body.split(".")
    return bool(body) and all(g and len(g) <= 3 and g.isascii() and g.isdigit() for g in groups)


def glue_markers(text):
    if GLUE in text:
        return text, False
    words = text.split(" ")
    out, seen, glued = [words[0]], bool(words[0]), False
    for word in words[1:]:
        if seen and is_marker_word(word):
            out.append(GLUE)
            glued = True
        else:
            out.append(" ")
        out.append(word)
        seen = seen or bool(word)
    return ("".join(out), True) if glued else (text, False)


# --------------------------------------------------------------------------- emphasis


def _is_space(ch):
    return ch is not None and ch.isspace()


def _is_punct(ch):
    if ch is None:
        return False
    if ch.isascii():
        return not ch.isalnum() and not ch.isspace() and 0x21 <= ord(ch) <= 0x7E
    return unicodedata.category(ch).startswith("P")


def _left_flanking(before, after):
    if after is None or _is_space(after):
        return False
    if not _is_punct(after):
        return True
    return before is None or _is_space(before) or _is_punct(before)


def _right_flanking(before, after):
    if before is None or _is_space(before):
        return False
    if not _is_punct(before):
        return True
    return after is None or _is_space(after) or _is_punct(after)


def spans(text):
    """[(text, strong, emphasis)], the data's `**…**` and `*…*`; other `*` are text."""
    if "*" not in text:
        return [(text, False, False)]
    runs, i = [], 0
    while i < len(text):
        if text[i] == "*":
            j = i
            while j < len(text) and text[j] == "*":
                j += 1
            runs.append((i, j - i))
            i = j
        else:
            i += 1
    stack, opens, closes = [], {}, set()
    for start, length in runs:
        if length > 2:
            continue
        before = text[start - 1] if start > 0 else None
        after = text[start + length] if start + length < len(text) else None
        can_open, can_close = _left_flanking(before, after), _right_flanking(before, after)
        index = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][1] == length), None) if can_close else None
        if index is not None:
            opens[stack[index][0]] = start
            closes.add(start)
            del stack[index:]
        elif can_open:
            stack.append((start, length))
    out, current, strong, em = [], [], 0, 0
    run_at = dict(runs)
    i = 0
    while i < len(text):
        if i in run_at:
            length = run_at[i]
            if i in opens or i in closes:
                if current:
                    out.append(("".join(current), strong > 0, em > 0))
                    current = []
                delta = 1 if i in opens else -1
                if length == 2:
                    strong += delta
                else:
                    em += delta
            else:
                current.append(text[i:i + length])
            i += length
            continue
        current.append(text[i])
        i += 1
    if current:
        out.append(("".join(current), strong > 0, em > 0))
    return out


def plain_spans(text):
    return "".join(s for s, _, _ in spans(text))


# --------------------------------------------------------------------------- Markdown

ENTITY = re.compile(r"&[A-Za-z0-9#]+;")
EMOJI = re.compile(r":[A-Za-z0-9_+\-]+:")
ORDERED = re.compile(r"^(\d{1,9})([.)])( |$)")


def escape_inline(text, heading=False):
    out = []
    n = len(text)
    for i, ch in enumerate(text):
        esc = False
        if ch in "\\`*_[]<|~":
            esc = True
        elif ch == "#" and heading:
            esc = True
        elif ch == "&" and ENTITY.match(text, i):
            esc = True
        elif ch == ":" and (EMOJI.match(text, i) or text.startswith("//", i + 1)):
            esc = True
        elif ch == "." and i >= 3 and text[i - 3:i].lower() == "www" and (i == 3 or not text[i - 4].isalpha()):
            esc = True
        elif ch == "@" and i > 0 and text[i - 1].isalpha() and i + 1 < n and text[i + 1].isalpha():
            esc = True
        if esc:
            out.append("\\")
        out.append(ch)
    return "".join(out)


def escape_block_start(text):
    if not text:
        return text
    if text[0] in "#>+-=":
        return "\\" + text
    m = ORDERED.match(text)
    if m:
        return text[: m.end(1)] + "\\" + text[m.end(1):]
    return text


def markdown(text, curly, place="block"):
    text = curly(text.replace("\t", " "))
    out = []
    for piece, strong, em in spans(text):
        marker = "***" if strong and em else "**" if strong else "*" if em else ""
        out.append(marker + escape_inline(piece, heading=place == "heading") + marker)
    result = "".join(out).strip(" \t")
    return escape_block_start(result) if place == "block" else result


def cell(text, curly):
    return escape_inline(curly(text)).strip(" \t")


# --------------------------------------------------------------------------- inline fields

FIELD_OPTIONS = re.compile(r"\s*,\s*")


def joined(names):
    if len(names) <= 1:
        return names[0] if names else ""
    return ", ".join(names[:-1]) + " và " + names[-1]


def resolve_fields(text, ctx):
    """`{ky_niem code[+code][, khoang][, nam N][, so_nam N][, ten …]}`, `{dai_hoi code[, ngay]}`,
    `{{` and `}}`. ctx: catalog, congresses, year, phase (start, end) or None, style, short."""
    if "{" not in text and "}" not in text:
        return text
    out, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch in "{}" and text.startswith(ch * 2, i):
            out.append(ch)
            i += 2
            continue
        if ch == "{":
            j = text.index("}", i)
            out.append(_field(text[i + 1:j], ctx))
            i = j + 1
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _field(inner, ctx):
    m = re.match(r"\s*([a-z_]+):?\s*", inner)
    kind, rest = m.group(1), inner[m.end():]
    head, _, tail = rest.partition(",")
    codes = [c.strip() for c in head.split("+")]
    options, own = {}, None
    while tail:
        tail = tail.lstrip(" \t")
        name = re.match(r"[a-z_]+", tail).group(0)
        after = tail[len(name):].lstrip(":").lstrip(" \t")
        if name == "ten":
            own = after.strip(" \t")
            break
        value, _, tail = after.partition(",")
        options[name] = value.strip(" \t")
    short = ctx["short"]
    if kind == "dai_hoi":
        names = []
        for code in codes:
            congress = ctx["congresses"][code]
            names.append(f"{congress['ten']} ({congress_dates(congress, short, ctx['style'])})" if "ngay" in options else congress["ten"])
        return joined(names)
    catalog = ctx["catalog"]
    first_name, first_base = catalog[codes[0]]
    year = int(options["nam"]) if options.get("nam") else target_year(first_base, ctx)
    names = []
    for code in codes:
        name, base = catalog[code]
        name = own or name
        if "khoang" in options:
            name += f" ({short(base, ctx['style'])} - {short(base.replace(year=year), ctx['style'])})"
        names.append(name)
    return f"{year - first_base.year} năm {joined(names)}"


def target_year(base, ctx):
    phase = ctx.get("phase")
    if phase:
        start, end = phase
        for year in range(start.year, end.year + 1):
            day = base.replace(year=year)
            if start <= day <= end and year > base.year:
                return year
    return ctx["year"]


def congress_dates(congress, short, style):
    start = congress["_start"]
    end = congress.get("_end")
    return short(start, style) if not end or end == start else f"{short(start, style)} - {short(end, style)}"


# --------------------------------------------------------------------------- letterhead


def balanced_wrap(text, width_, wrap):
    greedy = wrap(text, width_)
    if len(greedy) <= 1:
        return greedy
    low, high = 1, width_
    while low < high:
        middle = (low + high) // 2
        if len(wrap(text, middle)) <= len(greedy):
            high = middle
        else:
            low = middle + 1
    balanced = wrap(text, low)
    return balanced if len(balanced) == len(greedy) else greedy


def month_year(date):
    return f"{date.month:02d}/{date.year}" if date.month <= 2 else f"{date.month}/{date.year}"


def month_end(year, month):
    nxt = datetime.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - datetime.timedelta(days=1)
