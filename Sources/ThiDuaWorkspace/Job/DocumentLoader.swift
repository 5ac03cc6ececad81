import ThiDuaKit

/// Loads a data file and the documents it cites by their data files (`tep:`), then checks
/// it against them: the load → link → check half of the document job.
struct DocumentLoader {
    /// How many documents deep citations are followed (a district plan citing a provincial
    /// plan citing the Tổng Liên đoàn's); deeper links are an error, as are cycles.
    static let maxDepth = 4

    let workspace: Workspace

    /// The checked document (nil when it has errors that stop it being built), its linked
    /// documents, and every diagnostic.
    func load(bytes: [UInt8], file: String) -> (Document?, LinkedDocuments, [Diagnostic]) {
        var visiting: Set<String> = [Workspace.realPath(file) ?? file]
        return load(bytes: bytes, file: file, depth: 0, visiting: &visiting)
    }

    private func load(bytes: [UInt8], file: String, depth: Int, visiting: inout Set<String>) -> (Document?, LinkedDocuments, [Diagnostic]) {
        let (read, readDiagnostics) = Renderer.read(bytes: bytes, file: file)
        guard let document = read else { return (nil, .none, readDiagnostics) }
        var diagnostics = readDiagnostics
        var linked: [String: Document] = [:]
        for link in document.dataFileLinks {
            switch open(link, from: file, depth: depth, visiting: &visiting) {
            case .document(let cited): linked[link.value] = cited
            case .failed(let found): diagnostics += found
            }
        }
        let links = LinkedDocuments(linked)
        let (checked, checkDiagnostics) = Renderer.check(document, linked: links)
        // A link that could not be opened was reported where it was written; the linking's
        // own "not read" error for it would only repeat that.
        let unreadable = Set(document.dataFileLinks.filter { linked[$0.value] == nil }.map(\.position))
        diagnostics += checkDiagnostics.filter { !($0.severity == .error && $0.position.map(unreadable.contains) == true) }
        return (checked, links, diagnostics)
    }

    /// A cited document, or why it cannot be used.
    private enum Opened {
        case document(Document)
        case failed([Diagnostic])
    }

    /// Opens and loads one cited document; its errors make the citing document wrong too.
    private func open(_ link: Located<String>, from file: String, depth: Int, visiting: inout Set<String>) -> Opened {
        guard depth < Self.maxDepth else {
            return .failed([.error("văn bản được dẫn lồng nhau quá \(Self.maxDepth) tầng", at: link.position,
                                    hint: "chỉ dẫn tệp của văn bản cấp trên trực tiếp")])
        }
        switch workspace.open(link, namedIn: file, role: .citedDocument) {
        case .failure(let diagnostic):
            return .failed([diagnostic])
        case .success(let (guarded, label)):
            defer { guarded.closeNow() }
            guard visiting.insert(guarded.path).inserted else {
                return .failed([.error("tệp \"\(link.value)\" dẫn vòng trở lại văn bản đang đọc", at: link.position,
                                        hint: "một văn bản không dẫn chính nó, trực tiếp hay qua văn bản khác")])
            }
            defer { visiting.remove(guarded.path) }
            let bytes: [UInt8]
            do {
                bytes = try guarded.readAll()
            } catch let refusal as FileRefusal {
                return .failed([.error(refusal.message, at: link.position, hint: refusal.hint)])
            } catch {
                return .failed([.error("không đọc được tệp \"\(link.value)\"", at: link.position, hint: "kiểm tra tệp")])
            }
            let (cited, _, found) = load(bytes: bytes, file: label, depth: depth + 1, visiting: &visiting)
            let errors = found.filter { $0.severity == .error }
            guard let cited, errors.isEmpty else {
                let summary = Diagnostic.error(
                    "văn bản được dẫn trong tệp \"\(link.value)\" có \(max(errors.count, 1)) lỗi (xem các dòng dưới)",
                    at: link.position, hint: "sửa tệp đó trước: thidua check \(label)")
                return .failed([summary] + errors)
            }
            return .document(cited)
        }
    }
}

extension Workspace {
    /// Reads, links and checks one data file named by the user, without its figures or outputs
    /// (the calendar's extra commemorations, the web editor's live checks).
    ///
    /// - Throws: `WorkspaceError.usage` when the file cannot be read.
    public func loadDocument(_ path: String) throws -> (Document?, [Diagnostic]) {
        let (document, _, diagnostics) = DocumentLoader(workspace: self).load(bytes: try readDataFile(path), file: path)
        return (document, diagnostics)
    }
}
