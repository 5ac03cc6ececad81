import Testing
@testable import ThiDuaKit

@Test func diagnosticPrintsFileLineColumn() {
    let d = Diagnostic.error("thiếu trường `so`", at: SourcePosition(file: "tệp.yaml", line: 12, column: 5), hint: "thêm `so: 13`")
    #expect(d.description == "tệp.yaml:12:5: lỗi: thiếu trường `so` — thêm `so: 13`")
}
