import Foundation
import Testing

/// The example report's workbook judged by outside tools: openpyxl reads every sheet and
/// the chart's stored points, and a Python recomputation from the CSV files (sharing no
/// code with thidua) checks the like-for-like comparison; LibreOffice recalculates every
/// formula and must find the cached values.
@Suite("thidua render of a report: the workbook (openpyxl, LibreOffice)")
struct ReportWorkbookEndToEndTests {
    static let checker = #"""
    import csv, io, json, sys, zipfile, re
    import openpyxl
    path, examples = sys.argv[1], sys.argv[2]
    wb = openpyxl.load_workbook(path)
    wv = openpyxl.load_workbook(path, data_only=True)
    problems = []
    def check(ok, what):
        if not ok: problems.append(what)

    def rows(name):
        text = open(examples + "/" + name, encoding="utf-8-sig").read()
        sep = ";" if ";" in text.splitlines()[0] else ","
        table = list(csv.reader(io.StringIO(text), delimiter=sep))
        header = table[0]
        out = []
        for r in table[1:]:
            if not r: continue
            values = {header[i]: int(r[i].replace(".", "")) for i in range(2, len(header)) if r[i] != ""}
            out.append((r[0], r[1], values))
        return out

    current = rows("bao-cao/so-lieu-cac-khoi.csv") + rows("bao-cao/so-lieu-cac-huyen.csv")
    previous = {name: values for name, _, values in rows("bao-cao/so-lieu-cung-ky-2024.csv")}
    paired = [(name, values, previous[name]) for name, _, values in current if name in previous]

    # Every sheet prints with the margins of administrative documents (mm).
    for ws in wb.worksheets:
        m = ws.page_margins
        got = [round(m.left * 25.4), round(m.right * 25.4), round(m.top * 25.4), round(m.bottom * 25.4)]
        check(got == [30, 15, 20, 20], f"{ws.title}: lề {got}")

    ws, vs = wb["Tổng hợp"], wv["Tổng hợp"]
    texts = [ws.cell(r, 1).value for r in range(1, 7)]
    check("Sơ kết 6 tháng đầu năm phong trào thi đua yêu nước năm 2025" in texts, f"trích yếu: {texts}")
    check("(Kèm theo Báo cáo số 41/BC-LĐLĐ ngày 20/6/2025 của Ban Thường vụ Liên đoàn Lao động tỉnh Bến Tre)" in texts,
          f"dòng kèm theo: {texts}")
    header_row = next(r for r in range(1, 15) if ws.cell(r, 1).value == "STT")
    headers = {}
    for c in range(3, ws.max_column + 1):
        name = ws.cell(header_row, c).value
        if name: headers[name] = c
    for name in headers:
        m = re.match(r"^(.*) \((.*)\)$", name)
        check(not (m and m.group(2).lower() in m.group(1).lower()), f"tiêu đề lặp: {name}")
    check("Số CĐCS" in headers and "Sáng kiến" in headers and "Giá trị làm lợi (đồng)" in headers, f"tiêu đề: {list(headers)}")

    def subheaders(name):
        start = headers[name]
        later = sorted(c for c in headers.values() if c > start)
        end = later[0] if later else ws.max_column + 1
        return {ws.cell(header_row + 1, c).value: c for c in range(start, end)}

    total_row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 2).value == "TỔNG CỘNG")
    # Every indicator with a target: the plan's (đoàn viên 3.500, CĐCS 25, 100%) or the units' own.
    for name, target in [("Phát triển đoàn viên", 3500), ("Thành lập CĐCS", 25), ("Tỷ lệ CĐCS phát động", 1)]:
        sub = subheaders(name)
        check("Chỉ tiêu" in sub and "% đạt" in sub, f"{name}: {sub}")
        if "Chỉ tiêu" in sub:
            check(vs.cell(total_row, sub["Chỉ tiêu"]).value == target, f"{name}: chỉ tiêu {vs.cell(total_row, sub['Chỉ tiêu']).value}")
    members = sum(v.get("doan_vien_moi", 0) for _, _, v in current)
    sub = subheaders("Phát triển đoàn viên")
    check(abs(vs.cell(total_row, sub["% đạt"]).value - members / 3500) < 1e-12, "% đạt đoàn viên")
    for name in ["Sáng kiến", "Giá trị làm lợi (đồng)"]:
        check("Chỉ tiêu" not in subheaders(name), f"{name} không có chỉ tiêu")

    below = [[ws.cell(r, c).value for c in range(1, ws.max_column + 1)] for r in range(total_row + 1, ws.max_row + 1)]
    flat = [v for row in below for v in row if v]
    check("NGƯỜI LẬP BIỂU" in flat and "Lê Thị Thu Hà" in flat and "TM. BAN THƯỜNG VỤ" in flat
          and "Bến Tre, ngày 20 tháng 6 năm 2025" in flat and "Nguyễn Thị Mỹ Linh" in flat, f"khối chữ ký: {flat}")

    # The comparison, like for like, recomputed from the CSV files.
    cs = wv["So sánh"]
    found = {}
    for r in range(1, cs.max_row + 1):
        if cs.cell(r, 1).value == "I": break
        name = cs.cell(r, 2).value
        if isinstance(cs.cell(r, 1).value, int) and name:
            found[name] = [cs.cell(r, c).value for c in range(4, 9)]
    for key, name in [("dang_ky_ca_nhan", "Cá nhân đăng ký thi đua"), ("sang_kien", "Sáng kiến"),
                      ("gia_tri_lam_loi", "Giá trị làm lợi"), ("doan_vien_moi", "Phát triển đoàn viên"),
                      ("so_cdcs", "Số CĐCS"), ("mai_am_kinh_phi", "Kinh phí Mái ấm Công đoàn")]:
        both = [(n, v, p) for n, v, p in paired if key in v and key in p]
        now, then = sum(v[key] for _, v, _ in both), sum(p[key] for _, _, p in both)
        got = found.get(name)
        check(got is not None and got[0] == len(both) and got[1] == now and got[2] == then and got[3] == now - then,
              f"so sánh {name}: {got} ≠ {[len(both), now, then, now - then]}")
    only_before = [n for n in previous if n not in {c[0] for c in current}]
    listed = [cs.cell(r, 2).value for r in range(1, cs.max_row + 1)]
    for name in only_before:
        check(name in listed, f"thiếu đơn vị chỉ có số liệu cùng kỳ: {name}")

    # The chart's stored points are the figures of its cells, none left at 0.
    chart_cells = wv["Biểu đồ"]
    expected = [[chart_cells.cell(r, c).value for r in range(3, 3 + 4)] for c in (2, 3)]
    with zipfile.ZipFile(path) as z:
        xml = z.read("xl/charts/chart1.xml").decode()
    caches = re.findall(r"<c:numCache>(.*?)</c:numCache>", xml)
    points = [[float(v) for v in re.findall(r"<c:v>([^<]*)</c:v>", cache)] for cache in caches]
    check(len(points) == 2, f"số dãy: {len(points)}")
    for got, want in zip(points, expected):
        check(len(got) == len(want) and all(abs(a - b) < 1e-12 for a, b in zip(got, want)), f"điểm biểu đồ {got} ≠ {want}")
        check(all(v > 0 for v in got), f"điểm biểu đồ bằng 0: {got}")
    print(json.dumps(problems, ensure_ascii=False))
    """#

    @Test func theWorkbookStatesTheSameTruthsAsTheText() throws {
        let out = try Run.tempFolder()
        let result = try Run.thidua(["render", "Examples/bao-cao-so-ket-2025.yaml", "--out", out.path, "--format", "xlsx"])
        #expect(result.status == 0, "\(result.stderr)")
        let xlsx = out.appendingPathComponent("41-BC-LDLD-2025.xlsx").path
        guard let python = ReportEndToEndTests.python else {
            Issue.record("cần python3 có openpyxl (scripts/test.sh cài python3-openpyxl)")
            return
        }
        let script = out.appendingPathComponent("check.py")
        try Self.checker.write(to: script, atomically: true, encoding: .utf8)
        let run = try Run.program(python, [script.path, xlsx, Run.packageRoot.appendingPathComponent("Examples").path])
        #expect(run.status == 0, "\(run.stderr)")
        let problems = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String]
        #expect(problems == [], "\(problems ?? [run.stdout])")
    }

    @Test func libreOfficeRecalculatesEveryFormulaToItsCachedValue() throws {
        guard Run.which("soffice") != nil else {
            Issue.record("cần LibreOffice (soffice) để tính lại công thức")
            return
        }
        let out = try Run.tempFolder()
        let result = try Run.thidua(["render", "Examples/bao-cao-so-ket-2025.yaml", "--out", out.path, "--format", "xlsx"])
        #expect(result.status == 0, "\(result.stderr)")
        let xlsx = out.appendingPathComponent("41-BC-LDLD-2025.xlsx").path
        let run = try Run.program("/bin/sh", [Run.packageRoot.appendingPathComponent("scripts/recalc-compare.sh").path, xlsx])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains(" 0 lệch"), "\(run.stdout)")
    }
}
