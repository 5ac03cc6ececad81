import ArgumentParser
import Foundation
import ThiDuaKit
import ThiDuaWorkspace

/// The `thidua` command: parses arguments, calls the workspace's jobs, prints what they
/// give. Document logic lives in ThiDuaKit, every file access in ThiDuaWorkspace.
struct Thidua: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "thidua",
        abstract: "Soạn kế hoạch, hướng dẫn, báo cáo thi đua của Công đoàn từ tệp dữ liệu.",
        discussion: """
        Ví dụ:
          thidua render Examples/ke-hoach-tinh-2025.yaml     ghi output/….md và output/….txt
          thidua check Examples/*.yaml                        chỉ kiểm tra dữ liệu
          thidua calendar 2025                                các ngày kỷ niệm năm 2025
          thidua serve Examples                               soạn, kiểm tra, tải văn bản trong trình duyệt
        Mã thoát: 0 thành công, 1 dữ liệu có lỗi, 2 dùng lệnh sai.
        """,
        version: "0.1.0",
        subcommands: [RenderCommand.self, CheckCommand.self, FormCommand.self, CalendarCommand.self, TasksCommand.self,
                      NewCommand.self, DeriveCommand.self, NextYearCommand.self, ServeCommand.self]
    )
}

/// Runs the command with Vietnamese messages and our exit codes:
/// 0 ok, 1 data errors, 2 usage errors.
@main
enum Main {
    static func main() {
        // libxlsxwriter formats numbers with the C locale's decimal point; we
        // never call setlocale, so the process stays in the "C" locale.
        // A closed pipe (`thidua calendar 2025 | head -1`) is then an error of the write, which
        // is reported by the exit code, not a signal that kills the process mid-write.
        signal(SIGPIPE, SIG_IGN)
        // With TZ unset, glibc reads /etc/localtime again at every local-time conversion, and
        // libzip converts the DOS time of every entry of every workbook: 18 `stat`s per
        // workbook, 18,000 for a phase of 1,000. TZ set to that same file keeps the same
        // zone, read once; set before any thread starts (setenv is not thread-safe).
        if getenv("TZ") == nil { setenv("TZ", ":/etc/localtime", 0) }
        Output.reserveStandardDescriptors()
        if let unknown = Thidua.unknownSubcommand(in: Array(CommandLine.arguments.dropFirst())) {
            Output.error(unknown)
            exit(2)
        }
        do {
            var command = try Thidua.parseAsRoot()
            try command.run()
            if let failure = Output.flushStandardOutput() {
                if failure != EPIPE { Output.error("lỗi: không ghi được kết quả ra đầu ra chuẩn: \(SystemErrorText.describe(failure))") }
                exit(1)
            }
        } catch is DataErrorsFound {
            exit(1)
        } catch let error as WorkspaceError {
            Output.error(error.description)
            exit(error.isUsage ? 2 : 1)
        } catch let error as ThiDuaError {
            Output.error(error.description)
            // A template set is an option, not data: a broken one is a usage error.
            if case .template = error { exit(2) }
            exit(1)
        } catch let error as any ClerkFacingError {
            Output.error(error.description)
            exit(1)
        } catch let error where error is CocoaError || error is POSIXError {
            // A system call failed outside the jobs' own wording: said in Vietnamese too.
            Output.error("lỗi: \(SystemErrorText.describe(error: error))")
            exit(1)
        } catch {
            let code = Thidua.exitCode(for: error)
            let message = Localization.translate(Thidua.fullMessage(for: error))
            if code == .success {
                print(message)
                exit(0)
            }
            // An `ExitCode` thrown after the job printed its findings has no message.
            if !message.isEmpty { Output.error(message) }
            exit(code == .failure ? 1 : 2)
        }
    }
}

extension Thidua {
    /// The message for a first word that names no command ("thidua rendr x.yaml", "thidua
    /// help foo"), with the nearest command: the parser alone would call the words "2 tham
    /// số thừa", or print the general help and exit 0.
    static func unknownSubcommand(in arguments: [String]) -> String? {
        let names = configuration.subcommands.compactMap { $0.configuration.commandName }
        var words = arguments[...]
        if words.first == "help" { words = words.dropFirst() }
        guard let first = words.first, !first.hasPrefix("-"), !names.contains(first) else { return nil }
        let hint = KeySuggestion.nearest(to: first, in: names).map { "có phải ý bạn là '\($0)'?" }
            ?? "các lệnh: \(names.joined(separator: ", "))"
        return "lỗi: không có lệnh '\(first)' — \(hint) (xem 'thidua --help')"
    }
}

/// Vietnamese wording for the fixed English parts of swift-argument-parser's
/// help and error messages.
enum Localization {
    static let table: [(String, String)] = [
        ("OVERVIEW:", "TỔNG QUAN:"),
        ("USAGE:", "CÁCH DÙNG:"),
        ("ARGUMENTS:", "THAM SỐ:"),
        ("OPTIONS:", "TÙY CHỌN:"),
        ("SUBCOMMANDS:", "LỆNH CON:"),
        ("Show help information.", "Hiện hướng dẫn này."),
        ("Show the version.", "Hiện phiên bản."),
        ("See 'thidua help <subcommand>' for detailed help.", "Xem 'thidua help <lệnh>' để biết chi tiết từng lệnh."),
        ("Error: ", "lỗi: "),
        ("Missing expected argument", "thiếu tham số"),
        ("Unknown option", "không có tùy chọn"),
        ("Unexpected argument", "tham số thừa"),
        ("Missing value for", "thiếu giá trị cho"),
        ("Missing required subcommand.", "thiếu lệnh (render, check, calendar, tasks …)."),
        ("Missing one of:", "thiếu một trong:"),
        ("Invalid option:", "tùy chọn không hợp lệ:"),
        ("Did you mean", "có phải ý bạn là"),
        ("does not take any value, but", "không nhận giá trị, nhưng đã ghi"),
        ("was specified.", "."),
        ("had already been set with", "đã được đặt bằng"),
        ("Value to be set with", "giá trị đặt bằng"),
        ("unexpected arguments:", "tham số thừa:"),
        ("The option", "tùy chọn"),
        ("Show subcommand help information.", "Hiện hướng dẫn của lệnh con."),
        ("Dump help information as JSON.", "In hướng dẫn dạng JSON."),
        (". Please provide one of", ". Chọn một trong"),
        ("' or '", "' hoặc '"),
        ("<subcommand>", "<lệnh>"),
        ("(default as flag:", "(mặc định khi chỉ ghi cờ:"),
        ("The value", "giá trị"),
        ("is invalid for", "không hợp lệ cho"),
        ("Please provide at least one value to", "cần ít nhất một giá trị cho"),
        ("(default:", "(mặc định:"),
        ("(values:", "(các giá trị:"),
        ("default:", "mặc định:"),
        ("one of the following:", "một trong các giá trị sau:"),
        ("the following:", "các giá trị sau:"),
        ("Help:", "Trợ giúp:"),
        ("Usage:", "Cách dùng:"),
        ("for more information.", "để biết thêm."),
        ("See ", "Xem "),
    ]

    static func translate(_ text: String) -> String {
        var result = text
        for (english, vietnamese) in table {
            result = result.replacingOccurrences(of: english, with: vietnamese)
        }
        return result
    }
}
