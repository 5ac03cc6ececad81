import Testing
@testable import ThiDuaXlsx
