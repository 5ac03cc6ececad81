#!/usr/bin/env python3
"""Deterministic benchmark data for thidua (standard library only).

    gen.py report --units N [--groups G] [--indicators M] [--seed S] [--unit-table] --out DIR
        DIR/bao-cao.yaml               a report (loai: bao_cao) like Examples/bao-cao-so-ket-2025.yaml
        DIR/so-lieu-khoi.csv           half the groups, Excel-Vietnamese dialect: UTF-8 BOM, ";",
                                       CRLF, STT column, "1.234.567" numbers, Vietnamese headers
        DIR/so-lieu-huyen.csv          the other half: ",", LF, key headers, plain numbers,
                                       names with "," quoted
        DIR/so-lieu-dot-truoc.csv      the previous phase (",", quoted names), ~2% of units absent
        DIR/danh-sach-don-vi.csv       the expected units (";"): every reporting unit and ~0.5% more
                                       that sent nothing

    gen.py plans --count K [--seed S] --out DIR
        DIR/ke-hoach-0001.yaml …       K plans (loai: ke_hoach), variations of
                                       Examples/ke-hoach-tinh-2025.yaml: issuing body, place,
                                       number, year, 3–7 sections, 2–4 phases with the
                                       anniversaries falling in each, recipients, signer.

The same arguments always write the same bytes (random.Random(seed), no clock).
"""
import argparse
import datetime
import json
import os
import random
import sys

# --------------------------------------------------------------------------- helpers


def q(text):
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def grouped(value):
    """1234567 -> "1.234.567" (Vietnamese thousands separator)."""
    return f"{value:,}".replace(",", ".")


PROVINCES = [
    "Bến Tre", "An Giang", "Bà Rịa - Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh",
    "Bình Định", "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Đắk Lắk",
    "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam",
    "Hà Tĩnh", "Hải Dương", "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang",
    "Kon Tum", "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An",
    "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi",
    "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên",
    "Thanh Hóa", "Thừa Thiên Huế", "Tiền Giang", "Trà Vinh", "Tuyên Quang", "Vĩnh Long",
    "Vĩnh Phúc", "Yên Bái",
]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
MIDDLE = ["Văn", "Thị", "Hữu", "Thị Thu", "Minh", "Quốc", "Thanh", "Ngọc", "Đức", "Thị Kim"]
GIVEN = ["Hà", "Hùng", "Lan", "Dũng", "Phương", "Tuấn", "Hương", "Sơn", "Mai", "Khải", "Yến", "Ánh", "Ượng", "Thủy"]

# --------------------------------------------------------------------------- reports

# Indicators in report order: key, the YAML entry (beyond `ma`), how a unit's figure is drawn.
INDICATORS = [
    ("so_cdcs", {}),
    ("cdcs_phat_dong", {}),
    ("ty_le_cdcs_phat_dong", {"chi_tieu": 100}),
    ("dang_ky_ca_nhan", {}),
    ("sang_kien", {}),
    ("gia_tri_lam_loi", {}),
    ("cong_trinh_san_pham", {}),
    ("doan_vien_moi", {"cau": "phát triển được {gia_tri} {don_vi_tinh} mới, đạt {ty_le} chỉ tiêu cả năm ({chi_tieu}); "
                              "{so_don_vi_dat}/{so_don_vi} đơn vị đạt chỉ tiêu được giao"}),
    ("thanh_lap_cdcs", {"chi_tieu": None}),     # overall target scaled with N
    ("mai_am_so_nha", {"chi_tieu": None}),
    ("mai_am_kinh_phi", {}),
    # Beyond the example's eleven, for --indicators > 11.
    ("dang_ky_tap_the", {}),
    ("lao_dong_gioi", {}),
    ("cdcs_vung_manh", {}),
    ("bang_khen_tap_the", {}),
    ("bang_khen_ca_nhan", {}),
    ("giay_khen_tap_the", {}),
    ("giay_khen_ca_nhan", {}),
]
# Vietnamese header names (the ";" file uses them, as Excel users type them).
NAMES = {
    "so_cdcs": "Số CĐCS", "cdcs_phat_dong": "CĐCS tổ chức phát động", "dang_ky_ca_nhan": "Cá nhân đăng ký thi đua",
    "sang_kien": "Sáng kiến", "gia_tri_lam_loi": "Giá trị làm lợi", "cong_trinh_san_pham": "Công trình, sản phẩm",
    "doan_vien_moi": "Phát triển đoàn viên", "thanh_lap_cdcs": "Thành lập CĐCS", "mai_am_so_nha": "Mái ấm Công đoàn",
    "mai_am_kinh_phi": "Kinh phí Mái ấm Công đoàn", "dang_ky_tap_the": "Tập thể đăng ký thi đua",
    "lao_dong_gioi": "Lao động giỏi", "cdcs_vung_manh": "CĐCS vững mạnh", "bang_khen_tap_the": "Bằng khen tập thể",
    "bang_khen_ca_nhan": "Bằng khen cá nhân", "giay_khen_tap_the": "Giấy khen tập thể",
    "giay_khen_ca_nhan": "Giấy khen cá nhân",
}
TARGET_COLUMNS = {"doan_vien_moi": "chi_tieu_doan_vien_moi", "thanh_lap_cdcs": "chi_tieu_thanh_lap_cdcs"}

GROUP_NAMES = [
    "Khối Doanh nghiệp", "Khối Hành chính - Sự nghiệp", "Khối Giáo dục", "Khối Y tế",
    "Huyện Châu Thành", "Huyện Mỏ Cày Nam", "Huyện Ba Tri", "Huyện Bình Đại", "Huyện Giồng Trôm",
    "Huyện Thạnh Phú", "Huyện Chợ Lách", "Thành phố Bến Tre",
]
UNIT_KINDS = ["Công ty TNHH", "Công ty CP", "CĐCS Trường Tiểu học", "CĐCS Trường THCS", "CĐCS xã",
              "CĐCS Bệnh viện", "CĐCS Hợp tác xã", "CĐCS Trạm Y tế", "Công ty TNHH MTV", "CĐCS Ủy ban nhân dân phường"]
UNIT_NAMES = ["Việt Thắng", "Lương Quới", "Hải Vương", "Ánh Dương", "Ân Hòa", "Đồng Khởi", "Ý Nhi", "Tân Thạch",
              "Phú Túc", "Giao Long", "Tiên Thủy", "Đa Phước Hội", "Định Thủy", "Hương Mỹ", "Cẩm Sơn", "An Thạnh",
              "Ưu Đàm", "Ông Ích Khiêm", "Quới Sơn", "Thành Thới", "Nhơn Thạnh", "Hữu Định"]


def group_name(g):
    return GROUP_NAMES[g] if g < len(GROUP_NAMES) else f"Cụm thi đua số {g + 1}"


def unit_name(u):
    kind = UNIT_KINDS[u % len(UNIT_KINDS)]
    name = UNIT_NAMES[(u // len(UNIT_KINDS)) % len(UNIT_NAMES)]
    # Some names carry the separator of their file, so the quoting path is exercised.
    if u % 89 == 7:
        return f"{kind} {name}, chi nhánh {u + 1}"
    if u % 97 == 11:
        return f"{kind} {name}; cơ sở {u + 1}"
    return f"{kind} {name} số {u + 1}"


def draw(rng, key, previous=False):
    """One unit's figure for an indicator (or None for an empty cell)."""
    scale = 0.85 if previous else 1.0
    if key == "so_cdcs":
        return rng.randint(1, 30)
    if key == "gia_tri_lam_loi":
        return rng.randint(0, 5000) * 100_000
    if key == "mai_am_kinh_phi":
        return None  # derived from mai_am_so_nha
    limits = {"dang_ky_ca_nhan": 900, "sang_kien": 12, "cong_trinh_san_pham": 8, "doan_vien_moi": 60,
              "thanh_lap_cdcs": 2, "mai_am_so_nha": 1, "dang_ky_tap_the": 40, "lao_dong_gioi": 120,
              "cdcs_vung_manh": 25, "bang_khen_tap_the": 3, "bang_khen_ca_nhan": 6, "giay_khen_tap_the": 5,
              "giay_khen_ca_nhan": 12}
    return int(rng.randint(0, limits.get(key, 50)) * scale)


def unit_figures(rng, keys, previous=False):
    values = {}
    for key in keys:
        if key in ("cdcs_phat_dong", "ty_le_cdcs_phat_dong"):
            continue
        values[key] = draw(rng, key, previous)
    if "so_cdcs" in values and "cdcs_phat_dong" in keys:
        n = values["so_cdcs"]
        values["cdcs_phat_dong"] = n if rng.random() < 0.9 else rng.randint(0, n)
    if "mai_am_kinh_phi" in keys:
        houses = values.get("mai_am_so_nha", 0) or 0
        values["mai_am_kinh_phi"] = houses * rng.choice([50, 60, 70, 80]) * 1_000_000
    # About one cell in 200 is left empty (a unit that did not fill it in).
    for key in list(values):
        if key not in ("so_cdcs", "cdcs_phat_dong") and rng.random() < 0.005:
            values[key] = None
    targets = {}
    for key, column in TARGET_COLUMNS.items():
        if key in keys:
            targets[column] = rng.randint(5, 50) if key == "doan_vien_moi" else rng.randint(0, 2)
    return values, targets


def write_csv(path, header, rows, sep, crlf, bom):
    newline = "\r\n" if crlf else "\n"

    def cell(text):
        if sep in text or '"' in text:
            return '"' + text.replace('"', '""') + '"'
        return text

    with open(path, "w", encoding="utf-8", newline="") as f:
        if bom:
            f.write("\ufeff")
        f.write(sep.join(cell(h) for h in header) + newline)
        for row in rows:
            f.write(sep.join(cell(c) for c in row) + newline)


def report(args):
    rng = random.Random(args.seed)
    n, groups = args.units, max(1, args.groups)
    chosen = INDICATORS[: max(3, min(args.indicators, len(INDICATORS)))]
    keys = [k for k, _ in chosen]
    summed = [k for k in keys if k != "ty_le_cdcs_phat_dong"]
    os.makedirs(args.out, exist_ok=True)

    # Units are spread over the groups round-robin; the first half of the groups reports
    # through the ";" file (khối), the rest through the "," file (huyện).
    split = (groups + 1) // 2
    semicolon_rows, comma_rows, previous_rows, expected = [], [], [], []
    target_cols = [TARGET_COLUMNS[k] for k in TARGET_COLUMNS if k in keys]
    stt = 0
    for u in range(n):
        g = u % groups
        name, group = unit_name(u), group_name(g)
        values, targets = unit_figures(rng, keys)
        expected.append((name, group))
        if g < split:
            stt += 1
            row = [str(stt), name, group]
            row += ["" if values[k] is None else grouped(values[k]) for k in summed]
            row += [grouped(targets[c]) for c in target_cols]
            semicolon_rows.append(row)
        else:
            row = [name, group]
            row += ["" if values[k] is None else str(values[k]) for k in summed]
            row += [str(targets[c]) for c in target_cols]
            comma_rows.append(row)
        if rng.random() >= 0.02:  # ~2% of units are new this phase
            old, old_targets = unit_figures(rng, keys, previous=True)
            previous_rows.append([name, group] + ["" if old[k] is None else str(old[k]) for k in summed]
                                 + [str(old_targets[c]) for c in target_cols])
    # ~0.5% of the expected units sent nothing.
    for k in range(max(1, n // 200)):
        g = k % groups
        expected.insert((k * 7919) % (len(expected) + 1), (f"CĐCS chưa báo cáo {UNIT_NAMES[k % len(UNIT_NAMES)]} số {k + 1}", group_name(g)))

    header_vi = ["STT", "Đơn vị", "Khối"] + [NAMES[k] for k in summed] + target_cols
    header_keys = ["don_vi", "nhom"] + summed + target_cols
    write_csv(os.path.join(args.out, "so-lieu-khoi.csv"), header_vi, semicolon_rows, ";", crlf=True, bom=True)
    write_csv(os.path.join(args.out, "so-lieu-huyen.csv"), header_keys, comma_rows, ",", crlf=False, bom=False)
    write_csv(os.path.join(args.out, "so-lieu-dot-truoc.csv"), header_keys, previous_rows, ",", crlf=False, bom=False)
    write_csv(os.path.join(args.out, "danh-sach-don-vi.csv"), ["don_vi", "nhom"], expected, ";", crlf=False, bom=False)

    lines = []
    for key, extra in chosen:
        entry = {"ma": key}
        for k, v in extra.items():
            if k == "chi_tieu" and v is None:
                v = max(1, n * (3 if key == "thanh_lap_cdcs" else 4) // 10)
            entry[k] = v
        if len(entry) == 1:
            lines.append(f"    - ma: {key}")
        else:
            lines.append(f"    - ma: {key}")
            for k, v in entry.items():
                if k != "ma":
                    lines.append(f"      {k}: {q(v) if isinstance(v, str) else v}")
    indicator_yaml = "\n".join(lines)
    yaml = f"""# Báo cáo sơ kết sinh tự động (bench/gen.py report --units {n} --groups {groups} --seed {args.seed}).
loai: bao_cao
co_quan_chu_quan: Tổng Liên đoàn Lao động Việt Nam
co_quan_ban_hanh: Liên đoàn Lao động tỉnh Bến Tre
so: 41
ky_hieu: BC-LĐLĐ
dia_danh: Bến Tre
ngay: 2025-09-12
trich_yeu: Sơ kết đợt 1 phong trào thi đua yêu nước năm 2025
loi_dan: thuc_hien
mo_dau:
  - >-
    Ban Thường vụ Liên đoàn Lao động tỉnh báo cáo kết quả đợt 1 phong trào thi đua năm 2025
    (từ 01/01/2025 đến 31/8/2025) như sau:
bao_cao:
  hinh_thuc: so_ket
  ten_ky: đợt 1 năm 2025
  ke_hoach:
    loai: Kế hoạch
    so: 12
    ky_hieu: KH-LĐLĐ
    ngay: 2025-02-20
    co_quan: Ban Thường vụ Liên đoàn Lao động tỉnh
    trich_yeu: phát động phong trào thi đua yêu nước năm 2025
  ky: {{ tu: 2025-01-01, den: 2025-08-31 }}
  so_lieu:
    - so-lieu-khoi.csv
    - so-lieu-huyen.csv
  ky_truoc: [so-lieu-dot-truoc.csv]
  don_vi_du_kien: danh-sach-don-vi.csv
  bang_don_vi: {"true" if args.unit_table else "false"}
  so_don_vi_noi_bat: 3
  chi_tieu:
{indicator_yaml}
  thuan_loi:
    - >-
      Được sự quan tâm lãnh đạo của Tỉnh ủy, sự phối hợp của chính quyền các cấp; phong trào được
      phát động sớm, gắn với Đại hội Công đoàn các cấp.
  kho_khan:
    - >-
      Một số doanh nghiệp thiếu đơn hàng, người lao động nghỉ việc luân phiên; nhiều Công đoàn cơ
      sở khu vực xã có ít đoàn viên, kinh phí hạn hẹp.
  uu_diem:
    - >-
      Các cấp Công đoàn chủ động xây dựng kế hoạch, nội dung thi đua thiết thực; số sáng kiến và
      giá trị làm lợi tăng so với đợt trước.
  ton_tai:
    - >-
      Việc báo cáo số liệu của một số đơn vị còn chậm, chưa đúng mẫu; công tác phát triển đoàn viên
      ở khu vực ngoài nhà nước chưa đạt tiến độ.
  nguyen_nhan:
    - >-
      Cán bộ Công đoàn cơ sở phần lớn kiêm nhiệm, thay đổi thường xuyên; doanh nghiệp nhỏ chưa tạo
      điều kiện cho hoạt động Công đoàn.
  bai_hoc:
    - >-
      Phong trào chỉ hiệu quả khi gắn với lợi ích thiết thực của người lao động và có sự đồng thuận
      của người sử dụng lao động.
  phuong_huong:
    - cac_y:
        - Tập trung phát triển đoàn viên, thành lập Công đoàn cơ sở ở doanh nghiệp ngoài nhà nước.
        - Hoàn thành các "Mái ấm Công đoàn" còn lại trước ngày 28/10/2025.
        - Tổ chức tổng kết phong trào năm 2025 trước ngày 20/12/2025.
  de_xuat:
    - >-
      Đề nghị Tổng Liên đoàn Lao động Việt Nam hỗ trợ kinh phí xây dựng "Mái ấm Công đoàn" cho đoàn
      viên khu vực nông thôn.
  khen_thuong:
    - >-
      Ban Thường vụ Liên đoàn Lao động tỉnh tặng Giấy khen cho 12 tập thể và 25 cá nhân có thành tích
      tiêu biểu trong đợt 1.
noi_nhan:
  - ten: Ban Thi đua - Khen thưởng Tổng LĐLĐ Việt Nam
    muc_dich: để b/c
  - ten: Thường trực Tỉnh ủy
    muc_dich: để b/c
  - Các Ban LĐLĐ tỉnh
  - Công đoàn các cấp trực thuộc
luu: [VT, Ban CSPL]
chu_ky:
  hinh_thuc: TM.
  thay_mat: Ban Thường vụ
  chuc_vu: Phó Chủ tịch Thường trực
  ho_ten: Lê Thị Thu Hà
"""
    with open(os.path.join(args.out, "bao-cao.yaml"), "w", encoding="utf-8") as f:
        f.write(yaml)


# --------------------------------------------------------------------------- plans

# (key, month, day) of the built-in commemorations (Sources/ThiDuaKit/Calendar).
CATALOG = [
    ("thanh_lap_dang", 2, 3, 1930), ("thay_thuoc_viet_nam", 2, 27, 1955), ("quoc_te_phu_nu", 3, 8, 1910),
    ("thanh_lap_doan", 3, 26, 1931), ("giai_phong_mien_nam", 4, 30, 1975), ("quoc_te_lao_dong", 5, 1, 1886),
    ("dien_bien_phu", 5, 7, 1954), ("sinh_nhat_bac", 5, 19, 1890), ("truyen_thong_thi_dua", 6, 11, 1948),
    ("gia_dinh_viet_nam", 6, 28, 2001), ("thuong_binh_liet_si", 7, 27, 1947), ("thanh_lap_cong_doan", 7, 28, 1929),
    ("cach_mang_thang_tam", 8, 19, 1945), ("quoc_khanh", 9, 2, 1945), ("thanh_lap_hoi_phu_nu", 10, 20, 1930),
    ("thanh_lap_mat_tran", 11, 18, 1930), ("nha_giao_viet_nam", 11, 20, 1982), ("thanh_lap_quan_doi", 12, 22, 1944),
]

PARAGRAPHS = [
    "Khơi dậy tinh thần lao động sáng tạo, ý thức trách nhiệm của đoàn viên, người lao động; góp phần hoàn thành "
    "thắng lợi nhiệm vụ phát triển kinh tế - xã hội năm {year} của tỉnh và nghị quyết Đại hội Công đoàn tỉnh.",
    "Phát hiện, bồi dưỡng và nhân rộng các điển hình tiên tiến, biểu dương kịp thời những tập thể, cá nhân có "
    "thành tích tiêu biểu trong phong trào thi đua yêu nước.",
    "Phong trào thi đua phải có nội dung cụ thể, thiết thực, gắn với nhiệm vụ chuyên môn của từng cơ quan, đơn "
    "vị, doanh nghiệp; tránh hình thức, phô trương, lãng phí.",
    "Hướng dẫn Công đoàn cơ sở xây dựng kế hoạch, đăng ký thi đua; theo dõi, kiểm tra và tổng hợp kết quả phong "
    "trào theo từng đợt, báo cáo về Liên đoàn Lao động tỉnh.",
    "Đẩy mạnh công tác tuyên truyền trên các phương tiện thông tin đại chúng, trang thông tin điện tử và mạng xã "
    "hội của Công đoàn về các gương điển hình \"người tốt, việc tốt\".",
    "Gắn phong trào thi đua với việc thực hiện Cuộc vận động \"Người Việt Nam ưu tiên dùng hàng Việt Nam\" và "
    "chương trình chuyển đổi số trong các cấp Công đoàn.",
]
POINTS = [
    "Phong trào thi đua \"Lao động giỏi, Lao động sáng tạo\" trong công nhân, lao động các doanh nghiệp.",
    "Phong trào \"Xanh - Sạch - Đẹp, bảo đảm an toàn, vệ sinh lao động\" gắn với Tháng Công nhân và Tháng hành "
    "động về an toàn, vệ sinh lao động.",
    "Phong trào thi đua \"Giỏi việc nước, đảm việc nhà\" trong nữ công nhân, viên chức, lao động.",
    "Cuộc vận động \"Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở\".",
    "Phong trào \"Đổi mới, sáng tạo, nâng cao năng suất lao động\" gắn với chuyển đổi số trong cơ quan, doanh nghiệp.",
    "Phong trào \"Văn hóa, thể thao vì sức khỏe đoàn viên\" trong các khu công nghiệp.",
]
BULLETS = [
    "100% Công đoàn cơ sở tổ chức phát động và ký kết giao ước thi đua.",
    "Phát triển mới {members} đoàn viên, thành lập mới {unions} Công đoàn cơ sở.",
    "Mỗi Công đoàn cấp trên trực tiếp cơ sở xây dựng ít nhất 01 \"Mái ấm Công đoàn\".",
    "Phối hợp với người sử dụng lao động tổ chức hội thi tay nghề, đăng ký sáng kiến, cải tiến kỹ thuật; kịp thời "
    "khen thưởng người lao động có thành tích.",
    "Đại diện người lao động thương lượng, ký kết thỏa ước lao động tập thể, chăm lo bữa ăn ca và điều kiện làm việc.",
    "Vận động cán bộ, công chức, viên chức thực hiện tốt quy chế dân chủ, cải cách thủ tục hành chính.",
]
EXTRA_SECTIONS = [
    ("Công tác tuyên truyền", "Tuyên truyền"),
    ("Khen thưởng", "Hình thức khen thưởng"),
    ("Kinh phí thực hiện", "Nguồn kinh phí"),
    ("Chế độ thông tin, báo cáo", "Thời hạn báo cáo"),
]


def plan(index, rng):
    year = 2024 + index % 3
    province = PROVINCES[index % len(PROVINCES)]
    number = index + 1
    issued = datetime.date(year, 1, 25) + datetime.timedelta(days=rng.randint(0, 40))
    fill = {"year": year, "members": grouped(rng.randint(10, 60) * 100), "unions": rng.randint(5, 40)}
    ind = lambda n: "  " * n  # noqa: E731

    out = [
        f"# Kế hoạch sinh tự động số {number} (bench/gen.py plans).",
        "loai: ke_hoach",
        "co_quan_chu_quan: Tổng Liên đoàn Lao động Việt Nam",
        f"co_quan_ban_hanh: {q('Liên đoàn Lao động tỉnh ' + province)}",
        f"so: {number}",
        "ky_hieu: KH-LĐLĐ",
        f"dia_danh: {q(province)}",
        f"ngay: {issued.isoformat()}",
        f"trich_yeu: {q(f'Phát động phong trào thi đua yêu nước trong công nhân, viên chức, lao động chào mừng các ngày lễ lớn của đất nước năm {year} và Đại hội Công đoàn các cấp')}",
        "loi_dan: can_cu",
        "can_cu:",
        f"  - {{ loai: Kế hoạch, so: {rng.randint(1, 9)}, ky_hieu: KH-TLĐ, ngay: {year}-01-24, "
        f"co_quan: Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam, "
        f"trich_yeu: {q(f'phát động phong trào thi đua trong công nhân, viên chức, lao động năm {year}')} }}",
        f"  - {{ loai: Kế hoạch, so: {rng.randint(10, 99)}, ky_hieu: KH-UBND, ngay: {year}-01-10, "
        f"co_quan: {q('Ủy ban nhân dân tỉnh ' + province)}, trich_yeu: {q(f'tổ chức phong trào thi đua yêu nước năm {year}')} }}",
        "mo_dau:",
        f"  - {q('Ban Thường vụ Liên đoàn Lao động tỉnh ban hành Kế hoạch phát động phong trào thi đua trong các cấp Công đoàn và đoàn viên, người lao động toàn tỉnh với các nội dung sau:')}",
        f"thoi_gian: {{ tu: {year}-01-01, den: {year}-12-31 }}",
        "muc:",
    ]

    def paragraph():
        return q(rng.choice(PARAGRAPHS).format(**fill))

    def section(title, body, phases=False):
        out.append(f"  - ten: {q(title)}")
        if phases:
            out.append("    cac_dot: true")
        out.append("    noi_dung:")
        body()

    def purpose():
        for title in ("Mục đích", "Yêu cầu"):
            out.append(f"{ind(3)}- tieu_muc: {title}")
            out.append(f"{ind(4)}noi_dung:")
            for _ in range(rng.randint(1, 3)):
                out.append(f"{ind(5)}- {paragraph()}")

    def content():
        out.append(f"{ind(3)}- tieu_muc: Các phong trào thi đua trọng tâm")
        out.append(f"{ind(4)}noi_dung:")
        for p in rng.sample(POINTS, rng.randint(3, len(POINTS))):
            out.append(f"{ind(5)}- diem: {q(p)}")
        out.append(f"{ind(3)}- tieu_muc: Chỉ tiêu phấn đấu")
        out.append(f"{ind(4)}noi_dung:")
        out.append(f"{ind(5)}- cac_y:")
        for b in BULLETS[:3]:
            out.append(f"{ind(7)}- {q(b.format(**fill))}")

    def measures():
        out.append(f"{ind(3)}- tieu_muc: Đối với Công đoàn cơ sở")
        out.append(f"{ind(4)}noi_dung:")
        for sub in ("Công đoàn trong doanh nghiệp", "Công đoàn trong cơ quan hành chính, đơn vị sự nghiệp"):
            out.append(f"{ind(5)}- tieu_muc: {q(sub)}")
            out.append(f"{ind(6)}noi_dung:")
            for b in rng.sample(BULLETS[3:], rng.randint(1, 3)):
                out.append(f"{ind(7)}- y: {q(b)}")
        out.append(f"{ind(3)}- tieu_muc: Đối với Công đoàn cấp trên trực tiếp cơ sở")
        out.append(f"{ind(4)}noi_dung:")
        out.append(f"{ind(5)}- {paragraph()}")

    section("Mục đích, yêu cầu", purpose)
    section("Nội dung thi đua", content)
    for title, sub in rng.sample(EXTRA_SECTIONS, rng.randint(0, len(EXTRA_SECTIONS))):
        def extra(sub=sub):
            out.append(f"{ind(3)}- tieu_muc: {q(sub)}")
            out.append(f"{ind(4)}noi_dung:")
            for _ in range(rng.randint(1, 2)):
                out.append(f"{ind(5)}- {paragraph()}")
            out.append(f"{ind(3)}- {paragraph()}")
        section(title, extra)
    section("Biện pháp tổ chức thực hiện", measures, phases=True)

    # 2–4 phases splitting the year at month ends.
    count = rng.randint(2, 4)
    cuts = sorted(rng.sample(range(3, 12), count - 1))
    bounds = [0] + cuts + [12]
    out.append(f"gioi_thieu_dot: {q(f'Phong trào thi đua năm {year} được chia thành {count} đợt như sau:')}")
    out.append("dot_thi_dua:")
    for p in range(count):
        start = datetime.date(year, bounds[p] + 1, 1)
        end = datetime.date(year, bounds[p + 1], 1) + datetime.timedelta(days=31)
        end = end.replace(day=1) - datetime.timedelta(days=1)
        inside = [c for c in CATALOG if start <= datetime.date(year, c[1], c[2]) <= end]
        chosen = sorted(rng.sample(inside, min(len(inside), rng.randint(2, 5))), key=lambda c: (c[1], c[2]))
        last = p == count - 1
        deadline = min(end + datetime.timedelta(days=15), datetime.date(year, 12, 20))
        out.append(f"  - ten: Đợt {p + 1}")
        out.append(f"    tu: {start.isoformat()}")
        out.append(f"    den: {end.isoformat()}")
        out.append(f"    chu_de: {q('thi đua hoàn thành vượt mức các chỉ tiêu kinh tế - xã hội và nhiệm vụ Công đoàn năm ' + str(year) if last else 'thi đua lập thành tích chào mừng các ngày lễ lớn')}")
        if chosen:
            out.append("    ky_niem:")
            for key, _, _, base in chosen:
                if rng.random() < 0.3:
                    out.append(f"      - {{ ma: {key}, so_nam: {year - base} }}")
                else:
                    out.append(f"      - {key}")
        out.append(f"    danh_gia: {'tong_ket' if last else 'so_ket'}")
        out.append(f"    han_danh_gia: {deadline.isoformat()}")
    out += [
        "ket_luan:",
        f"  - {q(f'Trên đây là Kế hoạch phát động phong trào thi đua năm {year} của Liên đoàn Lao động tỉnh. Đề nghị các cấp Công đoàn triển khai thực hiện; sau mỗi đợt báo cáo kết quả về Liên đoàn Lao động tỉnh (qua Ban Chính sách - Pháp luật) để tổng hợp./.')}",
        "noi_nhan:",
        "  - { ten: Ban Thi đua - Khen thưởng Tổng LĐLĐ Việt Nam, muc_dich: để b/c }",
        "  - { ten: Thường trực Tỉnh ủy, muc_dich: để b/c }",
        "  - Thường trực LĐLĐ tỉnh",
        "  - Các Ban LĐLĐ tỉnh",
        "  - { ten: Công đoàn các cấp trực thuộc, muc_dich: để th/hiện }",
        "luu: [VT, Ban CSPL]",
        "chu_ky:",
        "  hinh_thuc: TM.",
        "  thay_mat: Ban Thường vụ",
        f"  chuc_vu: {rng.choice(['Chủ tịch', 'Phó Chủ tịch Thường trực', 'Phó Chủ tịch'])}",
        f"  ho_ten: {rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}",
    ]
    return "\n".join(out) + "\n"


def plans(args):
    os.makedirs(args.out, exist_ok=True)
    for i in range(args.count):
        rng = random.Random(args.seed * 1_000_003 + i)
        with open(os.path.join(args.out, f"ke-hoach-{i + 1:04d}.yaml"), "w", encoding="utf-8") as f:
            f.write(plan(i, rng))


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("report")
    r.add_argument("--units", type=int, required=True)
    r.add_argument("--groups", type=int, default=12)
    r.add_argument("--indicators", type=int, default=11)
    r.add_argument("--seed", type=int, default=2025)
    r.add_argument("--unit-table", action="store_true", help="bang_don_vi: true (a table of every unit in the text)")
    r.add_argument("--out", required=True)
    p = sub.add_parser("plans")
    p.add_argument("--count", type=int, required=True)
    p.add_argument("--seed", type=int, default=2025)
    p.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    if args.command == "report":
        report(args)
    else:
        plans(args)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
