import Foundation
import ThiDuaKit
import ThiDuaWorkspace

/// Printing for the commands: diagnostics, errors and the program's accounts (a report's
/// reconciliation) on standard error, paths and notes on standard output. Nothing here reads or writes a document's files.
enum Output {
    /// Prints diagnostics to standard error.
    static func report(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        error(diagnostics.map(\.description).joined(separator: "\n"))
    }

    /// One line (or several) on standard error.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Prints what a job gave, in the order a clerk reads it.
    static func print(_ result: JobResult) {
        report(result.diagnostics)
        for account in result.accounts { error(account) }
        for note in result.notes { Swift.print(note) }
        for path in result.written { Swift.print(path) }
        if let failure = result.error { error(failure.description) }
    }
}

/// Data errors were printed; exit with 1.
struct DataErrorsFound: Error {}
