import ThiDuaXlsx

/// The small hand-built report used by the integration tests: 3 groups, 7 units,
/// 3 indicators (two with targets), one missing unit. Expected totals are worked out
/// by hand in ReportWorkbookTests.
enum SampleInput {
    static func make() -> SummaryWorkbookInput {
        func v(_ actual: Int64?, _ target: Int64? = nil) -> IndicatorValue { IndicatorValue(actual: actual, target: target) }
        return SummaryWorkbookInput(
            issuingBody: "LIÊN ĐOÀN LAO ĐỘNG TỈNH BẾN TRE",
            title: "BÁO CÁO SƠ KẾT ĐỢT 1 PHONG TRÀO THI ĐUA NĂM 2025",
            period: "Từ 01/01/2025 đến 30/6/2025",
            indicators: [
                IndicatorColumnGroup(key: "doan_vien", name: "Phát triển đoàn viên", unit: "người", hasTarget: true, kind: .count),
                IndicatorColumnGroup(key: "cdcs", name: "Thành lập CĐCS", unit: "công đoàn", hasTarget: true, kind: .count),
                IndicatorColumnGroup(key: "gia_tri", name: "Giá trị làm lợi", unit: "đồng", hasTarget: false, kind: .money),
            ],
            groups: [
                UnitGroup(name: "Khối Doanh nghiệp", units: [
                    UnitRow(name: "Công đoàn Công ty TNHH May Việt Tiến", values: ["doan_vien": v(120, 100), "cdcs": v(1, 2), "gia_tri": v(150_000_000)]),
                    UnitRow(name: "=SUM(1,2) Công đoàn thử", values: ["doan_vien": v(45, 50), "cdcs": v(0, 0)]),
                    UnitRow(name: "Công đoàn Công ty Cổ phần Thủy sản Bến Tre", values: ["doan_vien": v(30, nil), "cdcs": v(1, 1), "gia_tri": v(2_500_000_000)]),
                ]),
                UnitGroup(name: "Khối Hành chính sự nghiệp", units: [
                    UnitRow(name: "Công đoàn Sở Giáo dục và Đào tạo", values: ["doan_vien": v(210, 200), "cdcs": v(nil, nil), "gia_tri": v(12_345_678)]),
                    UnitRow(name: "Công đoàn Sở Y tế", values: ["doan_vien": v(90, 150), "cdcs": v(2, 1), "gia_tri": v(0)]),
                ]),
                UnitGroup(name: "Cụm huyện Châu Thành", units: [
                    UnitRow(name: "Liên đoàn Lao động huyện Châu Thành", values: ["doan_vien": v(315, 300), "cdcs": v(6, 5), "gia_tri": v(1_234_567_890)]),
                    UnitRow(name: "Liên đoàn Lao động huyện Giồng Trôm", values: ["doan_vien": v(200, 250), "cdcs": v(3, 4), "gia_tri": v(987_654_321)]),
                ]),
            ],
            missingUnits: [MissingUnit(name: "Liên đoàn Lao động huyện Ba Tri", group: "Cụm huyện Châu Thành")],
            sources: [
                SourceEntry(label: "Số tệp đã đọc", value: 8),
                SourceEntry(label: "Số dòng đã dùng", value: 7),
                SourceEntry(label: "Số dòng bỏ qua", value: 1),
                SourceEntry(label: "Lý do bỏ qua", value: "bao-cao-ba-tri.xlsx: thiếu cột “Thực hiện”"),
            ],
            author: "")
    }
}
