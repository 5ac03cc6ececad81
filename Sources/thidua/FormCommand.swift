import ArgumentParser
import Foundation
import ThiDuaKit
import ThiDuaXlsx

/// `thidua bieu-mau`: writes the figures form of a report for the units to fill.
struct FormCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bieu-mau",
        abstract: "Tạo biểu mẫu số liệu .xlsx của một báo cáo để gửi các đơn vị điền.",
        discussion: """
        Biểu có một cột cho mỗi chỉ tiêu (tên và đơn vị tính), các dòng ghi sẵn đơn vị trong \
        `don_vi_du_kien` (nếu có), ô số liệu có kiểm tra dữ liệu, và trang “Hướng dẫn”. \
        Các đơn vị điền xong gửi lại; ghi các tệp nhận về vào `so_lieu` của báo cáo.
        Ví dụ:
          thidua bieu-mau Examples/bao-cao-so-ket-2025.yaml --out bieu-mau
          thidua bieu-mau Examples/bao-cao-so-ket-2025.yaml --out bieu-mau --mot-tep-moi-don-vi
        """
    )

    @Argument(help: ArgumentHelp("Tệp dữ liệu của báo cáo (loai: bao_cao).", valueName: "tệp"))
    var file: String

    @Option(name: .long, help: ArgumentHelp("Thư mục ghi biểu mẫu.", valueName: "thư-mục"))
    var out: String = "output"

    @Flag(name: .customLong("mot-tep-moi-don-vi"), help: "Ghi mỗi đơn vị trong `don_vi_du_kien` một tệp riêng, đặt tên theo đơn vị.")
    var perUnit = false

    func run() throws {
        let bytes = try FileAccess.read(file)
        let (loaded, diagnostics) = Renderer.load(bytes: bytes, file: file)
        FileAccess.report(diagnostics)
        guard let document = loaded, !diagnostics.hasErrors else { throw DataErrorsFound() }
        guard document.kind == .baoCao else {
            FileAccess.report([.error("biểu mẫu số liệu chỉ tạo được từ báo cáo (loai: bao_cao)", at: SourcePosition(file: file),
                                      hint: "chọn tệp dữ liệu của báo cáo sơ kết hoặc tổng kết")])
            throw DataErrorsFound()
        }
        let (units, listDiagnostics) = ReportFiles.expectedUnits(document)
        FileAccess.report(listDiagnostics)
        if listDiagnostics.hasErrors { throw DataErrorsFound() }
        if perUnit && units.isEmpty {
            FileAccess.report([.error("--mot-tep-moi-don-vi cần danh sách đơn vị (`don_vi_du_kien`) có ít nhất một đơn vị",
                                      at: SourcePosition(file: file), hint: "thêm `don_vi_du_kien: danh-sach-don-vi.csv` vào khối `bao_cao`")])
            throw DataErrorsFound()
        }
        let form = ReportFormInput(document: document, units: units)
        var outputs: [(path: String, input: ReportFormInput)] = []
        if perUnit {
            var taken: Set<String> = []
            for input in form.perUnit() {
                // Two units may fold to the same name ("Công ty A" and "Công ty Á").
                var name = input.fileName, n = 2
                while taken.contains(name) {
                    name = String(input.fileName.dropLast(5)) + "-\(n).xlsx"
                    n += 1
                }
                taken.insert(name)
                outputs.append(("\(out)/\(name)", input))
            }
        } else {
            outputs.append(("\(out)/\(OutputName.base(for: document))-bieu-mau.xlsx", form))
        }
        try FileAccess.prepareFolder(out)
        for output in outputs {
            do {
                try ReportForm.write(output.input, to: output.path)
            } catch let error as XlsxError {
                throw error.thiDuaError(path: output.path)
            }
        }
        let rows = form.units.isEmpty ? "biểu trống \(form.blankRows) dòng" : "\(VietnameseNumber.integer(form.units.count)) đơn vị"
        print("\(file): đã ghi \(outputs.count == 1 ? outputs[0].path : "\(outputs.count) biểu mẫu vào \(out)/") (\(rows), \(form.columns.count) cột số liệu)")
    }
}
