import Foundation
import Testing
@testable import ThiDuaXlsx

/// The sample report written and read back with openpyxl; every expected figure below
/// was worked out by hand from `SampleInput`.
@Suite("Report workbook content", .enabled(if: !OpenPyXL.skipRequested, "THIDUA_SKIP_OPENPYXL=1"))
struct ReportWorkbookTests {
    static let summary = ReportWorkbook.summarySheetName
    static let chart = ReportWorkbook.chartSheetName
    static let missing = ReportWorkbook.missingSheetName
    static let sources = ReportWorkbook.sourcesSheetName
    static let integer = "#,##0"
    static let percent = "0.0%"

    static func number(_ value: Any, format: String = integer) -> [String: Any] {
        ["value": value, "type": "n", "number_format": format]
    }

    /// A percentage cell's formula as the workbook writes it, written out by hand.
    static func percentFormula(_ q: String, _ bottom: String) -> String {
        "=IF(\(bottom)=0,\"\",IF(AND(ABS(\(q)/\(bottom))<1,ABS(\(q)/\(bottom))>=0.9995),SIGN(\(q)/\(bottom))*0.999,"
            + "IF(AND(\(q)/\(bottom)<>0,ABS(\(q)/\(bottom))<0.0005),SIGN(\(q)/\(bottom))*0.001,\(q)/\(bottom))))"
    }

    /// Σ of the actuals of the unit rows (a numeric STT) that have a target above 0.
    static func sumIfs(_ actuals: String, _ targets: String, _ serials: String) -> String {
        "SUMIFS(\(actuals),\(targets),\">0\",\(serials),\">0\")"
    }

    static func formula(_ formula: String, cached: Any, format: String) -> [String: Any] {
        ["formula": formula, "cached": cached, "type": "f", "number_format": format]
    }

    static func text(_ text: String) -> [String: Any] { ["value": text, "type": "s"] }

    /// The expectations handed to check_workbook.py.
    static var expected: [String: Any] {
        var cells: [String: Any] = [
            "A1": text("LIÊN ĐOÀN LAO ĐỘNG TỈNH BẾN TRE"),
            "A2": text("BÁO CÁO SƠ KẾT ĐỢT 1 PHONG TRÀO THI ĐUA NĂM 2025"),
            "A3": text("Từ 01/01/2025 đến 30/6/2025"),
            "A5": ["value": "STT", "bold": true], "B5": text("Đơn vị"),
            "C5": text("Phát triển đoàn viên (người)"), "F5": text("Thành lập CĐCS (công đoàn)"),
            "I5": text("Giá trị làm lợi (đồng)"),
            "C6": text("Chỉ tiêu"), "D6": text("Thực hiện"), "E6": text("% đạt"),
            "F6": text("Chỉ tiêu"), "G6": text("Thực hiện"), "H6": text("% đạt"), "I6": text("Thực hiện"),
            // Group I: three units, then the subtotal.
            "A7": text("I"), "B7": ["value": "Khối Doanh nghiệp", "bold": true],
            "A8": number(1, format: "General"), "B8": text("Công đoàn Công ty TNHH May Việt Tiến"),
            "C8": number(100), "D8": number(120), "E8": formula("=IF(C8=0,\"\",IF(AND(ABS(D8/C8)<1,ABS(D8/C8)>=0.9995),SIGN(D8/C8)*0.999,IF(AND(D8/C8<>0,ABS(D8/C8)<0.0005),SIGN(D8/C8)*0.001,D8/C8)))", cached: 1.2, format: percent),
            "F8": number(2), "G8": number(1), "H8": formula("=IF(F8=0,\"\",IF(AND(ABS(G8/F8)<1,ABS(G8/F8)>=0.9995),SIGN(G8/F8)*0.999,IF(AND(G8/F8<>0,ABS(G8/F8)<0.0005),SIGN(G8/F8)*0.001,G8/F8)))", cached: 0.5, format: percent),
            "I8": number(150_000_000),
            "B9": text("=SUM(1,2) Công đoàn thử"), "E9": formula("=IF(C9=0,\"\",IF(AND(ABS(D9/C9)<1,ABS(D9/C9)>=0.9995),SIGN(D9/C9)*0.999,IF(AND(D9/C9<>0,ABS(D9/C9)<0.0005),SIGN(D9/C9)*0.001,D9/C9)))", cached: 0.9, format: percent),
            "H9": formula("=IF(F9=0,\"\",IF(AND(ABS(G9/F9)<1,ABS(G9/F9)>=0.9995),SIGN(G9/F9)*0.999,IF(AND(G9/F9<>0,ABS(G9/F9)<0.0005),SIGN(G9/F9)*0.001,G9/F9)))", cached: NSNull(), format: percent),
            "D10": number(30), "E10": formula("=IF(C10=0,\"\",IF(AND(ABS(D10/C10)<1,ABS(D10/C10)>=0.9995),SIGN(D10/C10)*0.999,IF(AND(D10/C10<>0,ABS(D10/C10)<0.0005),SIGN(D10/C10)*0.001,D10/C10)))", cached: NSNull(), format: percent),
            "I10": number(2_500_000_000),
            "B11": ["value": "Cộng Khối Doanh nghiệp", "bold": true],
            "C11": formula("=SUM(C8:C10)", cached: 150, format: integer),
            "D11": formula("=SUM(D8:D10)", cached: 195, format: integer),
            "E11": formula(percentFormula(sumIfs("D8:D10", "C8:C10", "A8:A10"), "C11"), cached: 1.1, format: percent),  // 165/150: the unit without a target left out
            "F11": formula("=SUM(F8:F10)", cached: 3, format: integer),
            "G11": formula("=SUM(G8:G10)", cached: 2, format: integer),
            "H11": formula("=IF(F11=0,\"\",IF(AND(ABS(G11/F11)<1,ABS(G11/F11)>=0.9995),SIGN(G11/F11)*0.999,IF(AND(G11/F11<>0,ABS(G11/F11)<0.0005),SIGN(G11/F11)*0.001,G11/F11)))", cached: 2.0 / 3.0, format: percent),
            "I11": formula("=SUM(I8:I10)", cached: 2_650_000_000, format: integer),
            // Group II.
            "A12": text("II"), "A13": number(4, format: "General"), "A14": number(5, format: "General"),
            "C15": formula("=SUM(C13:C14)", cached: 350, format: integer),
            "D15": formula("=SUM(D13:D14)", cached: 300, format: integer),
            "E15": formula("=IF(C15=0,\"\",IF(AND(ABS(D15/C15)<1,ABS(D15/C15)>=0.9995),SIGN(D15/C15)*0.999,IF(AND(D15/C15<>0,ABS(D15/C15)<0.0005),SIGN(D15/C15)*0.001,D15/C15)))", cached: 300.0 / 350.0, format: percent),
            "F15": formula("=SUM(F13:F14)", cached: 1, format: integer),
            "G15": formula("=SUM(G13:G14)", cached: 2, format: integer),
            "H15": formula("=IF(F15=0,\"\",IF(AND(ABS(G15/F15)<1,ABS(G15/F15)>=0.9995),SIGN(G15/F15)*0.999,IF(AND(G15/F15<>0,ABS(G15/F15)<0.0005),SIGN(G15/F15)*0.001,G15/F15)))", cached: 2, format: percent),
            "I15": formula("=SUM(I13:I14)", cached: 12_345_678, format: integer),
            // Group III.
            "A16": text("III"), "A17": number(6, format: "General"), "A18": number(7, format: "General"),
            "C19": formula("=SUM(C17:C18)", cached: 550, format: integer),
            "D19": formula("=SUM(D17:D18)", cached: 515, format: integer),
            "E19": formula("=IF(C19=0,\"\",IF(AND(ABS(D19/C19)<1,ABS(D19/C19)>=0.9995),SIGN(D19/C19)*0.999,IF(AND(D19/C19<>0,ABS(D19/C19)<0.0005),SIGN(D19/C19)*0.001,D19/C19)))", cached: 515.0 / 550.0, format: percent),
            "H19": formula("=IF(F19=0,\"\",IF(AND(ABS(G19/F19)<1,ABS(G19/F19)>=0.9995),SIGN(G19/F19)*0.999,IF(AND(G19/F19<>0,ABS(G19/F19)<0.0005),SIGN(G19/F19)*0.001,G19/F19)))", cached: 1, format: percent),
            "I19": formula("=SUM(I17:I18)", cached: 2_222_222_211, format: integer),
            // Grand total: the subtotal rows added up.
            "B20": ["value": "TỔNG CỘNG", "bold": true],
            "C20": formula("=C11+C15+C19", cached: 1050, format: integer),
            "D20": formula("=D11+D15+D19", cached: 1010, format: integer),
            "E20": formula(percentFormula(sumIfs("D7:D19", "C7:C19", "A7:A19"), "C20"), cached: 980.0 / 1050.0, format: percent),
            "F20": formula("=F11+F15+F19", cached: 13, format: integer),
            "G20": formula("=G11+G15+G19", cached: 13, format: integer),
            "H20": formula("=IF(F20=0,\"\",IF(AND(ABS(G20/F20)<1,ABS(G20/F20)>=0.9995),SIGN(G20/F20)*0.999,IF(AND(G20/F20<>0,ABS(G20/F20)<0.0005),SIGN(G20/F20)*0.001,G20/F20)))", cached: 1, format: percent),
            "I20": formula("=I11+I15+I19", cached: 4_884_567_889, format: integer),
        ]
        cells["B8"] = ["value": "Công đoàn Công ty TNHH May Việt Tiến", "font": "Times New Roman", "border": "thin"]
        return [
            "sheets": [summary, chart, missing, sources],
            "cells": [
                summary: cells,
                chart: [
                    "A2": text("Khối/Cụm"), "B2": text("Phát triển đoàn viên"), "C2": text("Thành lập CĐCS"),
                    "A3": text("Khối Doanh nghiệp"), "A5": text("Cụm huyện Châu Thành"),
                    "B3": formula("='Tổng hợp'!E11", cached: 1.3, format: percent),
                    "C4": formula("='Tổng hợp'!H15", cached: 2, format: percent),
                    "B5": formula("='Tổng hợp'!E19", cached: 515.0 / 550.0, format: percent),
                ],
                missing: [
                    "A1": text("DANH SÁCH ĐƠN VỊ CHƯA BÁO CÁO"),
                    "A2": text("STT"), "B2": text("Đơn vị"), "C2": text("Khối/Cụm"),
                    "A3": number(1, format: "General"), "B3": text("Liên đoàn Lao động huyện Ba Tri"),
                    "C3": text("Cụm huyện Châu Thành"),
                ],
                sources: [
                    "A3": text("Số tệp đã đọc"), "B3": number(8), "A4": text("Số dòng đã dùng"), "B4": number(7),
                    "B5": number(1), "B6": text("bao-cao-ba-tri.xlsx: thiếu cột “Thực hiện”"),
                ],
            ],
            "absent": [summary: ["C10", "I9", "G13", "J1", "A21", "B21"], missing: ["A4"], sources: ["A7"]],
            "merged": [
                summary: ["A1:I1", "A2:I2", "A3:I3", "A5:A6", "B5:B6", "C5:E5", "F5:H5"],
                chart: ["A1:C1"], missing: ["A1:C1"], sources: ["A1:B1"],
            ],
            "freeze_panes": [summary: "C7", missing: "A3", sources: "A3"],
            "autofilter": [summary: "A6:I19"],
            "print": [
                summary: [
                    "orientation": "landscape", "paperSize": 9, "fitToPage": true, "fitToWidth": 1, "fitToHeight": 0,
                    "print_title_rows": "$5:$6", "footer_center": "&P/&N", "margins_mm": [30, 15, 20, 20],
                ],
                missing: ["orientation": "portrait", "paperSize": 9, "fitToWidth": 1, "print_title_rows": "$2:$2"],
            ],
            "charts": [
                chart: [
                    "count": 1, "type": "col", "title": "Tỷ lệ % đạt chỉ tiêu",
                    "series": [
                        ["name": "Phát triển đoàn viên", "categories": "'Biểu đồ'!$A$3:$A$5", "values": "'Biểu đồ'!$B$3:$B$5"],
                        ["name": "Thành lập CĐCS", "categories": "'Biểu đồ'!$A$3:$A$5", "values": "'Biểu đồ'!$C$3:$C$5"],
                    ],
                ],
                summary: ["count": 0],
            ],
            "properties": [
                "title": "BÁO CÁO SƠ KẾT ĐỢT 1 PHONG TRÀO THI ĐUA NĂM 2025",
                "creator": "LIÊN ĐOÀN LAO ĐỘNG TỈNH BẾN TRE", "company": "LIÊN ĐOÀN LAO ĐỘNG TỈNH BẾN TRE",
            ],
            // The longest unit name has 42 characters; STT must show its header.
            "column_widths_at_least": [summary: ["A": 5, "B": 40, "I": 13]],
        ]
    }

    @Test("the sample report matches the hand-computed expectations", arguments: [false, true])
    func sampleReport(constantMemory: Bool) throws {
        guard let python = OpenPyXL.requirePython() else { return }
        let directory = try TemporaryDirectory()
        let path = directory.file("bao-cao-so-ket.xlsx")
        try ReportWorkbook.write(SampleInput.make(), to: path, options: .init(constantMemory: constantMemory))
        let result = try OpenPyXL.check(path, expected: Self.expected, python: python, in: directory)
        #expect(result.status == 0, "check_workbook.py:\n\(result.output)\(result.error)")
    }

    @Test("the checker reports a wrong expectation, naming the cell")
    func checkerCatchesDifferences() throws {
        guard let python = OpenPyXL.requirePython() else { return }
        let directory = try TemporaryDirectory()
        let path = directory.file("bao-cao.xlsx")
        try ReportWorkbook.write(SampleInput.make(), to: path)
        let wrong: [String: Any] = [
            "cells": [Self.summary: ["D11": ["cached": 196], "E20": ["formula": "=D20/C20"]]],
            "merged": [Self.summary: ["A1:I1"]],
        ]
        let result = try OpenPyXL.check(path, expected: wrong, python: python, in: directory)
        #expect(result.status == 1)
        #expect(result.output.contains("Tổng hợp!D11 [cached]"))
        #expect(result.output.contains("Tổng hợp!E20 [formula]"))
        #expect(result.output.contains("vùng gộp"))
    }

    @Test("no missing units and no sources give explanatory notes instead of empty tables")
    func emptyLists() throws {
        guard let python = OpenPyXL.requirePython() else { return }
        let directory = try TemporaryDirectory()
        let path = directory.file("bao-cao.xlsx")
        var input = SampleInput.make()
        input.missingUnits = []
        input.sources = []
        try ReportWorkbook.write(input, to: path)
        let expected: [String: Any] = [
            "cells": [
                Self.missing: ["A3": Self.text("Tất cả đơn vị đã báo cáo.")],
                Self.sources: ["A3": Self.text("Không có thông tin nguồn số liệu.")],
            ],
            "merged": [Self.missing: ["A1:C1", "A3:C3"], Self.sources: ["A1:B1", "A3:B3"]],
        ]
        let result = try OpenPyXL.check(path, expected: expected, python: python, in: directory)
        #expect(result.status == 0, "\(result.output)\(result.error)")
    }

    @Test("ratio indicators divide two other indicators on every row")
    func ratioIndicator() throws {
        guard let python = OpenPyXL.requirePython() else { return }
        let directory = try TemporaryDirectory()
        let path = directory.file("ty-le.xlsx")
        let input = SummaryWorkbookInput(
            issuingBody: "LĐLĐ", title: "TỶ LỆ", period: "Năm 2025",
            indicators: [
                IndicatorColumnGroup(key: "so_cdcs", name: "Số CĐCS", unit: "công đoàn"),
                IndicatorColumnGroup(key: "phat_dong", name: "CĐCS phát động", unit: "công đoàn"),
                IndicatorColumnGroup(key: "ty_le", name: "Tỷ lệ phát động", kind: .ratio(numeratorKey: "phat_dong", denominatorKey: "so_cdcs")),
            ],
            groups: [
                UnitGroup(name: "Khối A", units: [
                    UnitRow(name: "Đơn vị 1", values: ["so_cdcs": IndicatorValue(actual: 8), "phat_dong": IndicatorValue(actual: 8)]),
                    UnitRow(name: "Đơn vị 2", values: ["so_cdcs": IndicatorValue(actual: 0), "phat_dong": IndicatorValue(actual: 0)]),
                ]),
                UnitGroup(name: "Khối B", units: []),
                UnitGroup(name: "Khối C", units: [
                    UnitRow(name: "Đơn vị 3", values: ["so_cdcs": IndicatorValue(actual: 3), "phat_dong": IndicatorValue(actual: 2)]),
                ]),
            ])
        try ReportWorkbook.write(input, to: path)
        let s = Self.summary
        // Rows: 7 group A, 8-9 units, 10 subtotal, 11 group B, 12 subtotal (empty group),
        // 13 group C, 14 unit, 15 subtotal, 16 total.
        let expected: [String: Any] = [
            "cells": [s: [
                "C6": Self.text("Thực hiện"), "E6": Self.text("Tỷ lệ"), "E5": Self.text("Tỷ lệ phát động"),
                "E8": Self.formula("=IF(C8=0,\"\",IF(AND(ABS(D8/C8)<1,ABS(D8/C8)>=0.9995),SIGN(D8/C8)*0.999,IF(AND(D8/C8<>0,ABS(D8/C8)<0.0005),SIGN(D8/C8)*0.001,D8/C8)))", cached: 1, format: Self.percent),
                "E9": Self.formula("=IF(C9=0,\"\",IF(AND(ABS(D9/C9)<1,ABS(D9/C9)>=0.9995),SIGN(D9/C9)*0.999,IF(AND(D9/C9<>0,ABS(D9/C9)<0.0005),SIGN(D9/C9)*0.001,D9/C9)))", cached: NSNull(), format: Self.percent),
                "C10": Self.formula("=SUM(C8:C9)", cached: 8, format: Self.integer),
                "C12": Self.formula("=SUM(C11:C11)", cached: 0, format: Self.integer),
                "E12": Self.formula("=IF(C12=0,\"\",IF(AND(ABS(D12/C12)<1,ABS(D12/C12)>=0.9995),SIGN(D12/C12)*0.999,IF(AND(D12/C12<>0,ABS(D12/C12)<0.0005),SIGN(D12/C12)*0.001,D12/C12)))", cached: NSNull(), format: Self.percent),
                "A14": Self.number(3, format: "General"),
                "E15": Self.formula("=IF(C15=0,\"\",IF(AND(ABS(D15/C15)<1,ABS(D15/C15)>=0.9995),SIGN(D15/C15)*0.999,IF(AND(D15/C15<>0,ABS(D15/C15)<0.0005),SIGN(D15/C15)*0.001,D15/C15)))", cached: 2.0 / 3.0, format: Self.percent),
                "C16": Self.formula("=C10+C12+C15", cached: 11, format: Self.integer),
                "D16": Self.formula("=D10+D12+D15", cached: 10, format: Self.integer),
                "E16": Self.formula("=IF(C16=0,\"\",IF(AND(ABS(D16/C16)<1,ABS(D16/C16)>=0.9995),SIGN(D16/C16)*0.999,IF(AND(D16/C16<>0,ABS(D16/C16)<0.0005),SIGN(D16/C16)*0.001,D16/C16)))", cached: 10.0 / 11.0, format: Self.percent),
            ]],
            // No indicator has a target: the chart sheet explains instead of drawing.
            "charts": [Self.chart: ["count": 0]],
        ]
        let result = try OpenPyXL.check(path, expected: expected, python: python, in: directory)
        #expect(result.status == 0, "\(result.output)\(result.error)")
        let dump = try OpenPyXL.dump(path, python: python)
        #expect((dump.cell(Self.chart, "A3")?["value"] as? String)?.contains("không vẽ biểu đồ") == true)
    }
}
