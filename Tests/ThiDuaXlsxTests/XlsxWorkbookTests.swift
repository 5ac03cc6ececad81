import Foundation
import Testing
@testable import ThiDuaXlsx

@Suite("XlsxWorkbook lifecycle")
struct XlsxWorkbookTests {
    @Test("a workbook dropped without close() leaves no file behind")
    func abandonedWorkbookLeavesNothing() throws {
        let directory = try TemporaryDirectory()
        for constantMemory in [false, true] {
            do {
                let book = try XlsxWorkbook(path: directory.file("bo.xlsx"), options: .init(constantMemory: constantMemory))
                let sheet = try book.addWorksheet(named: "Tổng hợp")
                try sheet.writeString("xin chào", row: 0, column: 0)
                try sheet.writeNumber(1, row: 1, column: 0)
            }
            #expect(try directory.contents() == [])
        }
    }

    @Test("close() writes the file, and the workbook refuses further use")
    func closeWritesAndThenRefuses() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("ket-qua.xlsx")
        let book = try XlsxWorkbook(path: path)
        let sheet = try book.addWorksheet(named: "Trang 1")
        try sheet.writeString("a", row: 0, column: 0)
        try book.close()
        #expect(book.isClosed)
        #expect(try directory.contents() == ["ket-qua.xlsx"])
        #expect(throws: XlsxError.workbookClosed) { try book.close() }
        #expect(throws: XlsxError.workbookClosed) { try sheet.writeString("b", row: 1, column: 0) }
        #expect(throws: XlsxError.workbookClosed) { _ = try book.addWorksheet(named: "Trang 2") }
    }

    @Test("a worksheet handle keeps its workbook alive")
    func worksheetKeepsWorkbookAlive() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("giu.xlsx")
        var sheet: XlsxWorksheet?
        do {
            let book = try XlsxWorkbook(path: path)
            sheet = try book.addWorksheet(named: "A")
        }
        let kept = try #require(sheet)
        try kept.writeString("vẫn ghi được", row: 0, column: 0)
        try kept.workbook.close()
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test("identical styles share one C format")
    func formatsAreCached() throws {
        let directory = try TemporaryDirectory()
        let book = try XlsxWorkbook(path: directory.file("f.xlsx"))
        let sheet = try book.addWorksheet(named: "A")
        let bold = CellStyle(bold: true, numberFormat: "#,##0")
        for row in 0 ..< 10 {
            try sheet.writeNumber(Double(row), row: row, column: 0, style: bold)
            try sheet.writeNumber(Double(row), row: row, column: 1, style: CellStyle(bold: true, numberFormat: "#,##0"))
            try sheet.writeString("x", row: row, column: 2)
        }
        try sheet.writeString("y", row: 11, column: 0, style: CellStyle(italic: true))
        #expect(book.formatCount == 2)
    }

    @Test("the temporary file lives next to the destination, hidden and unique")
    func temporaryPathShape() throws {
        let first = XlsxWorkbook.makeTemporaryPath(for: "/srv/bao cao/tong-hop.xlsx")
        let second = XlsxWorkbook.makeTemporaryPath(for: "/srv/bao cao/tong-hop.xlsx")
        #expect(first.hasPrefix("/srv/bao cao/.tong-hop.xlsx.tmp-\(getpid())-"))
        #expect(first != second)
        #expect(XlsxWorkbook.makeTemporaryPath(for: "x.xlsx").hasPrefix("./.x.xlsx.tmp-"))
    }
}
