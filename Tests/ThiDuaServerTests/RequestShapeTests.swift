import Foundation
import Testing
@testable import ThiDuaServer

/// A body that is not the JSON a route expects is refused with 400 and a detail that says
/// what is wrong, whatever its shape. The detail used to be empty when the body was not an
/// object at all (an array, a string, text that is not JSON).
@Suite struct RequestShapeTests {
    static let cases: [(body: String, detail: String)] = [
        ("[1, 2]", "nội dung phải là một đối tượng JSON"),
        ("\"ke-hoach.yaml\"", "nội dung phải là một đối tượng JSON"),
        ("null", "nội dung phải là một đối tượng JSON"),
        ("không phải JSON", "nội dung không phải JSON hợp lệ"),
        ("{}", "thiếu khóa ten"),
        ("{\"ten\": 5}", "khóa ten phải là một chuỗi"),
        ("{\"ten\": null}", "khóa ten trống, cần một chuỗi"),
        ("{\"ten\": \"a.yaml\", \"noi_dung\": [\"x\"]}", "khóa noi_dung phải là một chuỗi"),
    ]

    @Test(arguments: cases)
    func aBodyOfTheWrongShapeSaysWhatIsWrong(body: String, detail: String) async throws {
        let app = try TestApp()
        defer { app.remove() }
        let (status, _, data) = try await app.request("POST", "/api/kiem-tra", body: Data(body.utf8))
        #expect(status == 400)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let message = try #require(object["thong_diep"] as? String)
        #expect(message == "yêu cầu không đúng dạng JSON mong đợi (\(detail))", "\(body)")
    }
}
