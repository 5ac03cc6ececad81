import Testing
@testable import ThiDuaKit

@Test func diagnosticPrintsFileLineColumn() {
    let d = Diagnostic.error("thiếu trường `so`", at: SourcePosition(file: "tệp.yaml", line: 12, column: 5), hint: "thêm `so: 13`")
    #expect(d.description == "tệp.yaml:12:5: lỗi: thiếu trường `so` — thêm `so: 13`")
}

/// A cell of a workbook prints as Excel names it, the sheet quoted only when its name alone
/// would make the place ambiguous (a "!" in it, a quote, no name at all).
@Test func aCellOfAWorkbookPrintsAsExcelNamesIt() {
    #expect(SourcePosition(file: "nhan.xlsx", sheet: "Số liệu", row: 12, column: 3).description == "nhan.xlsx!Số liệu!C12")
    #expect(SourcePosition(file: "nhan.xlsx", sheet: "Số liệu", row: 12).description == "nhan.xlsx!Số liệu!12:12")
    #expect(SourcePosition(file: "nhan.xlsx", sheet: "Trang!C12", row: 2, column: 2).description == "nhan.xlsx!'Trang!C12'!B2")
    #expect(SourcePosition(file: "nhan.xlsx", sheet: "", row: 2, column: 2).description == "nhan.xlsx!''!B2")
    #expect(SourcePosition(file: "nhan.xlsx", sheet: "Bà's", row: 2, column: 2).description == "nhan.xlsx!'Bà''s'!B2")
}

/// A data file in UTF-32 is named as such, not as UTF-16 (its mark begins like UTF-16's).
@Test func aDataFileInUTF32IsNamedAsSuch() {
    let text = "loai: ke_hoach\n"
    let le = [0xFF, 0xFE, 0x00, 0x00] + text.unicodeScalars.flatMap { scalar -> [UInt8] in
        let v = scalar.value
        return [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF), 0]
    }
    guard case .failure(let refusal) = InputText.decode(le, file: "a.yaml") else { Issue.record("read"); return }
    #expect(refusal.message == "tệp được lưu dạng UTF-32")
    let utf16: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    guard case .failure(let other) = InputText.decode(utf16, file: "a.yaml") else { Issue.record("read"); return }
    #expect(other.message == "tệp được lưu dạng UTF-16")
}

/// JSON's escaped halves of a character beyond U+FFFF read as the character (Python's
/// `json.dumps` writes them by default); they were refused as a bad escape.
@Test func jsonSurrogatePairsReadAsTheirCharacter() {
    #expect(YAMLReader.joiningSurrogateEscapes(#"{"a": "Thi \ud83d\ude00 đua"}"#) == #"{"a": "Thi \U0001F600 đua"}"#)
    #expect(YAMLReader.joiningSurrogateEscapes(#"{"a": "\\ud83d\\ude00"}"#) == #"{"a": "\\ud83d\\ude00"}"#)
    #expect(YAMLReader.joiningSurrogateEscapes(#"{"a": "\ud83d x"}"#) == #"{"a": "\ud83d x"}"#)
    #expect(YAMLReader.joiningSurrogateEscapes("không có mã") == "không có mã")
    let json = #"{"loai": "ke_hoach", "trich_yeu": "Thi \ud83d\ude00 đua"}"#
    let (_, diagnostics) = Renderer.read(bytes: Array(json.utf8), file: "a.json")
    #expect(!diagnostics.contains { $0.message.contains("sau dấu `\\`") }, "\(diagnostics)")
}
