import Foundation
import Testing
@testable import ThiDuaKit

/// Workbooks are read ahead on worker threads and replayed in file order; whatever the
/// number of workers, a report reads exactly what the sequential reading reads: the same
/// figures, the same diagnostics in the same order, the same accounting, and each sheet
/// stopped at the same row.
@Suite("Reading workbooks ahead")
struct FigureReadAheadTests {
    /// A workbook as its reader would deliver it, with a count of the rows it was asked for.
    struct ScriptedTables: FigureTableSource {
        struct Sheet {
            var name: String
            var hidden = false
            var rows: [[FigureCell]]
            var diagnostics: [Diagnostic] = []
        }
        let file: String
        let sheets: [Sheet]
        /// What the file says of itself at the end (refused, damaged part way).
        var fileDiagnostics: [Diagnostic] = []
        /// A damaged file: the reader fails after this many rows of the last sheet.
        var failsAfterRows: Int?
        let served = RowCounter()

        func readTables<Sink: FigureTableSink>(into sink: inout Sink) -> [Diagnostic] {
            for (index, sheet) in sheets.enumerated() {
                sink.beginTable(named: sheet.name, isHidden: sheet.hidden)
                for (line, cells) in sheet.rows.enumerated() {
                    if index == sheets.count - 1, let failsAfterRows, line == failsAfterRows {
                        // As XlsxFigureSource does when a part turns out damaged.
                        sink.endTable(diagnostics: [])
                        return fileDiagnostics
                    }
                    served.add(sheet: sheet.name)
                    let record = FigureRecord(line: line + 1, cells: cells, layout: .sheet(name: sheet.name), isHidden: sheet.hidden)
                    if !sink.read(record) { break }
                }
                sink.endTable(diagnostics: sheet.diagnostics)
            }
            return fileDiagnostics
        }
    }

    /// Rows served per sheet; read from the test's thread after the workers are done.
    final class RowCounter: @unchecked Sendable {
        private let lock = NSLock()
        private var counts: [String: Int] = [:]
        func add(sheet: String) { lock.withLock { counts[sheet, default: 0] += 1 } }
        var snapshot: [String: Int] { lock.withLock { counts } }
    }

    static let header: [FigureCell] = [.text("Đơn vị"), .text("Khối"), .text("gia_tri_lam_loi"), .text("doan_vien_moi")]

    static func unitRows(_ names: [String], group: String) -> [[FigureCell]] {
        names.enumerated().map { i, name in [.text(name), .text(group), .number("\(i * 1_000 + 7)"), .number("\(i % 13)")] }
    }

    /// Thirty files of every shape a phase can hold, with duplicates across files so the
    /// order of the files matters.
    static func phase() -> [FigureSource] {
        var sources: [FigureSource] = [FigureSource(label: "dau.csv", text: "don_vi,nhom,gia_tri_lam_loi,doan_vien_moi\nTrường A,Khối 1,5,1\n")]
        let instructions = ScriptedTables.Sheet(name: "Hướng dẫn", rows: (0..<45).map { [.text("Dòng hướng dẫn \($0)")] })
        // 20,000 rows of 4 cells: more than a channel holds, so the worker waits for the replay.
        let big = ScriptedTables.Sheet(name: "Số liệu", rows: [header] + unitRows((0..<20_000).map { "Đơn vị lớn \($0)" }, group: "Khối 2"),
                                       diagnostics: [.warning("ô gộp", at: SourcePosition(file: "lon.xlsx", sheet: "Số liệu", row: 3, column: 2), hint: "bỏ gộp")])
        let hidden = ScriptedTables.Sheet(name: "Ẩn", hidden: true, rows: [header] + unitRows(["Trường A", "Trường Ẩn"], group: "Khối 3"))
        sources.append(FigureSource(label: "lon.xlsx", tables: ScriptedTables(file: "lon.xlsx", sheets: [instructions, big, hidden])))
        sources.append(FigureSource(label: "hong.xlsx", tables: ScriptedTables(
            file: "hong.xlsx", sheets: [], fileDiagnostics: [.error("tệp hỏng", at: SourcePosition(file: "hong.xlsx"), hint: "lưu lại")])))
        sources.append(FigureSource(label: "dut.xlsx", tables: ScriptedTables(
            file: "dut.xlsx", sheets: [ScriptedTables.Sheet(name: "Số liệu", rows: [header] + unitRows((0..<50).map { "Đơn vị đứt \($0)" }, group: "Khối 4"))],
            fileDiagnostics: [.error("phần trang hỏng", at: SourcePosition(file: "dut.xlsx"), hint: "mở và lưu lại")], failsAfterRows: 20)))
        for file in 0..<26 {
            var rows = unitRows(["Đơn vị \(file)", "Trường A", "Đơn vị lớn \(file * 700)"], group: "Huyện \(file % 5)")
            rows.append([.text("Đơn vị xấu \(file)"), .text(""), .text("1.234 người"), .number("-\(file)")])
            sources.append(FigureSource(label: "h\(file).xlsx", tables: ScriptedTables(
                file: "h\(file).xlsx", sheets: [ScriptedTables.Sheet(name: "Trang \(file)", rows: [[.text("BẢNG TỔNG HỢP")], header] + rows)])))
        }
        return sources
    }

    struct Outcome: Equatable {
        var account: Reconciliation
        var diagnostics: [String]
        var units: [String]
        var totals: [String]
        var served: [[String: Int]]
    }

    static func read(_ sources: [FigureSource], workers: Int) -> Outcome {
        var accumulator = ReportAccumulator(indicators: .default)
        let (account, diagnostics) = ReportAggregator.read(sources, into: &accumulator, workers: workers)
        let (statistics, more) = accumulator.statistics()
        return Outcome(
            account: account,
            diagnostics: (diagnostics + more).map(\.description),
            units: statistics.orderedUnits.map { "\(statistics.group(ofUnit: $0)) | \(statistics.name(ofUnit: $0))" },
            totals: statistics.totals.map { String(describing: $0) },
            served: sources.map { ($0.tables as? ScriptedTables)?.served.snapshot ?? [:] })
    }

    /// Compares two readings part by part, saying only what differs (a reading has 20,000 units).
    static func expectSame(_ ahead: Outcome, _ sequential: Outcome, _ what: String,
                           sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(ahead.account == sequential.account, "\(what)", sourceLocation: sourceLocation)
        #expect(ahead.diagnostics == sequential.diagnostics, "\(what)", sourceLocation: sourceLocation)
        #expect(ahead.totals == sequential.totals, "\(what)", sourceLocation: sourceLocation)
        #expect(ahead.served == sequential.served, "\(what)", sourceLocation: sourceLocation)
        let sameUnits = ahead.units == sequential.units
        #expect(sameUnits, "\(what): \(ahead.units.count) units, \(sequential.units.count) read sequentially", sourceLocation: sourceLocation)
    }

    @Test(.timeLimit(.minutes(5)))
    func everyNumberOfWorkersReadsWhatTheSequentialReadingReads() {
        let sequential = Self.read(Self.phase(), workers: 0)
        // The phase is not trivial: every kind of finding is there to be compared.
        #expect(sequential.account.filesRead == 30)
        #expect(sequential.units.count > 20_000)
        #expect(sequential.diagnostics.contains { $0.hasPrefix("hong.xlsx: lỗi: tệp hỏng") })
        #expect(sequential.diagnostics.contains { $0.hasPrefix("dut.xlsx: lỗi: phần trang hỏng") })
        #expect(sequential.diagnostics.contains { $0.contains("có hai dòng") })
        #expect(sequential.diagnostics.contains { $0.contains("'Ẩn'") })
        // The instructions sheet is given up after its first 30 rows, never read to the end.
        #expect(sequential.served[1]["Hướng dẫn"] == FigureTableShape.sheetHeaderSearchRows + 1)
        #expect(sequential.served[3]["Số liệu"] == 20)
        for workers in [1, 2, 4] {
            Self.expectSame(Self.read(Self.phase(), workers: workers), sequential, "\(workers) workers")
        }
    }

    @Test(.timeLimit(.minutes(5)))
    func aReadingThatStopsFreesWorkersWaitingOnAFullChannel() {
        let ahead = FigureReadAhead(sources: Self.phase(), indicators: .default, matcher: FigureHeaderMatcher(indicators: .default), workers: 2)
        // Nothing replayed: the big workbook's worker fills its channel and waits.
        Thread.sleep(forTimeInterval: 0.2)
        ahead.finish()
    }

    @Test(.timeLimit(.minutes(5)))
    func aReadingLeftPartWayFreesItsWorkers() {
        let sources = Self.phase()
        let indicators = IndicatorSet.default
        let ahead = FigureReadAhead(sources: sources, indicators: indicators, matcher: FigureHeaderMatcher(indicators: indicators), workers: 2)
        #expect(ahead.replay(of: 0) == nil, "a CSV file is read on the caller's thread")
        // Only the big workbook is replayed, then the reading stops: the workers waiting
        // for the replay to move on must all end.
        guard let replay = ahead.replay(of: 1) else {
            Issue.record("a workbook source has a replay")
            return
        }
        var reading = FigureFileReading(label: "lon.xlsx", accumulator: ReportAccumulator(indicators: indicators),
                                        account: Reconciliation(), matcher: FigureHeaderMatcher(indicators: indicators))
        reading.readReplay(replay)
        ahead.finish()
        #expect(reading.account.rowsRead == 20_002)
        #expect(reading.account.sheetsRead == 2)
    }

    /// With one workbook among CSV files, the worker sends records and the caller's thread
    /// parses them: the other way of splitting the work, held to the same result.
    @Test(.timeLimit(.minutes(5)))
    func aSingleWorkbookSplitInTwoStagesReadsTheSame() {
        // Fresh sources for each reading: each counts the rows it served.
        func sources() -> [FigureSource] {
            let all = Self.phase()
            return [all[0], all[1], FigureSource(label: "cuoi.csv", text: "don_vi,nhom,gia_tri_lam_loi\nĐơn vị lớn 5,Khối 2,9\n")]
        }
        let sequential = Self.read(sources(), workers: 0)
        #expect(sequential.diagnostics.contains { $0.contains("có hai dòng") })
        Self.expectSame(Self.read(sources(), workers: 2), sequential, "2 workers")
    }

    /// A worker that stays ahead of the replay never lets its channel run empty; the
    /// events already taken must still be let go, or a long sheet's batches pile up.
    @Test func aChannelKeptFullLetsGoOfTakenEvents() {
        let channel = TableChannel(capacity: 1_000_000)
        for _ in 0 ..< 3 { channel.put(.finished([])) }
        for _ in 0 ..< 5_000 {
            channel.put(.finished([]))
            _ = channel.take()
        }
        // Three events are waiting; what was taken is at most as many again, and a few.
        #expect(channel.storedEvents <= 2 * 3 + 16)
        for _ in 0 ..< 3 { _ = channel.take() }
        #expect(channel.storedEvents == 0)
    }
}
