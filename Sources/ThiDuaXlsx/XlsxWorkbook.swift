import CXlsxWriter
import ThiDuaKit
