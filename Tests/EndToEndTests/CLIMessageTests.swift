import Foundation
import Testing

/// No English from swift-argument-parser or the system reaches a clerk.
@Suite("Command-line messages are Vietnamese")
struct CLIMessageTests {
    static let misuses: [[String]] = [
        [], ["render"], ["render", "x.yaml", "--format", "pdfx"], ["render", "x.yaml", "--fomat", "md"],
        ["render", "x.yaml", "--width", "10"], ["calendar", "abc"], ["calendar", "3000"], ["frobnicate"],
        ["tasks", "--format", "zz", "x.yaml"], ["render", "khong-co.yaml"], ["check", "/dev/zero"],
        ["render", "x.yaml", "--out"], ["check", "--root", "/khong/co", "x.yaml"],
    ]

    @Test(arguments: misuses)
    func aMisuseIsExplainedInVietnameseWithExitCode2(_ arguments: [String]) throws {
        let result = try Run.thidua(arguments)
        let text = result.stderr + result.stdout
        #expect(result.status == 2 || (arguments.isEmpty && result.status == 0), "\(arguments): \(result.status)")
        for english in ["Please", "Error", "Missing", "Unknown", "invalid", "Usage", "See '", "subcommand", "No such file",
                        "Permission denied", "could not", "Did you mean", "provide"] {
            #expect(!text.contains(english), "\(arguments): «\(english)» in \(text)")
        }
    }
}
