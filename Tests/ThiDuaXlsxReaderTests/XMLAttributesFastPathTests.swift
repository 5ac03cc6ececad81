import Testing
@testable import ThiDuaXlsxReader

/// `XMLAttributes.cellAttributes()` reads a cell's `r`, `s` and `t` in one pass; it must
/// find exactly what `value(_:)`, the general lookup, finds for each name.
struct XMLAttributesFastPathTests {
    /// Attribute lists as libxml2 lays them out (localname, prefix, URI, value start, value
    /// end), built from (name, value) pairs; a nil value leaves the value pointers out.
    static func withAttributes<T>(_ pairs: [(String, String?)], _ body: (XMLAttributes) -> T) -> T {
        var owned: [UnsafeMutablePointer<UInt8>] = []
        defer { owned.forEach { $0.deallocate() } }
        func cString(_ text: String) -> UnsafeMutablePointer<UInt8> {
            let bytes = Array(text.utf8) + [0]
            let pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
            pointer.initialize(from: bytes, count: bytes.count)
            owned.append(pointer)
            return pointer
        }
        let pointers = UnsafeMutablePointer<UnsafePointer<UInt8>?>.allocate(capacity: max(pairs.count * 5, 1))
        defer { pointers.deallocate() }
        for (i, (name, value)) in pairs.enumerated() {
            pointers[i * 5] = UnsafePointer(cString(name))
            pointers[i * 5 + 1] = nil
            pointers[i * 5 + 2] = nil
            if let value {
                let start = cString(value)
                pointers[i * 5 + 3] = UnsafePointer(start)
                pointers[i * 5 + 4] = UnsafePointer(start + value.utf8.count)
            } else {
                pointers[i * 5 + 3] = nil
                pointers[i * 5 + 4] = nil
            }
        }
        return body(XMLAttributes(pointers: pointers, count: pairs.count))
    }

    static func same(_ a: UnsafeBufferPointer<UInt8>?, _ b: UnsafeBufferPointer<UInt8>?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (x?, y?): return x.baseAddress == y.baseAddress && x.count == y.count
        default: return false
        }
    }

    @Test func onePassFindsWhatTheGeneralLookupFinds() {
        let names = ["r", "s", "t", "rr", "st", "x", "spans", "ht", "", "R"]
        let values: [String?] = ["A1", "3", "s", "inlineStr", "", nil, "XFD1048576"]
        var seed: UInt64 = 13
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        var lists: [[(String, String?)]] = [[], [("r", "B2"), ("s", "1"), ("t", "n")], [("t", "s"), ("r", "C3")]]
        for _ in 0..<5_000 {
            lists.append((0..<next(7)).map { _ in (names[next(names.count)], values[next(values.count)]) })
        }
        for list in lists {
            Self.withAttributes(list) { attributes in
                let (r, s, t) = attributes.cellAttributes()
                #expect(Self.same(r, attributes.value("r")), "\(list)")
                #expect(Self.same(s, attributes.value("s")), "\(list)")
                #expect(Self.same(t, attributes.value("t")), "\(list)")
            }
        }
        let none = XMLAttributes(pointers: nil, count: 0).cellAttributes()
        #expect(none.r == nil && none.s == nil && none.t == nil)
    }
}
