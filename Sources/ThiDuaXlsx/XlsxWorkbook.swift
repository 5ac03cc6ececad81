import CXlsxWriter
import ThiDuaKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An xlsx workbook being written: the one Swift owner of a libxlsxwriter
/// `lxw_workbook*`.
///
/// Worksheets (``XlsxWorksheet``) are handles into this workbook; each keeps the
/// workbook alive, and every C object (worksheets, formats, charts) is freed with it.
///
/// ```swift
/// let book = try XlsxWorkbook(path: "bao-cao.xlsx", options: .init(constantMemory: true))
/// let sheet = try book.addWorksheet(named: "Tổng hợp")
/// try sheet.write(.text("STT"), row: 0, column: 0, style: CellStyle(bold: true))
/// try book.close()
/// ```
///
/// Writing is atomic: libxlsxwriter writes to a temporary file next to the
/// destination (`.bao-cao.xlsx.tmp-PID-RANDOM`), which ``close()`` renames over the
/// destination only when everything succeeded. On any failure the temporary file is
/// removed and a file that was already at the destination is left as it was. A
/// workbook that is dropped without ``close()`` writes nothing.
///
/// Locale: this type never calls `setlocale`, and nothing in ThiDuaXlsx may.
/// libxlsxwriter formats numbers into the XML with `printf("%.16G")`, which follows
/// the C numeric locale; under a comma-decimal locale such as `vi_VN` 1234.56 would be
/// written as `1234,56` and Excel would reject the file. Vietnamese display
/// conventions ("." for thousands, "," for decimals) are achieved with number formats
/// (see ``CellStyle/numberFormat``), which Excel renders in the reader's locale.
public final class XlsxWorkbook {
    /// How libxlsxwriter should work.
    public struct Options: Hashable, Sendable {
        /// Flush each row to a temporary file as soon as a later row is started, so memory
        /// stays flat for sheets of tens of thousands of rows. Rows must then be written
        /// strictly in order (see ``XlsxWorksheet``).
        public var constantMemory: Bool
        /// Where libxlsxwriter keeps its own temporary files; `nil` uses the system's.
        public var temporaryDirectory: String?
        /// Allow files and parts larger than 4 GB (ZIP64).
        public var useZip64: Bool

        /// Creates options; the defaults are libxlsxwriter's.
        public init(constantMemory: Bool = false, temporaryDirectory: String? = nil, useZip64: Bool = false) {
            self.constantMemory = constantMemory
            self.temporaryDirectory = temporaryDirectory
            self.useZip64 = useZip64
        }
    }

    /// The file the workbook will be at after a successful ``close()``.
    public let destinationPath: String
    /// The file libxlsxwriter writes to before it is renamed to ``destinationPath``.
    public let temporaryPath: String
    /// The options the workbook was opened with.
    public let options: Options

    /// The C workbook; `nil` once closed (libxlsxwriter frees it in `workbook_close`).
    var handle: UnsafeMutablePointer<lxw_workbook>?
    /// Names of the sheets added so far, for the uniqueness rule.
    public private(set) var sheetNames: [String] = []
    /// One C format per distinct style; the C workbook owns and frees them.
    var formatCache: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]
    /// C strings handed to libxlsxwriter that must outlive it.
    ///
    /// libxlsxwriter copies most strings, but some structures (document properties in
    /// older releases, `tmpdir` in the options) are stored by pointer and read only in
    /// `workbook_close`; keeping every string we pass until the workbook is freed makes
    /// the wrapper safe whatever the release does.
    private var retainedCStrings: [UnsafeMutablePointer<CChar>] = []
    /// Test hook: makes ``close()`` fail after libxlsxwriter wrote the temporary file
    /// and before the rename, to prove a failure leaves the destination untouched.
    var injectFailureBeforeRename = false

    /// True once ``close()`` has run (successfully or not).
    public var isClosed: Bool { handle == nil }

    /// Opens a new workbook that will be written to `path` by ``close()``.
    ///
    /// Nothing is created at `path` yet; libxlsxwriter creates its temporary file only
    /// when the workbook is closed.
    ///
    /// - Throws: ``XlsxError`` when libxlsxwriter cannot create the workbook.
    public init(path: String, options: Options = Options()) throws {
        destinationPath = path
        temporaryPath = XlsxWorkbook.makeTemporaryPath(for: path)
        self.options = options

        var cOptions = lxw_workbook_options()
        cOptions.constant_memory = options.constantMemory ? 1 : 0
        cOptions.use_zip64 = options.useZip64 ? 1 : 0
        if let directory = options.temporaryDirectory {
            cOptions.tmpdir = try retainCString(directory)
        }
        guard let created = workbook_new_opt(temporaryPath, &cOptions) else {
            freeRetainedCStrings()
            throw XlsxError.outOfMemory
        }
        handle = created
    }

    deinit {
        if let handle {
            // Abandoned without close(): free everything libxlsxwriter allocated. It never
            // opened the output file (that happens in workbook_close), and its own temporary
            // files are unlinked as they are closed, so nothing is left on disk.
            lxw_workbook_free(handle)
            unlink(temporaryPath)
        }
        freeRetainedCStrings()
    }

    /// The live C workbook, or ``XlsxError/workbookClosed``.
    func liveHandle() throws -> UnsafeMutablePointer<lxw_workbook> {
        guard let handle else { throw XlsxError.workbookClosed }
        return handle
    }

    /// Adds a worksheet after checking its name against Excel's rules.
    ///
    /// - Throws: ``XlsxError`` for a bad or duplicate name (in Vietnamese, naming the
    ///   sheet and the rule), or when libxlsxwriter cannot create the sheet.
    public func addWorksheet(named name: String) throws -> XlsxWorksheet {
        let workbook = try liveHandle()
        try XlsxSheetName.validate(name, existing: sheetNames)
        guard let sheet = workbook_add_worksheet(workbook, name) else {
            // In constant-memory mode the sheet's rows go to a temporary file; failing to
            // create it is the usual reason for a NULL here.
            if options.constantMemory {
                throw XlsxError.temporaryFile(directory: options.temporaryDirectory)
            }
            throw XlsxError.outOfMemory
        }
        sheetNames.append(name)
        return XlsxWorksheet(workbook: self, handle: sheet, name: name)
    }

    /// A C copy of `string` that lives as long as the workbook.
    func retainCString(_ string: String) throws -> UnsafeMutablePointer<CChar> {
        guard let copy = strdup(string) else { throw XlsxError.outOfMemory }
        retainedCStrings.append(copy)
        return copy
    }

    private func freeRetainedCStrings() {
        for pointer in retainedCStrings { free(pointer) }
        retainedCStrings.removeAll()
    }
}
