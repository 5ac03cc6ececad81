#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CXlsxWriter

extension XlsxColumnChart.Series {
    /// Stores `values` as the series' cached points, the figures a viewer shows when it does
    /// not recalculate (previews, mail attachments, openpyxl).
    ///
    /// libxlsxwriter fills the cache itself only from number cells; the series of the report
    /// read formula cells, whose cache would then be all zeros (and is missing altogether
    /// in constant-memory mode). The points are added here and libxlsxwriter told not to
    /// fill the cache again; it frees them with the chart. A nil value is an empty point.
    static func setCachedValues(_ values: [Double?], of range: UnsafeMutablePointer<lxw_series_range>) throws {
        guard let head = range.pointee.data_cache, values.count <= Int(UInt16.max) else {
            throw XlsxError.invalidParameter(detail: "giá trị lưu sẵn của biểu đồ")
        }
        guard let linkOffset = MemoryLayout<lxw_series_data_point>.offset(of: \.list_pointers) else {
            throw XlsxError.invalidParameter(detail: "giá trị lưu sẵn của biểu đồ")
        }
        for value in values {
            guard let raw = calloc(1, MemoryLayout<lxw_series_data_point>.stride) else { throw XlsxError.outOfMemory }
            let point = raw.bindMemory(to: lxw_series_data_point.self, capacity: 1)
            if let value, value.isFinite {
                point.pointee.number = value
            } else {
                point.pointee.no_data = 1
            }
            // STAILQ_INSERT_TAIL: the last link points at the new point, which becomes the
            // last; its own link (the first field of `list_pointers`) is the new tail slot.
            point.pointee.list_pointers.stqe_next = nil
            head.pointee.stqh_last.pointee = point
            head.pointee.stqh_last = (raw + linkOffset).assumingMemoryBound(to: UnsafeMutablePointer<lxw_series_data_point>?.self)
        }
        range.pointee.num_data_points = UInt16(values.count)
        range.pointee.ignore_cache = 1
    }
}
