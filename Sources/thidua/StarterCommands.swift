import ArgumentParser
import Foundation
import ThiDuaKit
import ThiDuaWorkspace

/// `thidua moi KIND [TỆP]`: a new data file with every field and its help.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "moi",
        abstract: "Tạo tệp dữ liệu mới (kế hoạch, hướng dẫn, báo cáo) có đủ các khóa và ghi chú tiếng Việt.",
        discussion: """
        Mỗi khóa có một dòng ghi chú (`#`) nói nó là gì; chỗ trống là chỗ cần điền. Điền xong, \
        `thidua check TỆP` báo những chỗ còn thiếu. Không ghi đè tệp đã có.
        Ví dụ:
          thidua moi ke-hoach                       tạo ke-hoach-moi.yaml
          thidua moi bao-cao bao-cao-6-thang.yaml
        """
    )

    @Argument(help: ArgumentHelp("Loại văn bản: ke-hoach, huong-dan hoặc bao-cao.", valueName: "loại"))
    var kind: String

    @Argument(help: ArgumentHelp("Tệp sẽ tạo (mặc định: <loại>-moi.yaml).", valueName: "tệp"))
    var file: String?

    @OptionGroup var reading: ReadingOptions

    func validate() throws {
        guard Self.kind(kind) != nil else {
            throw ValidationError("loại văn bản \"\(kind)\" không có; chọn ke-hoach, huong-dan hoặc bao-cao")
        }
    }

    static func kind(_ raw: String) -> DocumentKind? {
        DocumentKind(rawValue: raw.replacingOccurrences(of: "-", with: "_").lowercased())
    }

    func run() throws {
        guard let kind = Self.kind(kind) else { throw ValidationError("loại văn bản \"\(kind)\" không có") }
        try StarterCommands.finish(StarterJob(workspace: try reading.workspace()).new(kind: kind, to: file))
    }
}

/// `thidua trien-khai CHA.yaml [TỆP]`: the lower level's plan from the upper level's.
struct DeriveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trien-khai",
        abstract: "Tạo kế hoạch của cấp dưới từ kế hoạch của cấp trên (bản nháp để sửa).",
        discussion: """
        Kế hoạch mới dẫn kế hoạch cấp trên bằng `tep:` (câu "Thực hiện Kế hoạch số … ngày … của …" \
        lấy từ tệp đó), giữ phong trào, các đợt (cắt theo thời gian của cấp dưới), các ngày kỷ niệm \
        và các mục để sửa; phần đầu và chữ ký của đơn vị để trống. `thidua check` đối chiếu với \
        kế hoạch cấp trên: đợt, hạn, chỉ tiêu, và mục còn chép nguyên văn.
        Ví dụ:
          thidua trien-khai Examples/ke-hoach-tinh-2025.yaml ke-hoach-phuong.yaml --tu 2025-08-11
        """
    )

    @Argument(help: ArgumentHelp("Tệp dữ liệu kế hoạch của cấp trên.", valueName: "kế-hoạch-cấp-trên"))
    var parent: String

    @Argument(help: ArgumentHelp("Tệp sẽ tạo (mặc định: <tên>-trien-khai.yaml cạnh kế hoạch cấp trên).", valueName: "tệp"))
    var file: String?

    @Option(name: .customLong("tu"), help: ArgumentHelp("Ngày bắt đầu của cấp dưới (mặc định: như cấp trên).", valueName: "ngày"))
    var from: String?

    @Option(name: .customLong("den"), help: ArgumentHelp("Ngày kết thúc của cấp dưới (mặc định: như cấp trên).", valueName: "ngày"))
    var to: String?

    @OptionGroup var reading: ReadingOptions

    func run() throws {
        try StarterCommands.finish(StarterJob(workspace: try reading.workspace()).derive(from: parent, to: file, periodFrom: from, to: to))
    }
}

/// `thidua nam-sau KE-HOACH.yaml [TỆP]`: next year's plan from this year's.
struct NextYearCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nam-sau",
        abstract: "Tạo kế hoạch năm sau từ kế hoạch năm nay (bản nháp để sửa).",
        discussion: """
        Ngày các đợt, các hạn dời một năm (29/02 thành 28/02, ngày cuối tháng vẫn là ngày cuối \
        tháng; dau_nam, cuoi_nam giữ nguyên), số năm kỷ niệm tính lại, các ngày kỷ niệm năm chẵn \
        của năm mới được đề xuất vào đợt có ngày đó, số và ngày văn bản để trống. Các căn cứ năm \
        cũ được giữ nhưng `thidua check` nhắc thay bằng văn bản năm mới.
        Ví dụ:
          thidua nam-sau Examples/ke-hoach-tinh-2025.yaml    tạo Examples/ke-hoach-tinh-2026.yaml
        """
    )

    @Argument(help: ArgumentHelp("Tệp dữ liệu kế hoạch năm nay.", valueName: "kế-hoạch"))
    var source: String

    @Argument(help: ArgumentHelp("Tệp sẽ tạo (mặc định: tên có năm sau, hoặc <tên>-nam-sau.yaml).", valueName: "tệp"))
    var file: String?

    @OptionGroup var reading: ReadingOptions

    func run() throws {
        try StarterCommands.finish(StarterJob(workspace: try reading.workspace()).nextYear(from: source, to: file))
    }
}

enum StarterCommands {
    /// Prints the result; a usage fault exits 2, data errors 1.
    static func finish(_ result: JobResult) throws {
        Output.print(result)
        if let error = result.error, error.isUsage { throw ExitCode(2) }
        if result.failed { throw DataErrorsFound() }
    }
}
