import Foundation
import FuzzDriver
import ThiDuaKit

/// The whole document pipeline on arbitrary bytes: decode, load, check,
/// then render with the built-in templates in every text format.
///
/// Rendering runs even when the diagnostics hold errors: the CLI would stop
/// there, but `Renderer.render` is public API and must not crash on any
/// document the loader hands out.
enum DocumentHarness {
    /// Parsed once: template parsing is not what is being fuzzed.
    static let templates: TemplateSet? = try? TemplateSet()

    static func run(_ bytes: [UInt8]) {
        pipeline(bytes)
        // Most mutations break the YAML, so the bytes alone rarely reach the
        // layout code with strange text. The same bytes, when they are text,
        // also go into every text field of a valid plan (YAML-escaped, so
        // control characters and noncharacters survive into the document).
        // Only a short prefix: the text is repeated in thirty fields, and
        // what matters is which characters reach the layout, not how many.
        if let text = String(validating: bytes, as: UTF8.self) {
            pipeline(Array(embedded(String(text.prefix(120))).utf8))
        }
    }

    static func pipeline(_ bytes: [UInt8]) {
        let (document, diagnostics) = Renderer.load(bytes: bytes, file: "fuzz.yaml")
        for diagnostic in diagnostics { _ = diagnostic.description }
        guard let document else { return }
        _ = OutputName.base(for: document)
        guard let templates else { return }
        // The width follows the input so the fuzzer also reaches the
        // narrow-column wrapping paths, at the cost of one render per format.
        let width = 40 + bytes.count % 161
        for format in OutputFormat.allCases {
            _ = try? Renderer.render(document, format: format, templates: templates, width: width)
        }
    }
}

extension DocumentHarness {
    /// A plan whose texts are all `text`; the number and dates come from its length.
    static func embedded(_ text: String) -> String {
        let value = quoted(text)
        let number = 1 + text.utf8.count % 120
        return """
        loai: ke_hoach
        co_quan_chu_quan: \(value)
        co_quan_ban_hanh: \(value)
        so: \(number)
        ky_hieu: \(value)
        dia_danh: \(value)
        ngay: 2025-02-\(10 + number % 18)
        ten_loai: \(value)
        trich_yeu: \(value)
        can_cu:
          - {loai: \(value), so: \(number), ky_hieu: \(value), ngay: 2024-12-31, co_quan: \(value), trich_yeu: \(value)}
        mo_dau: [\(value)]
        thoi_gian: {tu: 2025-01-01, den: 2025-12-31}
        muc:
          - ten: \(value)
            noi_dung:
              - \(value)
              - tieu_muc: \(value)
                noi_dung:
                  - diem: \(value)
                    noi_dung: [{y: \(value)}]
                  - cac_diem: [\(value), \(value)]
              - giao: \(value)
                nhiem_vu: [\(value)]
                han: 2025-06-30
          - ten: \(value)
            cac_dot: true
        gioi_thieu_dot: \(value)
        dot_thi_dua:
          - {ten: \(value), tu: 2025-01-01, den: 2025-06-30, chu_de: \(value), ky_niem: [thanh_lap_dang], danh_gia: so_ket}
        ket_luan: [\(value)]
        noi_nhan:
          - {ten: \(value), muc_dich: \(value)}
        luu: [VT, \(value)]
        chu_ky: {hinh_thuc: TM., thay_mat: \(value), chuc_vu: \(value), ho_ten: \(value)}
        ngay_ky_niem:
          - {ma: rieng, ten: \(value), ngay_goc: 1975-05-15}

        """
    }

    /// A YAML double-quoted string holding exactly `text`.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFEFF
                || scalar.value == 0xFFFE || scalar.value == 0xFFFF || (0x2028...0x2029).contains(scalar.value):
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

@main
enum FuzzDocument {
    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        // `--show-embedded FILE` prints the plan that FILE's text is put into,
        // to check with `thidua check` that it really reaches rendering.
        if arguments.first == "--show-embedded", arguments.count == 2,
           let data = FileManager.default.contents(atPath: arguments[1]) {
            print(DocumentHarness.embedded(String(decoding: data, as: UTF8.self)), terminator: "")
            arguments = []
        }
        FuzzDriver.run(arguments: arguments, harness: DocumentHarness.run)
    }
}
