import Foundation
import Testing
import ThiDuaKit

/// Figures from Excel, both ways, through the built binary and real tools: the form thidua
/// writes (opened by openpyxl and LibreOffice), filled by openpyxl and read back; CSVs
/// converted by LibreOffice; thidua's own summary workbook read by the level above; and the
/// damaged and hostile corpus (exit 1, never a signal, nothing written).
@Suite(.serialized) struct XlsxRoundTripTests {
    static let script = Run.packageRoot.appendingPathComponent("Tests/EndToEndTests/Scripts/xlsx_fixtures.py").path
    static let example = Run.packageRoot.appendingPathComponent("Examples/bao-cao-so-ket-2025.yaml")

    static var python: String? { ReportEndToEndTests.python }

    /// The example report with its `so_lieu` (and optionally the rest) replaced.
    static func report(in folder: URL, figures: [String], keepLists: Bool = true) throws -> URL {
        var text = try String(contentsOf: example, encoding: .utf8)
        let list = figures.map { "    - \($0)\n" }.joined()
        text = text.replacingOccurrences(of: "    - bao-cao/so-lieu-cac-khoi.csv\n    - bao-cao/so-lieu-cac-huyen.csv\n", with: list)
        if !keepLists {
            text = text.replacingOccurrences(of: "  ky_truoc: [bao-cao/so-lieu-cung-ky-2024.csv]\n", with: "")
            text = text.replacingOccurrences(of: "  so_sanh_voi: cung_ky\n", with: "")
            text = text.replacingOccurrences(of: "  don_vi_du_kien: bao-cao/danh-sach-don-vi.csv\n", with: "")
        }
        let url = folder.appendingPathComponent("bao-cao.yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// A copy of Examples/bao-cao (and the plan the report links) in a new folder.
    static func workspace() throws -> URL {
        let folder = try Run.tempFolder()
        try FileManager.default.copyItem(at: Run.packageRoot.appendingPathComponent("Examples/bao-cao"),
                                         to: folder.appendingPathComponent("bao-cao"))
        // The plan the report links by `tep:` sits beside it, as in Examples/.
        try FileManager.default.copyItem(at: Run.packageRoot.appendingPathComponent("Examples/ke-hoach-tinh-2025.yaml"),
                                         to: folder.appendingPathComponent("ke-hoach-tinh-2025.yaml"))
        return folder
    }

    /// The TỔNG CỘNG row of the Markdown report rendered from `yaml`.
    static func totalRow(_ yaml: URL) throws -> [String] {
        let out = yaml.deletingLastPathComponent().appendingPathComponent("out-\(UUID().uuidString)")
        let result = try Run.thidua(["render", yaml.path, "--format", "md", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let md = try FileManager.default.contentsOfDirectory(atPath: out.path).first { $0.hasSuffix(".md") } ?? ""
        let row = try Run.program(python ?? "/usr/bin/python3", [script, "table", out.appendingPathComponent(md).path])
        return (try? JSONDecoder().decode([String].self, from: Data(row.stdout.utf8))) ?? []
    }

    /// The totals per indicator key, recomputed from the CSVs by Python alone.
    static func independentTotals(_ folder: URL) throws -> [String: Int64] {
        let csvs = ["so-lieu-cac-khoi.csv", "so-lieu-cac-huyen.csv"].map { folder.appendingPathComponent("bao-cao/\($0)").path }
        let result = try Run.program(python ?? "/usr/bin/python3", [script, "totals"] + csvs)
        return (try? JSONDecoder().decode([String: Int64].self, from: Data(result.stdout.utf8))) ?? [:]
    }

    /// The TỔNG CỘNG row agrees with the independent totals, column by column.
    static func expectTotals(_ row: [String], _ totals: [String: Int64]) {
        // Columns: STT, name, then the example's indicators in its order (the ratio as %).
        let text = (try? String(contentsOf: example, encoding: .utf8)) ?? ""
        let keys = text.split(separator: "\n").compactMap { line -> String? in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return trimmed.hasPrefix("- ma: ") ? String(trimmed.dropFirst(6)) : nil
        }
        #expect(keys.count == 11)
        for (offset, key) in keys.enumerated() where totals[key] != nil {
            let cell = row.count > offset + 2 ? row[offset + 2] : ""
            #expect(cell == VietnameseNumber.integer(totals[key] ?? -1), "\(key): \(cell)")
        }
    }

    @Test func libreOfficeConversionsReadBackToTheCSVTotals() throws {
        guard let python = Self.python, let soffice = Run.which("soffice") else {
            Issue.record("cần python3-openpyxl và LibreOffice (scripts/setup.sh --tests)")
            return
        }
        _ = python
        let folder = try Self.workspace()
        let data = folder.appendingPathComponent("bao-cao")
        // Vietnamese locale (LCID 1066), so "1.234.567" is read as LibreOffice users read it.
        for (file, separator) in [("so-lieu-cac-khoi.csv", 59), ("so-lieu-cac-huyen.csv", 44)] {
            // A LibreOffice profile of its own: other tests convert at the same time.
            let converted = try Run.program(soffice, ["-env:UserInstallation=\(folder.appendingPathComponent("lo-profile").absoluteString)",
                                                      "--headless", "--convert-to", "xlsx", "--infilter=CSV:\(separator),34,76,1,,1066",
                                                      "--outdir", data.path, data.appendingPathComponent(file).path])
            #expect(converted.status == 0, "\(converted.stderr)")
        }
        let fromCSV = try Self.totalRow(Self.report(in: folder, figures: ["bao-cao/so-lieu-cac-khoi.csv", "bao-cao/so-lieu-cac-huyen.csv"]))
        let fromXlsx = try Self.totalRow(Self.report(in: folder, figures: ["bao-cao/so-lieu-cac-khoi.xlsx", "bao-cao/so-lieu-cac-huyen.xlsx"]))
        #expect(!fromXlsx.isEmpty)
        #expect(fromXlsx == fromCSV)
        Self.expectTotals(fromXlsx, try Self.independentTotals(folder))
    }

    @Test func formFilledByOpenpyxlReadsBackExactly() throws {
        guard let python = Self.python, let soffice = Run.which("soffice") else {
            Issue.record("cần python3-openpyxl và LibreOffice (scripts/setup.sh --tests)")
            return
        }
        let folder = try Self.workspace()
        let yaml = try Self.report(in: folder, figures: ["bao-cao/so-lieu-cac-khoi.csv"])
        let forms = folder.appendingPathComponent("bieu-mau")
        let made = try Run.thidua(["bieu-mau", yaml.path, "--out", forms.path])
        #expect(made.status == 0, "\(made.stderr)")
        let form = forms.appendingPathComponent("41-BC-LDLD-2025-bieu-mau.xlsx")

        // openpyxl opens it: protection on, figure cells unlocked, one rule per figure column.
        let inspect = try Run.program(python, ["-c", """
            import openpyxl, sys
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb["Số liệu"]
            print(wb.sheetnames, ws.protection.sheet, ws["D7"].protection.locked, ws["B7"].protection.locked,
                  len(ws.data_validations.dataValidation), ws["B7"].value)
            """, form.path])
        #expect(inspect.stdout.contains("['Số liệu', 'Hướng dẫn'] True False True 12 Công ty TNHH May Việt Thắng"), "\(inspect.stdout)\(inspect.stderr)")
        // LibreOffice opens it too.
        let asCSV = try Run.program(soffice, ["-env:UserInstallation=\(folder.appendingPathComponent("lo-profile").absoluteString)",
                                              "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", folder.path, form.path])
        #expect(asCSV.status == 0)
        let csv = try String(contentsOf: folder.appendingPathComponent("41-BC-LDLD-2025-bieu-mau.csv"), encoding: .utf8)
        #expect(csv.contains("Phát triển đoàn viên (đoàn viên)"))

        // Filled by openpyxl from the two CSVs (every 7th figure typed as Vietnamese text).
        var names: [String: String] = [:]
        for indicator in IndicatorSet.default.indicators where !indicator.isComputed {
            // With or without the unit: the form leaves out a unit the name already is ("Sáng kiến").
            for unit in ["", " (\(indicator.unit))"] {
                names[indicator.name + unit] = indicator.key
                names["Chỉ tiêu " + indicator.name + unit] = indicator.targetColumnHeader
            }
        }
        let filled = folder.appendingPathComponent("bao-cao/nhan-ve.xlsx")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [Self.script, "fill", form.path, filled.path] + ["so-lieu-cac-khoi.csv", "so-lieu-cac-huyen.csv"].map {
            folder.appendingPathComponent("bao-cao/\($0)").path
        }
        let input = Pipe()
        process.standardInput = input
        try process.run()
        input.fileHandleForWriting.write(try JSONEncoder().encode(names))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)

        let fromCSV = try Self.totalRow(Self.report(in: folder, figures: ["bao-cao/so-lieu-cac-khoi.csv", "bao-cao/so-lieu-cac-huyen.csv"]))
        let fromForm = try Self.totalRow(Self.report(in: folder, figures: ["bao-cao/nhan-ve.xlsx"]))
        #expect(!fromForm.isEmpty)
        #expect(fromForm == fromCSV)
        Self.expectTotals(fromForm, try Self.independentTotals(folder))
    }

    @Test func perUnitFormsAreNamedAfterTheirUnits() throws {
        let folder = try Self.workspace()
        let yaml = try Self.report(in: folder, figures: ["bao-cao/so-lieu-cac-khoi.csv"])
        let forms = folder.appendingPathComponent("gui-di")
        let made = try Run.thidua(["bieu-mau", yaml.path, "--out", forms.path, "--mot-tep-moi-don-vi"])
        #expect(made.status == 0, "\(made.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: forms.path)
        #expect(names.count == 40)
        #expect(names.contains("bieu-so-lieu-CDCS-xa-An-Khanh.xlsx"), "\(names.sorted().prefix(5))")
    }

    /// A command given wrongly exits 2, as `render` does: no such file, a folder, an output
    /// folder that is a file.
    @Test func formCommandGivenWronglyExitsTwo() throws {
        let folder = try Self.workspace()
        let yaml = try Self.report(in: folder, figures: ["bao-cao/so-lieu-cac-khoi.csv"])
        let aFile = folder.appendingPathComponent("la-tep")
        try "x".write(to: aFile, atomically: true, encoding: .utf8)
        for arguments in [["bieu-mau", folder.appendingPathComponent("khong-co.yaml").path, "--out", folder.path],
                          ["bieu-mau", folder.appendingPathComponent("bao-cao").path, "--out", folder.path],
                          ["bieu-mau", yaml.path, "--out", aFile.path]] {
            let result = try Run.thidua(arguments)
            #expect(result.status == 2, "\(arguments): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains("lỗi: "), "\(result.stderr)")
        }
    }

    @Test func districtSummaryWorkbookIsReadByTheProvince() throws {
        let folder = try Self.workspace()
        let district = folder.appendingPathComponent("huyen")
        let rendered = try Run.thidua(["render", Self.example.path, "--format", "xlsx", "--out", district.path])
        #expect(rendered.status == 0, "\(rendered.stderr)")
        let fromCSV = try Self.totalRow(Self.report(in: folder, figures: ["bao-cao/so-lieu-cac-khoi.csv", "bao-cao/so-lieu-cac-huyen.csv"]))
        let yaml = try Self.report(in: folder, figures: ["huyen/41-BC-LDLD-2025.xlsx"])
        let check = try Run.thidua(["check", yaml.path])
        #expect(check.status == 0, "\(check.stderr)")
        // The reconciliation is the program's account, on standard error.
        #expect(check.stderr.contains("đọc 38 dòng từ 1 tệp (1 trang tính), không tính 9 dòng tiêu đề nhóm, cộng nhóm, tổng cộng; tổng hợp 38 đơn vị"),
                "\(check.stderr)")
        #expect(try Self.totalRow(yaml) == fromCSV)
        // The same workbook twice: read once, said once, the totals unchanged.
        let twice = try Self.report(in: folder, figures: ["huyen/41-BC-LDLD-2025.xlsx", "huyen/41-BC-LDLD-2025.xlsx"])
        let duplicated = try Run.thidua(["check", twice.path])
        #expect(duplicated.stderr.contains("41-BC-LDLD-2025.xlsx\" đã có trong danh sách (dòng 24); lần sau bị bỏ qua"),
                "\(duplicated.stderr.prefix(400))")
        #expect(duplicated.stderr.contains("đọc 38 dòng từ 1 tệp"), "\(duplicated.stderr.suffix(400))")
        #expect(try Self.totalRow(twice) == fromCSV)
    }

    @Test func damagedAndHostileWorkbooksAreRefused() throws {
        guard let python = Self.python else {
            Issue.record("cần python3 (scripts/setup.sh --tests)")
            return
        }
        let folder = try Run.tempFolder()
        let made = try Run.program(python, [Self.script, "hostile", folder.path])
        #expect(made.status == 0, "\(made.stderr)")
        let expected = try String(contentsOf: folder.appendingPathComponent("expected.tsv"), encoding: .utf8)
        let template = try String(contentsOf: Self.example, encoding: .utf8)
        // The plan the report links by `tep:`.
        try FileManager.default.copyItem(at: Run.packageRoot.appendingPathComponent("Examples/ke-hoach-tinh-2025.yaml"),
                                         to: folder.appendingPathComponent("ke-hoach-tinh-2025.yaml"))
        for line in expected.split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            let (file, message) = (parts[0], parts[1])
            var text = template.replacingOccurrences(of: "    - bao-cao/so-lieu-cac-khoi.csv\n    - bao-cao/so-lieu-cac-huyen.csv\n", with: "    - \(file)\n")
            text = text.replacingOccurrences(of: "  ky_truoc: [bao-cao/so-lieu-cung-ky-2024.csv]\n", with: "")
            text = text.replacingOccurrences(of: "  so_sanh_voi: cung_ky\n", with: "")
            text = text.replacingOccurrences(of: "  don_vi_du_kien: bao-cao/danh-sach-don-vi.csv\n", with: "")
            let yaml = folder.appendingPathComponent("\(file).yaml")
            try text.write(to: yaml, atomically: true, encoding: .utf8)
            let out = folder.appendingPathComponent("out-\(file)")
            let result = try Run.thidua(["render", yaml.path, "--out", out.path])
            #expect(!result.crashed, "\(file)")
            #expect(result.status == 1, "\(file): \(result.status)")
            #expect(result.stderr.contains(message), "\(file): \(result.stderr.prefix(300))")
            // Nothing from libxml2 itself (English, on stderr), and not even the output folder.
            #expect(!result.stderr.contains("encoding error") && !result.stderr.contains("I/O error") && !result.stderr.contains("parser error"),
                    "\(file): \(result.stderr.prefix(300))")
            #expect(!FileManager.default.fileExists(atPath: out.path), "\(file): the output folder was made")
        }
    }

    /// 256 sheets naming one part of 15 MB (a 35 KB file): read once, not 256 times.
    @Test func sheetsNamingOnePartReadItOnce() throws {
        guard let python = Self.python else {
            Issue.record("cần python3 (scripts/setup.sh --tests)")
            return
        }
        let folder = try Run.tempFolder()
        let made = try Run.program(python, [Self.script, "same-part", folder.appendingPathComponent("mot-phan.xlsx").path])
        #expect(made.status == 0, "\(made.stderr)")
        try FileManager.default.copyItem(at: Run.packageRoot.appendingPathComponent("Examples/ke-hoach-tinh-2025.yaml"),
                                         to: folder.appendingPathComponent("ke-hoach-tinh-2025.yaml"))
        var text = try String(contentsOf: Self.example, encoding: .utf8)
        text = text.replacingOccurrences(of: "    - bao-cao/so-lieu-cac-khoi.csv\n    - bao-cao/so-lieu-cac-huyen.csv\n", with: "    - mot-phan.xlsx\n")
        for line in ["  ky_truoc: [bao-cao/so-lieu-cung-ky-2024.csv]\n", "  so_sanh_voi: cung_ky\n", "  don_vi_du_kien: bao-cao/danh-sach-don-vi.csv\n"] {
            text = text.replacingOccurrences(of: line, with: "")
        }
        let yaml = folder.appendingPathComponent("bc.yaml")
        try text.write(to: yaml, atomically: true, encoding: .utf8)
        let result = try Run.thidua(["check", yaml.path])
        #expect(result.status == 0, "\(result.stderr.suffix(600))")
        #expect(result.stderr.contains("đọc 1 dòng từ 1 tệp (1 trang tính)"), "\(result.stderr.suffix(600))")
    }
}
