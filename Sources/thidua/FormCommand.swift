import ArgumentParser
import Foundation
import ThiDuaKit
import ThiDuaWorkspace

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

    @OptionGroup var reading: ReadingOptions

    func run() throws {
        let result = FormJob(workspace: try reading.workspace()).run(dataFile: file, folder: out, perUnit: perUnit)
        Output.print(result)
        // A missing or unreadable data file, an output folder that is a file: the command
        // was given wrongly (2), as for `render`.
        if result.error?.isUsage == true { throw ExitCode(2) }
        if result.failed { throw DataErrorsFound() }
    }
}
