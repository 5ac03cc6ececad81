import ThiDuaKit
import ThiDuaXlsxReader

/// Excel workbooks (.xlsx) and what clerks send in their place: recognised by content (a
/// zip or an OLE2 file, whatever the name), or by a spreadsheet name on content that is
/// plainly not CSV (a web page saved as .xls), so the reader can say what the file is.
/// The bytes are read through the guard (size cap) only when the report reads the file.
public struct XlsxFigureFormat: FigureFileFormat {
    public init() {}

    public func recognises(prefix: [UInt8]) -> Bool {
        XlsxContent.isSpreadsheetContainer(prefix)
    }

    public func recognises(prefix: [UInt8], name: String) -> Bool {
        XlsxContent.isWorkbook(prefix: prefix, name: name)
    }

    public func source(of file: GuardedFile, label: String, origin: SourcePosition) -> Result<FigureSource, Diagnostic> {
        let tables = XlsxFigureSource(file: label) {
            do {
                return .success(try file.readAll())
            } catch let refusal as FileRefusal {
                return .failure(.error(refusal.message, at: SourcePosition(file: label), hint: refusal.hint))
            } catch {
                return .failure(.error("không đọc được tệp", at: SourcePosition(file: label), hint: "kiểm tra quyền đọc tệp"))
            }
        }
        return .success(FigureSource(label: label, tables: tables))
    }
}
