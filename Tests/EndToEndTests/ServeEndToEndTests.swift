import Foundation
import TestFixtures
import Testing

/// `thidua serve` as a clerk runs it: the real binary on a temporary folder, spoken to
/// over loopback with curl.
@Suite(.serialized) struct ServeEndToEndTests {
    /// A running `thidua serve` and the address it printed.
    final class Served {
        let process: Process
        let address: String
        let folder: URL
        let output: String

        init(folder: URL, arguments: [String] = [], environment: [String: String] = [:]) throws {
            self.folder = folder
            process = Process()
            process.executableURL = URL(fileURLWithPath: Run.binary)
            process.arguments = ["serve", folder.path] + arguments
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            try process.run()
            // The address is printed once the server listens.
            var text = ""
            let deadline = Date().addingTimeInterval(20)
            while !text.contains("?t="), Date() < deadline {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                text += String(decoding: chunk, as: UTF8.self)
            }
            output = text
            address = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.first { $0.hasPrefix("http://") } ?? ""
        }

        var token: String { address.components(separatedBy: "?t=").last ?? "" }

        func stop() {
            process.terminate()
            process.waitUntilExit()
        }

        /// curl's status line and body; `cookies` keeps the session like a browser.
        func curl(_ arguments: [String], cookies: URL? = nil) throws -> (status: Int, body: String) {
            var all = ["-s", "-o", "-", "-w", "\n%{http_code}"]
            if let cookies { all += ["-b", cookies.path, "-c", cookies.path] }
            let result = try Run.program("/usr/bin/curl", all + arguments)
            var lines = result.stdout.components(separatedBy: "\n")
            let status = Int(lines.removeLast()) ?? 0
            return (status, lines.joined(separator: "\n"))
        }
    }

    @Test func printsAVietnameseAddressWithATokenOnLoopbackAndRefusesRequestsWithoutIt() throws {
        let folder = try Run.tempFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(SampleData.plan().utf8).write(to: folder.appendingPathComponent("ke-hoach.yaml"))
        let served = try Served(folder: folder)
        defer { served.stop() }
        #expect(served.output.contains("Mở địa chỉ này trong trình duyệt"), "\(served.output)")
        #expect(served.address.hasPrefix("http://127.0.0.1:"))
        #expect(served.token.count == 32)
        let root = served.address.components(separatedBy: "?t=")[0]
        let refused = try served.curl([root + "api/tep"])
        #expect(refused.status == 403)
        #expect(refused.body.contains("thiếu mã truy cập"))
        let cookies = folder.appendingPathComponent("cookies.txt")
        let page = try served.curl([served.address], cookies: cookies)
        #expect(page.status == 200)
        let list = try served.curl([root + "api/tep"], cookies: cookies)
        #expect(list.status == 200)
        #expect(list.body.contains("\"ten\":\"ke-hoach.yaml\""))
        // Headers of a real response.
        let headers = try Run.program("/usr/bin/curl", ["-s", "-D", "-", "-o", "/dev/null", served.address])
        #expect(headers.stdout.contains("Content-Security-Policy: default-src 'none'"))
        #expect(headers.stdout.contains("X-Content-Type-Options: nosniff"))
        #expect(headers.stdout.contains("X-Frame-Options: DENY"))
        // Path escapes over the wire.
        let escape = try served.curl([root + "api/mo?ten=..%2F..%2Fetc%2Fpasswd"], cookies: cookies)
        // Refused by the name rule: a request given wrongly (400), its content never read.
        #expect(escape.status == 400)
        #expect(!escape.body.contains("root:"))
        // A cross-site POST (no CSRF header, another origin) changes nothing.
        let post = try served.curl(["-X", "POST", "-H", "Origin: http://evil.example", "-H", "Content-Type: application/json",
                                    "--data", "{\"ten\":\"x.yaml\",\"noi_dung\":\"a\"}", root + "api/luu"], cookies: cookies)
        #expect(post.status == 403)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("x.yaml").path))
    }

    @Test func anotherAddressWithoutPasswordIsAUsageError() throws {
        let folder = try Run.tempFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Run.thidua(["serve", folder.path, "--host", "0.0.0.0"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("cần mật khẩu"))
        #expect(result.stderr.contains("--mat-khau"))
    }

    @Test func withAPasswordItSaysSoAndAsksForIt() throws {
        let folder = try Run.tempFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let served = try Served(folder: folder, arguments: ["--host", "127.0.0.2", "--mat-khau", "bí mật"])
        defer { served.stop() }
        #expect(served.output.contains("máy khác trong mạng vào được"), "\(served.output)")
        #expect(try served.curl([served.address]).status == 401)
        #expect(try served.curl(["-u", "a:bí mật", served.address]).status == 200)
    }

    /// The password can stay off the command line, where every user of the machine sees it.
    @Test func aPasswordFromTheEnvironmentIsAskedForToo() throws {
        let folder = try Run.tempFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let served = try Served(folder: folder, arguments: ["--host", "127.0.0.2"], environment: ["THIDUA_MAT_KHAU": "bí mật khác"])
        defer { served.stop() }
        #expect(served.output.contains("máy khác trong mạng vào được"), "\(served.output)")
        #expect(try served.curl([served.address]).status == 401)
        #expect(try served.curl(["-u", "a:bí mật", served.address]).status == 401)
        #expect(try served.curl(["-u", "a:bí mật khác", served.address]).status == 200)
        let empty = try Run.thidua(["serve", folder.path, "--host", "127.0.0.2"], environment: ["THIDUA_MAT_KHAU": ""])
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("THIDUA_MAT_KHAU"))
    }

    @Test func downloadIsByteForByteWhatRenderWrites() throws {
        let folder = try Run.tempFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(SampleData.plan().utf8).write(to: folder.appendingPathComponent("ke-hoach.yaml"))
        let served = try Served(folder: folder)
        defer { served.stop() }
        let out = folder.appendingPathComponent("cli")
        let rendered = try Run.thidua(["render", folder.appendingPathComponent("ke-hoach.yaml").path, "--format", "md,txt,docx", "--out", out.path])
        #expect(rendered.status == 0, "\(rendered.stderr)")
        for format in ["md", "txt", "docx"] {
            let file = folder.appendingPathComponent("tai.\(format)")
            let url = served.address.replacingOccurrences(of: "/?t=", with: "/api/tai-ve?t=") + "&ten=ke-hoach.yaml&dinh_dang=\(format)"
            let status = try Run.program("/usr/bin/curl", ["-s", "-o", file.path, "-w", "%{http_code}", url])
            #expect(status.stdout == "200")
            #expect(try Data(contentsOf: file) == Data(contentsOf: out.appendingPathComponent("05-KH-LDLD-2025.\(format)")), "\(format)")
        }
    }
}
