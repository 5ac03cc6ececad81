import TestFixtures

/// Small data files for the workspace tests (shared with the other test targets).
enum Documents {
    static func plan(subject: String = "Phát động thi đua năm 2025", number: Int = 5, extra: String = "", paragraphs: Int = 1) -> String {
        SampleData.plan(subject: subject, number: number, paragraphs: paragraphs, extra: extra)
    }

    static func report(figures files: [String]) -> String {
        SampleData.report(figures: files)
    }

    static let figures = SampleData.figures
}
