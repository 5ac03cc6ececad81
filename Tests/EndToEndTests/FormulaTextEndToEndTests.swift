import Foundation
import Testing

/// An indicator named like a formula, through `thidua render`: in the workbook's chart
/// the series name is literal text (`<c:v>`), never a reference (`<c:f>`), and in the
/// table the header is a text cell — read straight from the package's XML.
@Suite("Formula-like names through `thidua render`")
struct FormulaTextEndToEndTests {
    static let names = ["=HYPERLINK(\"http://example.invalid\",\"bấm\")", "@SUM(1,2)", "+cmd|'/C calc'!A0", "－1+1"]

    @Test func chartSeriesAndHeadersStayText() throws {
        let folder = try Run.tempFolder()
        // The example report with everything it names (its figures, the plan it cites).
        for item in try FileManager.default.contentsOfDirectory(atPath: Run.packageRoot.appendingPathComponent("Examples").path) {
            try FileManager.default.copyItem(at: Run.packageRoot.appendingPathComponent("Examples/\(item)"), to: folder.appendingPathComponent(item))
        }
        var report = try String(contentsOf: Run.packageRoot.appendingPathComponent("Examples/bao-cao-so-ket-2025.yaml"), encoding: .utf8)
        // `doan_vien_moi` and the rate (targets from the cited plan) are series of the chart;
        // the others head columns.
        for (key, name) in zip(["doan_vien_moi", "ty_le_cdcs_phat_dong", "thanh_lap_cdcs", "mai_am_so_nha"], Self.names) {
            let quoted = "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
            report = report.replacingOccurrences(of: "    - ma: \(key)\n", with: "    - ma: \(key)\n      ten: \(quoted)\n")
        }
        try report.write(to: folder.appendingPathComponent("bao-cao.yaml"), atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let result = try Run.thidua(["render", "bao-cao.yaml", "--out", out.path], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let xlsx = out.appendingPathComponent("41-BC-LDLD-2025.xlsx").path
        let parts = try Run.program("/usr/bin/unzip", ["-Z1", xlsx]).stdout.split(separator: "\n").map(String.init)
        let charts = parts.filter { $0.hasPrefix("xl/charts/chart") }
        #expect(charts.count == 1)
        for part in charts {
            let xml = try Run.program("/usr/bin/unzip", ["-p", xlsx, part]).stdout
            let references = Self.elements("<c:f>", "</c:f>", in: xml)
            #expect(!references.isEmpty)
            #expect(references.allSatisfy { $0.hasPrefix("'Biểu đồ'!$") }, "\(references)")
            // Series names are literal values; each is one of the names given.
            let seriesNames = Self.elements("<c:tx><c:v>", "</c:v>", in: xml)
            #expect(!seriesNames.isEmpty)
            for name in seriesNames {
                #expect(Self.names.map(Self.xmlEscaped).contains(name), "series “\(name)”")
            }
        }
        // Every name heads a column of the table as a text (a shared string), escaped as XML text.
        let strings = try Run.program("/usr/bin/unzip", ["-p", xlsx, "xl/sharedStrings.xml"]).stdout
        for name in Self.names {
            #expect(strings.contains(">" + Self.xmlEscaped(name)), "“\(name)” is not a text cell")
        }
        // In the sheets, every formula is one thidua wrote (SUM, IF, references), none a name.
        for part in parts where part.hasPrefix("xl/worksheets/sheet") {
            let xml = try Run.program("/usr/bin/unzip", ["-p", xlsx, part]).stdout
            for formula in Self.elements("<f>", "</f>", in: xml) {
                #expect(!formula.contains("HYPERLINK") && !formula.contains("cmd|"), "\(part): \(formula)")
            }
        }
    }

    /// Text as XML element content (quotes stay as they are there).
    static func xmlEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// The texts between each `open` and the next `close`.
    static func elements(_ open: String, _ close: String, in xml: String) -> [String] {
        var found: [String] = []
        var rest = xml[...]
        while let start = rest.range(of: open), let end = rest[start.upperBound...].range(of: close) {
            found.append(String(rest[start.upperBound..<end.lowerBound]))
            rest = rest[end.upperBound...]
        }
        return found
    }
}
