import Testing
@testable import ThiDuaWorkspace

/// The names the web app's folder accepts for a saved or uploaded file: never one whose
/// shown form is not its real one.
@Suite struct NameRefusalTests {
    @Test(arguments: ["x\u{202E}vsc.pdf", "so\u{200B}lieu.csv", "\u{FEFF}a.yaml", "a\u{2066}b.csv", "thu\u{200F}.csv"])
    func invisibleCharactersAreRefused(_ name: String) {
        #expect(WorkingFolder.refusal(of: name)?.contains("ký tự ẩn") == true, "\(Array(name.unicodeScalars))")
    }

    @Test(arguments: ["so-lieu.csv", "Báo cáo 6 tháng.yaml", "nhan-ve/huyện A.xlsx"])
    func ordinaryNamesAreAccepted(_ name: String) {
        #expect(WorkingFolder.refusal(of: name) == nil)
    }
}
