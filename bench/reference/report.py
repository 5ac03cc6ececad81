"""Reports for the reference pipeline: read the units' CSV files, aggregate, compose the
results part of the BÁO CÁO, and write the summary workbook with XlsxWriter.

Same rules as thidua: a unit is its (group, name) after NFC and case folding; "1.234.567"
is a number with thousands separators, "12,5" has a decimal comma; units are ordered by
the expected-units list, groups too; totals are exact integers, percentages are rounded
half away from zero from them.
"""
import csv
import os
import re
import unicodedata

import xlsxwriter

from thidua_ref import (clean, decimal1, grouped, nfc, round_half_away, short, to_date, upper, roman)

# key: (name, unit, kind, sentence, per-unit target column)
DEFAULTS = {
    "so_cdcs": ("Số CĐCS", "CĐCS", "count", "toàn đơn vị có {gia_tri} CĐCS", None),
    "cdcs_phat_dong": ("CĐCS tổ chức phát động", "CĐCS", "count", "{gia_tri} CĐCS tổ chức phát động thi đua", None),
    "ty_le_cdcs_phat_dong": ("Tỷ lệ CĐCS phát động", "%", "ratio", "{gia_tri} CĐCS tổ chức phát động thi đua", None),
    "dang_ky_tap_the": ("Tập thể đăng ký thi đua", "tập thể", "count", "có {gia_tri} tập thể đăng ký thi đua", None),
    "dang_ky_ca_nhan": ("Cá nhân đăng ký thi đua", "cá nhân", "count", "{gia_tri} cá nhân đăng ký thi đua", None),
    "sang_kien": ("Sáng kiến", "sáng kiến", "count", "có {gia_tri} sáng kiến, cải tiến kỹ thuật được công nhận", None),
    "gia_tri_lam_loi": ("Giá trị làm lợi", "đồng", "money", "giá trị làm lợi {gia_tri}", None),
    "cong_trinh_san_pham": ("Công trình, sản phẩm", "công trình", "count", "{gia_tri} công trình, sản phẩm chào mừng", None),
    "doan_vien_moi": ("Phát triển đoàn viên", "đoàn viên", "count", "phát triển được {gia_tri} đoàn viên mới, đạt {ty_le} chỉ tiêu", "chi_tieu_doan_vien_moi"),
    "thanh_lap_cdcs": ("Thành lập CĐCS", "CĐCS", "count", "thành lập mới {gia_tri} CĐCS, đạt {ty_le} chỉ tiêu", "chi_tieu_thanh_lap_cdcs"),
    "mai_am_so_nha": ("Mái ấm Công đoàn", "nhà", "count", "xây dựng, sửa chữa {gia_tri} Mái ấm Công đoàn", None),
    "mai_am_kinh_phi": ("Kinh phí Mái ấm Công đoàn", "đồng", "money", "với tổng kinh phí {gia_tri}", None),
    "lao_dong_gioi": ("Lao động giỏi", "người", "count", "{gia_tri} người đạt danh hiệu Lao động giỏi", None),
    "cdcs_vung_manh": ("CĐCS vững mạnh", "CĐCS", "count", "{gia_tri} CĐCS đạt tiêu chuẩn vững mạnh", None),
    "bang_khen_tap_the": ("Bằng khen tập thể", "tập thể", "count", "{gia_tri} tập thể được tặng Bằng khen", None),
    "bang_khen_ca_nhan": ("Bằng khen cá nhân", "cá nhân", "count", "{gia_tri} cá nhân được tặng Bằng khen", None),
    "giay_khen_tap_the": ("Giấy khen tập thể", "tập thể", "count", "{gia_tri} tập thể được tặng Giấy khen", None),
    "giay_khen_ca_nhan": ("Giấy khen cá nhân", "cá nhân", "count", "{gia_tri} cá nhân được tặng Giấy khen", None),
}
RATIOS = {"ty_le_cdcs_phat_dong": ("cdcs_phat_dong", "so_cdcs")}
KIND_NAMES = {"so_luong": "count", "tien": "money", "ty_le": "ratio"}

NAME_HEADERS = {"don_vi", "ten_don_vi", "đơn vị", "tên đơn vị", "đơn vị báo cáo", "tên"}
GROUP_HEADERS = {"nhom", "khoi", "cum", "huyen", "nhóm", "khối", "cụm", "huyện", "quận/huyện", "khối/cụm",
                 "cụm thi đua", "khối thi đua"}
SERIAL_HEADERS = {"stt", "tt", "số tt", "số thứ tự", "so_tt"}


def fold(s):
    return clean(s).lower().replace("ð", "đ")


def indicators_of(spec):
    result = []
    for entry in spec.get("chi_tieu") or [{"ma": k} for k in DEFAULTS]:
        key = entry["ma"]
        name, unit, kind, sentence, target_col = DEFAULTS.get(key, (None, None, "count", None, None))
        ind = {
            "key": key, "name": entry.get("ten", name), "unit": entry.get("don_vi_tinh", unit),
            "kind": KIND_NAMES.get(entry.get("kieu"), kind), "target": entry.get("chi_tieu"),
            "target_col": entry.get("cot_chi_tieu", target_col), "sentence": clean(entry["cau"]) if "cau" in entry else sentence,
            "ratio": None,
        }
        if "ty_le" in entry:
            ind["ratio"] = (entry["ty_le"]["tu_so"], entry["ty_le"]["mau_so"])
            ind["kind"] = "ratio"
        elif key in RATIOS:
            ind["ratio"] = RATIOS[key]
        if ind["name"] is None or ind["unit"] is None:
            raise ValueError(f"chỉ tiêu `{key}` cần `ten` và `don_vi_tinh`")
        result.append(ind)
    return result


# --------------------------------------------------------------------------- numbers

GROUPED = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+")


def parse_number(cell, kind):
    """Vietnamese number -> int (ratios scaled by 10^4); None when empty; ValueError when
    it could be read two ways ("1.5", "1,234") or is not a number."""
    text = cell.strip().replace("\u00a0", "").replace(" ", "")
    if not text:
        return None
    whole, _, fraction = text.partition(",")
    if not GROUPED.fullmatch(whole or "0") or (fraction and not fraction.isdigit()) or (_ and not fraction):
        raise ValueError(f"'{cell}' không phải là số viết kiểu Việt Nam")
    value = int((whole or "0").replace(".", ""))
    if kind != "ratio":
        if fraction:
            raise ValueError(f"'{cell}' có phần thập phân")
        return value
    if len(fraction) > 4:
        raise ValueError(f"'{cell}' có quá 4 chữ số thập phân")
    return value * 10_000 + int((fraction + "0000")[:4])


# --------------------------------------------------------------------------- reading


class Units:
    """Units of one phase: names, groups and one list of figures per indicator."""

    def __init__(self, indicators):
        self.indicators = indicators
        self.names, self.groups, self.keys = [], [], {}
        self.values = [[] for _ in indicators]
        self.targets = [[] for _ in indicators]
        self.rows_read = self.files = 0
        self.skipped = []  # (file, line, reason)

    def read(self, path, label):
        self.files += 1
        with open(path, encoding="utf-8-sig", newline="") as f:
            first = f.readline()
            delimiter = max(";,\t", key=first.count)
            f.seek(0)
            if f.read(1) != "\ufeff":
                f.seek(0)
            reader = csv.reader(f, delimiter=delimiter)
            header = next(reader, None)
            if header is None:
                raise ValueError(f"{label}: tệp trống")
            roles = self.roles(header)
            if "name" not in roles:
                raise ValueError(f"{label}: thiếu cột tên đơn vị")
            name_col, group_col = roles.get("name"), roles.get("group")
            value_cols = [(i, roles[("value", i)]) for i in range(len(self.indicators)) if ("value", i) in roles]
            target_cols = [(i, roles[("target", i)]) for i in range(len(self.indicators)) if ("target", i) in roles]
            kinds = [ind["kind"] for ind in self.indicators]
            ratios = [(self.index(ind["ratio"][0]), self.index(ind["ratio"][1])) for ind in self.indicators if ind["ratio"]]
            for line, row in enumerate(reader, start=2):
                if not any(c.strip() for c in row):
                    continue
                self.rows_read += 1
                if len(row) != len(header):
                    self.skipped.append((label, line, "sai số ô"))
                    continue
                name = clean(row[name_col])
                if not name:
                    self.skipped.append((label, line, "thiếu tên đơn vị"))
                    continue
                group = clean(row[group_col]) if group_col is not None else ""
                try:
                    values = [None] * len(self.indicators)
                    targets = [None] * len(self.indicators)
                    for i, col in value_cols:
                        values[i] = parse_number(row[col], kinds[i])
                    for i, col in target_cols:
                        targets[i] = parse_number(row[col], kinds[i])
                    for n, d in ratios:
                        if values[n] is not None and values[d] is not None and values[n] > values[d]:
                            raise ValueError("tử số lớn hơn mẫu số")
                except ValueError:
                    self.skipped.append((label, line, "có số liệu sai"))
                    continue
                key = (fold(group), fold(name))
                if key in self.keys:
                    self.skipped.append((label, line, "trùng đơn vị"))
                    continue
                self.keys[key] = len(self.names)
                self.names.append(name)
                self.groups.append(group)
                for i in range(len(self.indicators)):
                    self.values[i].append(values[i])
                    self.targets[i].append(targets[i])

    def index(self, key):
        return next(i for i, ind in enumerate(self.indicators) if ind["key"] == key)

    def roles(self, header):
        lookup = {}
        for i, ind in enumerate(self.indicators):
            if ind["ratio"]:
                continue
            lookup[fold(ind["key"])] = ("value", i)
            lookup[fold(ind["name"])] = ("value", i)
            for t in (ind["target_col"] or f"chi_tieu_{ind['key']}", f"chi_tieu_{ind['key']}", f"chỉ tiêu {ind['name']}"):
                lookup.setdefault(fold(t), ("target", i))
        roles = {}
        for col, text in enumerate(header):
            h = fold(text)
            if h in NAME_HEADERS:
                roles.setdefault("name", col)
            elif h in GROUP_HEADERS:
                roles.setdefault("group", col)
            elif h in lookup:
                roles.setdefault(lookup[h], col)
        return roles


def read_expected(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        first = f.readline()
        f.seek(0)
        rows = list(csv.reader(f, delimiter=max(";,\t", key=first.count)))
    header = [fold(h) for h in rows[0]]
    name_col = next(i for i, h in enumerate(header) if h in NAME_HEADERS)
    group_col = next((i for i, h in enumerate(header) if h in GROUP_HEADERS), None)
    out = []
    for row in rows[1:]:
        if len(row) > name_col and clean(row[name_col]):
            group = clean(row[group_col]) if group_col is not None and group_col < len(row) else ""
            out.append((clean(row[name_col]), group))
    return out


# Vietnamese alphabetical order: base letters in the alphabet's order, then the tone.
ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def sort_key(name):
    primary, secondary = [], []
    for ch in unicodedata.normalize("NFD", name.lower()):
        if ch in TONES:
            secondary.append(TONES[ch])
            continue
        if ch in "\u0306\u0302\u031b" and primary:
            base = {"a\u0306": "ă", "a\u0302": "â", "e\u0302": "ê", "o\u0302": "ô", "o\u031b": "ơ", "u\u031b": "ư"}
            last = ALPHABET[primary[-1] - 1000] if primary[-1] >= 1000 else ""
            if last + ch in base:
                primary[-1] = 1000 + ALPHABET.index(base[last + ch])
            continue
        primary.append(1000 + ALPHABET.index(ch) if ch in ALPHABET else ord(ch))
    return primary, secondary


def match_expected(expected, units):
    by_key, by_name = {}, {}
    for i, (name, group) in enumerate(expected):
        key = (fold(group), fold(name))
        if key not in by_key:
            by_key[key] = i
            by_name.setdefault(key[1], []).append(i)
    taken = [False] * len(expected)
    unit_expected = [-1] * len(units.names)
    for u, name in enumerate(units.names):
        folded = fold(name)
        m = by_key.get((fold(units.groups[u]), folded), by_key.get(("", folded)))
        if m is None and len(by_name.get(folded, ())) == 1:
            m = by_name[folded][0]
        if m is not None and not taken[m]:
            taken[m] = True
            unit_expected[u] = m
    return unit_expected, taken


def bucket_totals(units, ind_index, unit_group, group_count):
    """Totals of one indicator for every group and overall (last)."""
    ind = units.indicators[ind_index]
    buckets = [{"total": 0, "den": 0, "reporting": 0, "target_sum": 0, "with_target": 0, "reached": 0}
               for _ in range(group_count + 1)]
    if ind["ratio"]:
        nums, dens = units.values[units.index(ind["ratio"][0])], units.values[units.index(ind["ratio"][1])]
        for u in range(len(units.names)):
            n, d = nums[u], dens[u]
            if n is None or d is None:
                continue
            for b in (buckets[unit_group[u]], buckets[-1]) if unit_group[u] >= 0 else (buckets[-1],):
                b["total"] += n
                b["den"] += d
                b["reporting"] += 1
                if ind["target"] is not None:
                    b["with_target"] += 1
                    b["reached"] += n * 100 >= ind["target"] * d
    else:
        values, targets = units.values[ind_index], units.targets[ind_index]
        for u in range(len(units.names)):
            v, t = values[u], targets[u]
            for b in (buckets[unit_group[u]], buckets[-1]) if unit_group[u] >= 0 else (buckets[-1],):
                if v is not None:
                    b["total"] += v
                    b["reporting"] += 1
                if t is not None:
                    b["target_sum"] += t
                    b["with_target"] += 1
                    b["reached"] += v is not None and v >= t
    result = []
    for g, b in enumerate(buckets):
        overall = g == group_count
        t = {"total": b["total"], "reporting": b["reporting"], "with_target": b["with_target"],
             "reached": b["reached"], "target": None, "ratio": None, "den": None, "of_target": None, "change": None}
        if ind["ratio"]:
            t["den"] = b["den"]
            t["ratio"] = (b["total"], b["den"]) if b["den"] else None
            if ind["target"] is not None:
                t["target"] = ind["target"]
                if b["den"] and ind["target"]:
                    t["of_target"] = (b["total"] * 100, b["den"] * ind["target"])
        else:
            if overall and ind["target"] is not None:
                t["target"] = ind["target"]
            elif b["with_target"]:
                t["target"] = b["target_sum"]
            if t["target"]:
                t["of_target"] = (b["total"], t["target"])
        result.append(t)
    return result


def aggregate(doc, folder):
    spec = doc["bao_cao"]
    indicators = indicators_of(spec)
    units = Units(indicators)
    for name in spec["so_lieu"]:
        units.read(os.path.join(folder, name), name)
    previous = None
    if spec.get("ky_truoc"):
        previous = Units(indicators)
        for name in spec["ky_truoc"]:
            previous.read(os.path.join(folder, name), name)
    expected = read_expected(os.path.join(folder, spec["don_vi_du_kien"])) if spec.get("don_vi_du_kien") else []

    unit_expected, taken = match_expected(expected, units)
    # Groups: the expected list's order first, then the files' alphabetically; no group last.
    group_index, group_names, group_rank = {}, [], []

    def group_of(name, rank):
        key = fold(name)
        if key not in group_index:
            group_index[key] = len(group_names)
            group_names.append(clean(name))
            group_rank.append(rank)
        return group_index[key]

    for i, (_, group) in enumerate(expected):
        if group:
            group_of(group, i)
    unit_group = []
    for u in range(len(units.names)):
        m = unit_expected[u]
        unit_group.append(group_of(expected[m][1], m) if m >= 0 and expected[m][1] else group_of(units.groups[u], 10**12))
    order = sorted(range(len(group_names)), key=lambda g: (group_names[g] == "", group_rank[g], sort_key(group_names[g])))
    final = [0] * len(group_names)
    for pos, g in enumerate(order):
        final[g] = pos
    unit_group = [final[g] for g in unit_group]
    group_names = [group_names[g] for g in order]

    keys = [sort_key(n) for n in units.names]
    name_rank = [0] * len(units.names)
    for rank, u in enumerate(sorted(range(len(units.names)), key=lambda u: (keys[u], u))):
        name_rank[u] = rank
    unit_order = sorted(range(len(units.names)),
                        key=lambda u: (unit_expected[u] if unit_expected[u] >= 0 else 10**12, name_rank[u]))
    members = [[] for _ in group_names]
    for u in unit_order:
        members[unit_group[u]].append(u)

    totals = [bucket_totals(units, i, unit_group, len(group_names)) for i in range(len(indicators))]
    if previous is not None:
        p_expected, _ = match_expected(expected, previous)
        p_group = []
        for u in range(len(previous.names)):
            m = p_expected[u]
            name = (expected[m][1] or previous.groups[u]) if m >= 0 else previous.groups[u]
            g = group_index.get(fold(name))
            p_group.append(final[g] if g is not None else -1)
        for i in range(len(indicators)):
            old = bucket_totals(previous, i, p_group, len(group_names))
            for cur, prev in zip(totals[i], old):
                cur["change"] = change(cur, prev)
    missing = [expected[i] for i in range(len(expected)) if not taken[i]]
    summary = (f"đọc {grouped(units.rows_read)} dòng từ {grouped(units.files)} tệp; tổng hợp {grouped(len(units.names))} đơn vị; ")
    if units.skipped:
        counts = {}
        for *_, reason in units.skipped:
            counts[reason] = counts.get(reason, 0) + 1
        summary += f"bỏ qua {grouped(len(units.skipped))}: " + ", ".join(f"{grouped(c)} dòng {r}" for r, c in counts.items())
    else:
        summary += "không bỏ qua dòng nào"
    return {"indicators": indicators, "units": units, "groups": group_names, "members": members,
            "totals": totals, "missing": missing, "name_rank": name_rank, "summary": summary,
            "unit_count": len(units.names)}


def change(cur, prev):
    if cur["ratio"] is not None and prev["ratio"] is not None:
        (a, b), (c, d) = cur["ratio"], prev["ratio"]
        return {"ratio_diff": (a * d - c * b, b * d)}
    if cur["den"] is not None:
        return {}
    diff = cur["total"] - prev["total"]
    return {"absolute": diff, "relative": (diff, prev["total"]) if prev["total"] else None}


# --------------------------------------------------------------------------- composing


def percent(ratio):
    """(n, d) -> "98,5%"."""
    if ratio is None or not ratio[1]:
        return None
    return decimal1(round_half_away(ratio[0] * 1000, ratio[1])) + "%"


def money(dong):
    for size, word in ((10**9, "tỷ"), (10**6, "triệu")):
        if abs(dong) >= size:
            return f"{decimal1(round_half_away(dong * 10, size))} {word} đồng"
    return f"{grouped(dong)} đồng"


def scaled(value, ind):
    if ind["kind"] != "ratio":
        return grouped(value)
    tenths = round_half_away(value * 10, 10_000)
    return grouped(tenths // 10) if tenths % 10 == 0 else decimal1(tenths)


def with_unit(value, ind):
    if ind["kind"] == "count":
        return f"{grouped(value)} {ind['unit']}"
    if ind["kind"] == "money":
        return money(value)
    return scaled(value, ind) + ("%" if ind["unit"] == "%" else f" {ind['unit']}")


def sentence(ind, t, previous_word):
    if ind["ratio"]:
        value = bare = percent(t["ratio"]) or "chưa tính được"
    else:
        value = with_unit(t["total"], ind)
        bare = scaled(t["total"], ind) if ind["kind"] == "count" else value
    of_target = percent(t["of_target"])
    target = None
    if t["target"] is not None:
        target = f"{grouped(t['target'])}%" if ind["ratio"] else with_unit(t["target"], ind)
    if ind["sentence"]:
        text = ind["sentence"]
        for key, fill in (("gia_tri", bare), ("chi_tieu", target or "—"), ("ty_le", of_target or "—"),
                          ("don_vi_tinh", ind["unit"]), ("so_don_vi", grouped(t["reporting"])),
                          ("so_don_vi_dat", grouped(t["reached"]))):
            text = text.replace("{" + key + "}", fill)
        text = text[:1].upper() + text[1:]
    else:
        text = f"{ind['name']}: {value}"
        if ind["ratio"] and t["den"] is not None:
            text += f" ({grouped(t['total'])}/{grouped(t['den'])})"
        if of_target and target:
            text += f", đạt {of_target} chỉ tiêu ({target})"
        if t["with_target"]:
            text += f"; {grouped(t['reached'])}/{grouped(t['with_target'])} đơn vị đạt chỉ tiêu được giao"
    c = t["change"]
    if c:
        if "ratio_diff" in c:
            points = round_half_away(c["ratio_diff"][0] * 1000, c["ratio_diff"][1])
            if points == 0:
                text += f"; bằng {previous_word}"
            else:
                text += f"; so với {previous_word} {'tăng' if points > 0 else 'giảm'} {decimal1(abs(points))} điểm phần trăm"
        elif "absolute" in c:
            diff = c["absolute"]
            if diff == 0:
                text += f"; bằng {previous_word}"
            else:
                text += f"; so với {previous_word} {'tăng' if diff > 0 else 'giảm'} {with_unit(abs(diff), ind)}"
                if c["relative"]:
                    pct = round_half_away(c["relative"][0] * 1000, c["relative"][1])
                    text += f" ({decimal1(abs(pct))}%)"
    return text


def punctuate(texts):
    return [t + ("." if i == len(texts) - 1 else ";") for i, t in enumerate(texts)]


def cell_text(ind, t):
    if ind["ratio"]:
        return percent(t["ratio"]) or ""
    return scaled(t["total"], ind)


def compose(doc, stats):
    """Puts the generated sections (kết quả thực hiện …) in front of the clerk's own."""
    spec = doc["bao_cao"]
    indicators, totals, units = stats["indicators"], stats["totals"], stats["units"]
    previous_word = "đợt trước" if spec.get("hinh_thuc") == "so_ket" else "kỳ trước"
    g_count = len(stats["groups"])

    results = []
    sentences = punctuate([sentence(ind, totals[i][g_count], previous_word) for i, ind in enumerate(indicators)])
    results.append(("item", "Kết quả chung", [("paragraph", f"Tổng hợp từ báo cáo của {grouped(stats['unit_count'])} đơn vị, kết quả chủ yếu như sau:", [])]
                    + [("bullet", s, []) for s in sentences]))
    headers = ["Chỉ tiêu", "ĐVT"] + [g or "Khác" for g in stats["groups"]] + ["Tổng cộng", "% chỉ tiêu"]
    rows = []
    for i, ind in enumerate(indicators):
        rows.append([ind["name"], ind["unit"]] + [cell_text(ind, totals[i][g]) for g in range(g_count)]
                    + [cell_text(ind, totals[i][g_count]), percent(totals[i][g_count]["of_target"]) or ""])
    table = (headers, rows, ["left", "left"] + ["right"] * (g_count + 2), set())
    results.append(("item", "Kết quả theo khối, cụm", [("table", table, [])]))

    leaders = []
    top_n = spec.get("so_don_vi_noi_bat", 3)
    for i, ind in enumerate(indicators):
        t = totals[i][g_count]
        if ind["ratio"] or not (ind["target"] is not None or ind["kind"] == "money" or t["with_target"] > 0) or top_n <= 0:
            continue
        values, rank = units.values[i], stats["name_rank"]
        present = [u for u in range(len(values)) if values[u] is not None]
        top = sorted(present, key=lambda u: (-values[u], rank[u]))[:top_n]
        if not top or all(values[u] <= 0 for u in top):
            continue
        names = ", ".join(f"{units.names[u]} ({with_unit(values[u], ind)})" for u in top)
        leaders.append(f"{ind['name']}: {names}")
        if len(leaders) >= 5:
            break
    if leaders:
        results.append(("item", "Các đơn vị dẫn đầu", [("bullet", s, []) for s in punctuate(leaders)]))

    missing = stats["missing"]
    if missing:
        body = [("paragraph", f"Còn {len(missing)} đơn vị chưa gửi báo cáo:", [])]
        body += [("bullet", f"{name} ({group})" if group else name, []) for name, group in missing]
    else:
        body = [("paragraph", "Tất cả các đơn vị trong danh sách đã gửi báo cáo.", [])]
    body.append(("paragraph", f"Nguồn số liệu: {stats['summary']}.", []))
    results.append(("item", "Tình hình báo cáo của các đơn vị", body))

    if spec.get("bang_don_vi"):
        rows, emphasized, serial = [], set(), 0
        for g, group in enumerate(stats["groups"]):
            for u in stats["members"][g]:
                serial += 1
                row = [str(serial), units.names[u]]
                for i, ind in enumerate(indicators):
                    if ind["ratio"]:
                        n = units.values[units.index(ind["ratio"][0])][u]
                        d = units.values[units.index(ind["ratio"][1])][u]
                        row.append(percent((n, d)) if n is not None and d else "")
                    else:
                        v = units.values[i][u]
                        row.append("" if v is None else scaled(v, ind))
                rows.append(row)
            emphasized.add(len(rows))
            rows.append(["", f"Cộng {group or 'khác'}"] + [cell_text(ind, totals[i][g]) for i, ind in enumerate(indicators)])
        emphasized.add(len(rows))
        rows.append(["", "TỔNG CỘNG"] + [cell_text(ind, totals[i][g_count]) for i, ind in enumerate(indicators)])
        table = (["STT", "Đơn vị"] + [ind["name"] for ind in indicators], rows,
                 ["right", "left"] + ["right"] * len(indicators), emphasized)
        results.append(("item", "Kết quả từng đơn vị", [("table", table, [])]))

    def item(title, items):
        return [("item", title, items)] if items else []

    from thidua_ref import blocks_of
    sections = []
    for title, blocks in (
        ("ĐẶC ĐIỂM TÌNH HÌNH", item("Thuận lợi", blocks_of(spec.get("thuan_loi"))) + item("Khó khăn", blocks_of(spec.get("kho_khan")))),
        ("KẾT QUẢ THỰC HIỆN", results),
        ("ĐÁNH GIÁ CHUNG", item("Ưu điểm", blocks_of(spec.get("uu_diem"))) + item("Tồn tại, hạn chế", blocks_of(spec.get("ton_tai")))
         + item("Nguyên nhân", blocks_of(spec.get("nguyen_nhan")))),
        ("BÀI HỌC KINH NGHIỆM", blocks_of(spec.get("bai_hoc"))),
        ("PHƯƠNG HƯỚNG, NHIỆM VỤ", blocks_of(spec.get("phuong_huong"))),
        ("ĐỀ XUẤT, KIẾN NGHỊ", blocks_of(spec.get("de_xuat"))),
        ("KHEN THƯỞNG", blocks_of(spec.get("khen_thuong"))),
    ):
        if blocks:
            sections.append({"title": title, "blocks": blocks, "phases": False})
    doc["_generated_sections"] = sections
    if spec.get("ke_hoach"):
        doc["_references"] = [spec["ke_hoach"]]


# --------------------------------------------------------------------------- workbook

FONT = "Times New Roman"
LINE = 15.75


def char_units(ch):
    if unicodedata.combining(ch):
        return 0
    if ch in ".,:;'|!()[] ":
        return 0.6
    if unicodedata.east_asian_width(ch) in "WF":
        return 2
    return 1.2 if ch.isupper() else 1


def text_width(text, bold=False):
    return sum(char_units(ch) for ch in text) * (1.1 if bold else 1) + 2


def clamp(w):
    return min(max(w, 5), 60)


def a1(row, col):
    letters = ""
    col += 1
    while col:
        col, r = divmod(col - 1, 26)
        letters = chr(65 + r) + letters
    return f"{letters}{row + 1}"


def write_workbook(doc, stats, path):
    indicators, totals, units = stats["indicators"], stats["totals"], stats["units"]
    groups, members = stats["groups"], stats["members"]
    g_count = len(groups)
    spec = doc["bao_cao"]
    tmp = path[:-5] + ".tmp.xlsx"
    workbook = xlsxwriter.Workbook(tmp, {"constant_memory": stats["unit_count"] > 10_000})
    issuer = upper(doc["co_quan_ban_hanh"])
    review = "SƠ KẾT" if spec.get("hinh_thuc") == "so_ket" else "TỔNG KẾT"
    title = f"BÁO CÁO {review}" + (f" {upper(spec['ten_ky'])}" if spec.get("ten_ky") else "")
    period = ""
    if spec.get("ky"):
        period = f"Từ ngày {short(to_date(spec['ky']['tu']))} đến ngày {short(to_date(spec['ky']['den']))}"
    workbook.set_properties({"title": title, "subject": period, "author": issuer, "company": issuer,
                             "comments": "Tạo bởi thidua"})

    def fmt(**props):
        base = {"font_name": FONT, "font_size": 12, "valign": "vcenter"}
        base.update(props)
        return workbook.add_format(base)

    f_issuer = fmt(bold=True, align="center", text_wrap=True)
    f_title = fmt(bold=True, font_size=14, align="center", text_wrap=True)
    f_period = fmt(italic=True, align="center", text_wrap=True)
    f_header = fmt(bold=True, align="center", text_wrap=True, border=1, pattern=1, bg_color="#D9E1F2")
    f_note = fmt(italic=True)
    f_note_center = fmt(italic=True, align="center")

    def row_formats(bold, italic, fill):
        extra = {"border": 1, "bold": bold, "italic": italic}
        if fill:
            extra.update(pattern=1, bg_color=fill)
        return {"serial": fmt(align="center", **extra), "name": fmt(text_wrap=True, **extra),
                "integer": fmt(num_format="#,##0", **extra), "percent": fmt(num_format="0.0%", **extra),
                "blank": fmt(**extra)}

    f_unit = row_formats(False, False, None)
    f_group = row_formats(True, False, "#F2F2F2")
    f_sub = row_formats(True, True, "#F2F2F2")
    f_total = row_formats(True, False, "#FCE4D6")

    # Columns: a ratio has one column, an indicator with own targets three, others one.
    slots, col = [], 2
    for i, ind in enumerate(indicators):
        if ind["kind"] == "ratio" and not ind["ratio"]:
            continue  # summed decimals have no column type; listed on "Nguồn"
        slot = {"i": i, "ind": ind, "first": col}
        if ind["ratio"]:
            slot.update(ratio=col, num=units.index(ind["ratio"][0]), den=units.index(ind["ratio"][1]))
            col += 1
        elif totals[i][g_count]["with_target"] > 0:
            slot.update(target=col, actual=col + 1, percent=col + 2)
            col += 3
        else:
            slot.update(actual=col)
            col += 1
        slot["last"] = col - 1
        slots.append(slot)
    actual_col = {s["i"]: s["actual"] for s in slots if "actual" in s}
    for s in slots:
        if "ratio" in s:
            s["num_col"], s["den_col"] = actual_col[s["num"]], actual_col[s["den"]]
    last_col = max(col - 1, 1)

    # Rows.
    header_rows, subtotal_rows, row = [], [], 6
    for g in range(g_count):
        header_rows.append(row)
        row += 1 + len(members[g])
        subtotal_rows.append(row)
        row += 1
    total_row = row

    def header_text(ind):
        return f"{ind['name']} ({ind['unit']})" if ind["unit"] else ind["name"]

    # Exact sums for subtotals: actual and target per group, blanks as 0.
    def sums(values, group_units):
        return sum(values[u] or 0 for u in group_units)

    group_actual = {s["i"]: [sums(units.values[s["i"]], members[g]) for g in range(g_count)] for s in slots if "actual" in s}
    group_target = {s["i"]: [sums(units.targets[s["i"]], members[g]) for g in range(g_count)] for s in slots if "target" in s}

    # Column widths fitted to the text.
    widths = {0: max(text_width("STT", True), text_width(grouped(stats["unit_count"]))),
              1: max(text_width("Đơn vị", True), text_width("TỔNG CỘNG", True))}
    for g, name in enumerate(groups):
        widths[0] = max(widths[0], text_width(roman(g + 1), True))
        widths[1] = max(widths[1], text_width(name or "Khác", True), text_width(f"Cộng {name or 'Khác'}", True))
        for u in members[g]:
            widths[1] = max(widths[1], text_width(units.names[u]))
    for s in slots:
        i = s["i"]
        for c, text in (("target", "Chỉ tiêu"), ("actual", "Thực hiện"), ("percent", "% đạt"), ("ratio", "Tỷ lệ")):
            if c in s:
                widths[s[c]] = text_width(text, True)
        if "actual" in s:
            extreme = max([sum(group_actual[i])] + ([sum(group_target[i])] if "target" in s else [])
                          + [v for v in units.values[i] if v is not None]
                          + ([v for v in units.targets[i] if v is not None] if "target" in s else []), key=abs)
            for c in ("target", "actual"):
                if c in s:
                    widths[s[c]] = max(widths[s[c]], text_width(grouped(extreme), True))
        for c in ("percent", "ratio"):
            if c in s:
                widths[s[c]] = max(widths[s[c]], text_width("1.234,5%", True))
    widths = {c: clamp(w) for c, w in widths.items()}
    table_width = sum(widths.values())

    def lines(w, available):
        return max(1, -(-(w - 2) // (available - 1))) if available > 0 else 1

    # ---- Tổng hợp
    ws = workbook.add_worksheet("Tổng hợp")
    for c in sorted(widths):
        ws.set_column(c, c, widths[c])
    ws.freeze_panes(6, 2)
    ws.autofilter(5, 0, max(total_row - 1, 6), last_col)
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(4, 5)
    ws.set_footer("&C&P/&N")
    ws.set_margins(15 / 25.4, 10 / 25.4, 20 / 25.4, 20 / 25.4)
    ws.center_horizontally()
    for r, text, f, scale, line_height in ((0, issuer, f_issuer, 1, LINE), (1, title, f_title, 14 / 12, 18.75),
                                            (2, period, f_period, 1, LINE)):
        n = lines(text_width(text, True) * scale, table_width)
        if n > 1:
            ws.set_row(r, n * line_height)
        ws.merge_range(r, 0, r, last_col, text, f)
    header_lines = 1
    for s in slots:
        text = header_text(s["ind"])
        available = sum(widths.get(c, 0) for c in range(s["first"], s["last"] + 1))
        header_lines = max(header_lines, lines(text_width(text, True), available))
    ws.set_row(4, min(header_lines, 6) * LINE + 4)
    ws.merge_range(4, 0, 5, 0, "STT", f_header)
    ws.merge_range(4, 1, 5, 1, "Đơn vị", f_header)
    for s in slots:
        text = header_text(s["ind"])
        if s["first"] == s["last"]:
            ws.write_string(4, s["first"], text, f_header)
        else:
            ws.merge_range(4, s["first"], 4, s["last"], text, f_header)
    for s in slots:
        for c, text in (("target", "Chỉ tiêu"), ("actual", "Thực hiện"), ("percent", "% đạt"), ("ratio", "Tỷ lệ")):
            if c in s:
                ws.write_string(5, s[c], text, f_header)

    def quotient(r, c, num_col, den_col, num, den, f):
        formula = f'=IF({a1(r, den_col)}=0,"",{a1(r, num_col)}/{a1(r, den_col)})'
        ws.write_formula(r, c, formula, f, "" if not den else (num or 0) / den)

    serial = 0
    name_width = widths[1]
    for g, group in enumerate(groups):
        r = header_rows[g]
        ws.write_string(r, 0, roman(g + 1), f_group["serial"])
        ws.write_string(r, 1, group or "Khác", f_group["name"])
        for c in range(2, last_col + 1):
            ws.write_blank(r, c, None, f_group["blank"])
        for u in members[g]:
            r += 1
            serial += 1
            name = units.names[u]
            n = lines(text_width(name), name_width)
            if n > 1:
                ws.set_row(r, n * LINE)
            ws.write_number(r, 0, serial, f_unit["serial"])
            ws.write_string(r, 1, name, f_unit["name"])
            for s in slots:
                i = s["i"]
                if "ratio" in s:
                    quotient(r, s["ratio"], s["num_col"], s["den_col"], units.values[s["num"]][u], units.values[s["den"]][u], f_unit["percent"])
                    continue
                v = units.values[i][u]
                if "target" in s:
                    t = units.targets[i][u]
                    if t is None:
                        ws.write_blank(r, s["target"], None, f_unit["integer"])
                    else:
                        ws.write_number(r, s["target"], t, f_unit["integer"])
                if v is None:
                    ws.write_blank(r, s["actual"], None, f_unit["integer"])
                else:
                    ws.write_number(r, s["actual"], v, f_unit["integer"])
                if "percent" in s:
                    quotient(r, s["percent"], s["actual"], s["target"], v, units.targets[i][u], f_unit["percent"])
        r = subtotal_rows[g]
        first = header_rows[g] + 1 if members[g] else header_rows[g]
        last = header_rows[g] + len(members[g]) if members[g] else header_rows[g]
        ws.write_blank(r, 0, None, f_sub["serial"])
        ws.write_string(r, 1, f"Cộng {group or 'Khác'}", f_sub["name"])
        figures = {}
        for s in slots:
            i = s["i"]
            if "ratio" in s:
                continue
            for c, value in (("target", group_target.get(i, [0] * g_count)[g]), ("actual", group_actual[i][g])):
                if c in s:
                    ws.write_formula(r, s[c], f"=SUM({a1(first, s[c])}:{a1(last, s[c])})", f_sub["integer"], value)
            figures[i] = (group_actual[i][g], group_target.get(i, [0] * g_count)[g])
            if "percent" in s:
                quotient(r, s["percent"], s["actual"], s["target"], *figures[i], f_sub["percent"])
        for s in slots:
            if "ratio" in s:
                quotient(r, s["ratio"], s["num_col"], s["den_col"], group_actual[s["num"]][g], group_actual[s["den"]][g], f_sub["percent"])
    r = total_row
    ws.write_blank(r, 0, None, f_total["serial"])
    ws.write_string(r, 1, "TỔNG CỘNG", f_total["name"])
    for s in slots:
        i = s["i"]
        if "ratio" in s:
            quotient(r, s["ratio"], s["num_col"], s["den_col"], sum(group_actual[s["num"]]), sum(group_actual[s["den"]]), f_total["percent"])
            continue
        for c, value in (("target", sum(group_target.get(i, [0]))), ("actual", sum(group_actual[i]))):
            if c in s:
                formula = "+".join(a1(sr, s[c]) for sr in subtotal_rows) if subtotal_rows else "0"
                ws.write_formula(r, s[c], "=" + formula, f_total["integer"], value)
        if "percent" in s:
            quotient(r, s["percent"], s["actual"], s["target"], sum(group_actual[i]), sum(group_target[i]), f_total["percent"])

    # ---- Biểu đồ
    target_slots = [s for s in slots if "percent" in s]
    ws = workbook.add_worksheet("Biểu đồ")
    ws.set_column(0, 0, clamp(max([text_width("Khối/Cụm", True)] + [text_width(g or "Khác") for g in groups])))
    for k, s in enumerate(target_slots):
        ws.set_column(k + 1, k + 1, max(clamp(text_width(s["ind"]["name"], True)), 12))
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.set_footer("&C&P/&N")
    ws.set_margins(15 / 25.4, 10 / 25.4, 20 / 25.4, 20 / 25.4)
    chart_title = "TỶ LỆ % ĐẠT CHỈ TIÊU THEO KHỐI, CỤM"
    if target_slots and groups:
        chart = workbook.add_chart({"type": "column"})
        for k, s in enumerate(target_slots):
            chart.add_series({"name": s["ind"]["name"], "categories": ["Biểu đồ", 2, 0, 1 + g_count, 0],
                              "values": ["Biểu đồ", 2, k + 1, 1 + g_count, k + 1],
                              "data_labels": {"value": True, "num_format": "0%"}})
        chart.set_title({"name": "Tỷ lệ % đạt chỉ tiêu"})
        chart.set_x_axis({"name": "Khối, cụm"})
        chart.set_y_axis({"name": "% đạt", "num_format": "0%"})
        chart.set_legend({"position": "bottom"})
        ws.insert_chart(2 + g_count + 1, 0, chart, {"x_scale": 1.5, "y_scale": 1.5})
        ws.merge_range(0, 0, 0, len(target_slots), chart_title, f_title)
        ws.set_row(1, 2 * LINE)
        ws.write_string(1, 0, "Khối/Cụm", f_header)
        for k, s in enumerate(target_slots):
            ws.write_string(1, k + 1, s["ind"]["name"], f_header)
        for g, group in enumerate(groups):
            ws.write_string(2 + g, 0, group or "Khác", f_unit["name"])
            for k, s in enumerate(target_slots):
                actual, target = group_actual[s["i"]][g], group_target[s["i"]][g]
                ws.write_formula(2 + g, k + 1, f"='Tổng hợp'!{a1(subtotal_rows[g], s['percent'])}", f_unit["percent"],
                                 actual / target if target else "")
    else:
        ws.write_string(0, 0, chart_title, f_title)
        ws.write_string(2, 0, "Không có chỉ tiêu nào có kế hoạch (chỉ tiêu) nên không vẽ biểu đồ.", f_note)

    # ---- Chưa báo cáo and Nguồn
    def list_sheet(name, sheet_title, headers, rows, empty):
        ws = workbook.add_worksheet(name)
        widths = [text_width(h, True) for h in headers]
        for cells in rows:
            for c, value in enumerate(cells):
                widths[c] = max(widths[c], text_width(grouped(value) if isinstance(value, int) else value))
        for c, w in enumerate(widths):
            ws.set_column(c, c, clamp(w))
        ws.freeze_panes(2, 0)
        ws.set_portrait()
        ws.set_paper(9)
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(1, 1)
        ws.set_footer("&C&P/&N")
        ws.set_margins(15 / 25.4, 10 / 25.4, 20 / 25.4, 20 / 25.4)
        ws.merge_range(0, 0, 0, len(headers) - 1, sheet_title, f_title)
        for c, h in enumerate(headers):
            ws.write_string(1, c, h, f_header)
        if not rows:
            ws.merge_range(2, 0, 2, len(headers) - 1, empty, f_note_center)
        for r, cells in enumerate(rows, start=2):
            for c, value in enumerate(cells):
                if isinstance(value, int):
                    ws.write_number(r, c, value, f_unit["serial"] if c == 0 and headers[0] == "STT" else f_unit["integer"])
                else:
                    ws.write_string(r, c, value, f_unit["name"])

    list_sheet("Chưa báo cáo", "DANH SÁCH ĐƠN VỊ CHƯA BÁO CÁO", ["STT", "Đơn vị", "Khối/Cụm"],
               [[k + 1, name, group] for k, (name, group) in enumerate(stats["missing"])], "Tất cả đơn vị đã báo cáo.")
    sources = [["Số tệp đã đọc", units.files], ["Số dòng đã đọc", units.rows_read],
               ["Số đơn vị tổng hợp", len(units.names)], ["Số dòng bỏ qua", len(units.skipped)]]
    counts = {}
    for *_, reason in units.skipped:
        counts[reason] = counts.get(reason, 0) + 1
    sources += [[f"Bỏ qua: {reason}", count] for reason, count in counts.items()]
    sources += [[f"{label}:{line}", reason] for label, line, reason in units.skipped]
    sources += [["Chỉ tiêu không đưa vào bảng", ind["name"]] for ind in indicators if ind["kind"] == "ratio" and not ind["ratio"]]
    sources.append(["Tóm tắt", stats["summary"]])
    list_sheet("Nguồn", "ĐỐI CHIẾU NGUỒN SỐ LIỆU", ["Nội dung", "Giá trị"], sources, "Không có thông tin nguồn số liệu.")
    workbook.close()
    fd = os.open(tmp, os.O_RDONLY)  # flushed to disk before the rename, as thidua does
    os.fsync(fd)
    os.close(fd)
    os.replace(tmp, path)
