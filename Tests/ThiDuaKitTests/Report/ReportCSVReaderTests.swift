import Foundation
import Testing
@testable import ThiDuaKit

@Suite struct ReportCSVReaderTests {
    @Test func commaFileWithBOMAndLF() {
        let (records, diagnostics, reader) = ReportFixture.records("\u{FEFF}don_vi,nhom,so_cdcs\nA,K1,3\nB,K2,4\n")
        #expect(reader.delimiter == UInt8(ascii: ","))
        #expect(diagnostics.isEmpty)
        #expect(records.map(\.fields) == [["don_vi", "nhom", "so_cdcs"], ["A", "K1", "3"], ["B", "K2", "4"]])
        #expect(records.map(\.line) == [1, 2, 3])
        // The BOM is not a character of the first header.
        #expect(records[0].fieldColumns == [1, 8, 13])
    }

    @Test func semicolonChosenWhenItSplitsTheHeaderIntoMoreFields() {
        let text = "\"Tên đơn vị, ghi đủ\";Khối;Số CĐCS\r\n\"Công ty A, chi nhánh B\";K1;1.234\r\n"
        let (records, _, reader) = ReportFixture.records(text)
        #expect(reader.delimiter == UInt8(ascii: ";"))
        #expect(records[1].fields == ["Công ty A, chi nhánh B", "K1", "1.234"])
    }

    @Test func tabSeparatedIsAccepted() {
        let (records, _, reader) = ReportFixture.records("Đơn vị\tKhối\nA\tK\n")
        #expect(reader.delimiter == 0x09)
        #expect(records[1].fields == ["A", "K"])
    }

    @Test func crlfAndLoneCRLineEnds() {
        let (records, _, _) = ReportFixture.records("a;b\r\n1;2\r3;4\n5;6")
        #expect(records.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"], ["5", "6"]])
        #expect(records.map(\.line) == [1, 2, 3, 4])
    }

    @Test func quotesWithSeparatorsNewlinesAndDoubledQuotes() {
        let text = "don_vi;ghi_chu;so\r\n\"CĐCS \"\"Hoa Sen\"\"; cơ sở 2\";\"dòng 1\r\ndòng 2\";5\r\nB;x;6\r\n"
        let (records, diagnostics, _) = ReportFixture.records(text)
        #expect(diagnostics.isEmpty)
        #expect(records[1].fields == ["CĐCS \"Hoa Sen\"; cơ sở 2", "dòng 1\r\ndòng 2", "5"])
        #expect(records[1].line == 2)
        // The field after the multi-line one starts on line 3; the next record on line 4.
        #expect(records[1].fieldLines == [2, 2, 3])
        #expect(records[2].line == 4)
        #expect(records[2].fields == ["B", "x", "6"])
    }

    @Test func blankLinesAreNotRecords() {
        let (records, _, reader) = ReportFixture.records("a;b\n\n1;2\r\n\r\n3;4\n\n")
        #expect(records.count == 3)
        #expect(reader.blankLines == 3)
        #expect(records.map(\.line) == [1, 3, 5])
    }

    @Test func unclosedQuoteIsReportedWhereItOpened() {
        let text = "don_vi;so\nA;1\n\"B;2\nC;3\nD;4\n"
        let (records, diagnostics, _) = ReportFixture.records(text, file: "huyen.csv")
        #expect(records.count == 3)
        #expect(records[2].isUnterminated)
        #expect(records[2].line == 3)
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].severity == .error)
        #expect(diagnostics[0].position == SourcePosition(file: "huyen.csv", line: 3, column: 1))
        #expect(diagnostics[0].message.contains("dòng 3"))
    }

    @Test func columnsCountCharactersEvenInNFD() {
        let nfc = "Đơn vị;Số\nĐà Nẵng;7\n"
        let nfd = nfc.decomposedStringWithCanonicalMapping
        for text in [nfc, nfd] {
            let (records, _, _) = ReportFixture.records(text)
            #expect(records[1].fieldColumns == [1, 9])
        }
    }

    @Test func textAfterClosingQuoteIsKeptWithAWarning() {
        let (records, diagnostics, _) = ReportFixture.records("a;b\n\"x\"y;2\n")
        #expect(records[1].fields == ["xy", "2"])
        #expect(diagnostics.first?.severity == .warning)
    }

    @Test func lastRecordWithoutLineBreak() {
        let (records, _, _) = ReportFixture.records("a;b\n1;")
        #expect(records.map(\.fields) == [["a", "b"], ["1", ""]])
        let (single, _, _) = ReportFixture.records("a;b;c")
        #expect(single.map(\.fields) == [["a", "b", "c"]])
    }

    @Test func utf16IsRefused() {
        var reader = FigureCSVReader(file: "u16.csv")
        let bytes: [UInt8] = [0xFF, 0xFE] + Array("a;b\n".utf8).flatMap { [$0, 0] }
        let records = reader.feed(bytes) + reader.finish()
        #expect(records.isEmpty)
        #expect(reader.diagnostics.first?.message.contains("UTF-16") == true)
    }

    @Test func legacyEncodingIsReportedOnce() {
        // "Đà" in Windows-1258 is D0 E0: not UTF-8.
        var bytes = Array("don_vi;so\n".utf8)
        bytes += [0xD0, 0xE0] + Array(";1\n".utf8) + [0xD0, 0xE0, 0x20, 0x42] + Array(";2\n".utf8)
        var reader = FigureCSVReader(file: "cu.csv")
        _ = reader.feed(bytes) + reader.finish()
        #expect(reader.diagnostics.count == 1)
        #expect(reader.diagnostics[0].message.contains("UTF-8"))
        #expect(reader.diagnostics[0].position?.line == 2)
    }

    @Test func oneByteChunksGiveTheSameRecords() {
        let text = "\u{FEFF}\"Đơn vị\";Khối\r\n\"Công ty \"\"A\"\"\r\nchi nhánh\";Cụm 1\r\nB;Cụm 2"
        let bytes = Array(text.utf8)
        let (whole, _) = ReportFixture.records(bytes, splitAt: [])
        let (bytewise, _) = ReportFixture.records(bytes, splitAt: Array(0...bytes.count))
        #expect(whole == bytewise)
        #expect(whole.count == 3)
    }

    @Test func blankLinesBeforeTheHeaderDoNotDecideTheSeparator() {
        let (records, _, reader) = ReportFixture.records("\r\n\r\nĐơn vị;Khối\r\nA;K\r\n")
        #expect(reader.delimiter == UInt8(ascii: ";"))
        #expect(records.map(\.fields) == [["Đơn vị", "Khối"], ["A", "K"]])
        #expect(records[0].line == 3)
        let bytes = Array("\u{FEFF}\n\nĐơn vị;Khối\nA;K\n".utf8)
        let (chunked, _) = ReportFixture.records(bytes, splitAt: Array(0...bytes.count))
        #expect(chunked.map(\.fields) == [["Đơn vị", "Khối"], ["A", "K"]])
    }

    @Test func excelSeparatorLineIsObeyedAndDropped() {
        let (records, _, reader) = ReportFixture.records("sep=;\r\nĐơn vị,ghi chú;Khối\r\nA,B;K\r\n")
        #expect(reader.delimiter == UInt8(ascii: ";"))
        #expect(records.map(\.fields) == [["Đơn vị,ghi chú", "Khối"], ["A,B", "K"]])
        #expect(records.map(\.line) == [2, 3])
    }
}
