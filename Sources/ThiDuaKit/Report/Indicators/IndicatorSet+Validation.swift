extension IndicatorSet {
    /// Checks the definitions before any figure is read: keys well formed and unique, names
    /// unique (both serve as CSV headers), ratio operands existing, summed and acyclic,
    /// targets non-negative, sentence placeholders known.
    ///
    /// - Parameter origin: where the definitions came from (the YAML file), for diagnostics.
    /// - Returns: errors make the set unusable; warnings are advice.
    public func validate(origin: SourcePosition? = nil) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if indicators.isEmpty {
            diagnostics.append(.error("danh sách chỉ tiêu trống", at: origin,
                                      hint: "khai báo ít nhất một chỉ tiêu (key, tên, đơn vị tính)"))
            return diagnostics
        }
        if indicators.count > WorkbookLimits.maximumIndicators {
            diagnostics.append(.error(
                "khai báo \(indicators.count) chỉ tiêu, quá \(WorkbookLimits.maximumIndicators) chỉ tiêu một bảng tính trình bày được (số cột, số dãy của biểu đồ)",
                at: origin, hint: "tách thành nhiều báo cáo, hoặc chỉ giữ các chỉ tiêu chính"))
        }
        var firstByKey: [String: Int] = [:]
        var firstByName: [String: Int] = [:]
        for (i, indicator) in indicators.enumerated() {
            let label = "chỉ tiêu thứ \(i + 1) ('\(indicator.key)')"
            if !IndicatorSet.isWellFormedKey(indicator.key) {
                diagnostics.append(.error(
                    "\(label): mã chỉ tiêu không hợp lệ",
                    at: origin,
                    hint: "mã viết chữ thường không dấu, nối bằng '_', bắt đầu bằng chữ cái, ví dụ 'doan_vien_moi'"))
            }
            if let first = firstByKey[indicator.key] {
                diagnostics.append(.error(
                    "mã chỉ tiêu '\(indicator.key)' khai báo hai lần (chỉ tiêu thứ \(first + 1) và thứ \(i + 1))",
                    at: origin, hint: "đổi mã (`ma`) của một trong hai chỉ tiêu"))
            } else {
                firstByKey[indicator.key] = i
            }
            let foldedName = ReportText.folded(indicator.name)
            if foldedName.isEmpty {
                diagnostics.append(.error("\(label): thiếu tên chỉ tiêu", at: origin,
                                          hint: "ghi tên như trong báo cáo, ví dụ 'Phát triển đoàn viên'"))
            } else if let first = firstByName[foldedName] {
                diagnostics.append(.error(
                    "tên '\(indicator.name)' dùng cho hai chỉ tiêu (thứ \(first + 1) và thứ \(i + 1))",
                    at: origin, hint: "tên là tiêu đề cột trong tệp số liệu nên phải khác nhau"))
            } else {
                firstByName[foldedName] = i
            }
            // Names and units head the workbook's columns and name its chart's series.
            for (text, what) in [(indicator.name, "tên"), (indicator.unit, "đơn vị tính")] {
                if let problem = FigureRules.nameProblem(ReportText.normalizedName(text), what: "\(label): \(what)") {
                    diagnostics.append(.error(problem.message, at: origin, hint: problem.hint))
                }
            }
            if let target = indicator.target, target > WorkbookLimits.maximumFigure {
                diagnostics.append(.error("\(label): chỉ tiêu \(ReportText.grouped(target)) quá lớn, bảng tính Excel không giữ đúng được",
                                          at: origin, hint: "kiểm tra lại chỉ tiêu này"))
            }
            if let target = indicator.target, target < 0 {
                diagnostics.append(.error("\(label): chỉ tiêu âm (\(target))", at: origin,
                                          hint: "chỉ tiêu là số không âm"))
            }
            if let sentence = indicator.sentence {
                diagnostics += IndicatorSet.checkSentence(sentence, label: label, origin: origin)
            }
            if let host = indicator.joinedTo {
                // A host that is not listed is no error: the indicator then stands alone.
                if host == indicator.key {
                    diagnostics.append(.error("\(label): `gop_vao` trỏ vào chính nó", at: origin,
                                              hint: "ghi key của chỉ tiêu mà câu này nối tiếp, ví dụ 'mai_am_so_nha'"))
                } else if self[host]?.joinedTo.map({ self[$0] != nil }) == true {
                    diagnostics.append(.error("\(label): `gop_vao` trỏ vào '\(host)', mà '\(host)' cũng gộp vào chỉ tiêu khác",
                                              at: origin, hint: "gộp thẳng vào chỉ tiêu đứng riêng"))
                }
            }
            if case .ratio(let numerator, let denominator) = indicator.aggregation {
                if indicator.kind != .ratio {
                    diagnostics.append(.warning(
                        "\(label): tính bằng tỷ lệ nhưng loại là '\(indicator.kind.rawValue)'",
                        at: origin, hint: "đặt loại 'ratio'; kết quả vẫn được tính như tỷ lệ"))
                }
                if indicator.perUnitTargetColumn != nil {
                    diagnostics.append(.error(
                        "\(label): chỉ tiêu tỷ lệ không có cột chỉ tiêu riêng cho từng đơn vị",
                        at: origin, hint: "bỏ cột chỉ tiêu riêng; đặt chỉ tiêu chung theo phần trăm nếu cần"))
                }
                for (role, operand) in [("tử số", numerator), ("mẫu số", denominator)] {
                    guard let target = self[operand] else {
                        let hint = ReportText.nearest(operand, in: keys).map { "có phải là '\($0)'?" }
                            ?? "dùng key của một chỉ tiêu đã khai báo"
                        diagnostics.append(.error("\(label): \(role) '\(operand)' không phải chỉ tiêu đã khai báo",
                                                  at: origin, hint: hint))
                        continue
                    }
                    if target.isComputed && !IndicatorSet.reaches(self, from: operand, to: indicator.key) {
                        diagnostics.append(.error(
                            "\(label): \(role) '\(operand)' cũng là tỷ lệ",
                            at: origin, hint: "tử số và mẫu số phải là chỉ tiêu cộng dồn"))
                    }
                }
            }
        }
        diagnostics += cycleDiagnostics(origin: origin)
        let keySet = Set(keys)
        for indicator in indicators {
            if let column = indicator.perUnitTargetColumn, keySet.contains(column) {
                diagnostics.append(.error(
                    "cột chỉ tiêu riêng '\(column)' của '\(indicator.key)' trùng key một chỉ tiêu",
                    at: origin, hint: "đặt tên cột dạng 'chi_tieu_\(indicator.key)'"))
            }
        }
        return diagnostics
    }

    /// Keys must be usable unchanged as CSV headers and template variables.
    static func isWellFormedKey(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return key.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    private static func checkSentence(_ sentence: String, label: String, origin: SourcePosition?) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var rest = Substring(sentence)
        while let open = rest.firstIndex(of: "{") {
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}") else {
                diagnostics.append(.warning("\(label): câu mẫu có '{' không đóng", at: origin,
                                            hint: "viết chỗ điền số dạng {gia_tri}"))
                break
            }
            let name = String(rest[afterOpen..<close])
            if !Indicator.sentencePlaceholders.contains(name) {
                let known = Indicator.sentencePlaceholders.sorted()
                let hint = ReportText.nearest(name, in: known).map { "có phải là {\($0)}?" }
                    ?? "dùng một trong: " + known.map { "{\($0)}" }.joined(separator: ", ")
                diagnostics.append(.warning("\(label): câu mẫu có chỗ điền lạ {\(name)}", at: origin, hint: hint))
            }
            rest = rest[rest.index(after: close)...]
        }
        return diagnostics
    }

    /// True when following ratio operands from `start` leads to `goal`.
    private static func reaches(_ set: IndicatorSet, from start: String, to goal: String) -> Bool {
        var seen: Set<String> = []
        var stack = [start]
        while let key = stack.popLast() {
            if key == goal { return true }
            guard seen.insert(key).inserted, let indicator = set[key],
                  case .ratio(let n, let d) = indicator.aggregation else { continue }
            stack += [n, d]
        }
        return false
    }

    /// One error per cycle of ratio definitions ("a → b → a"), found by depth-first search.
    private func cycleDiagnostics(origin: SourcePosition?) -> [Diagnostic] {
        enum Mark { case visiting, done }
        var marks: [String: Mark] = [:]
        var path: [String] = []
        var reported: Set<Set<String>> = []
        var diagnostics: [Diagnostic] = []

        func visit(_ key: String) {
            if marks[key] == .done { return }
            if marks[key] == .visiting {
                guard let start = path.firstIndex(of: key) else { return }
                let cycle = Array(path[start...])
                if reported.insert(Set(cycle)).inserted {
                    diagnostics.append(.error(
                        "các chỉ tiêu tỷ lệ tham chiếu vòng: " + (cycle + [key]).joined(separator: " → "),
                        at: origin, hint: "tử số và mẫu số phải là chỉ tiêu cộng dồn, không phải tỷ lệ"))
                }
                return
            }
            guard let indicator = self[key], case .ratio(let n, let d) = indicator.aggregation else {
                marks[key] = .done
                return
            }
            marks[key] = .visiting
            path.append(key)
            visit(n)
            visit(d)
            path.removeLast()
            marks[key] = .done
        }

        for key in keys { visit(key) }
        return diagnostics
    }
}
