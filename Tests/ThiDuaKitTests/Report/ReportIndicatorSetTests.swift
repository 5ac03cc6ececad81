import Testing
@testable import ThiDuaKit

@Suite struct ReportIndicatorSetTests {
    @Test func defaultSetIsValidAndComplete() {
        let set = IndicatorSet.default
        #expect(set.validate().isEmpty)
        for key in ["so_cdcs", "cdcs_phat_dong", "ty_le_cdcs_phat_dong", "dang_ky_tap_the", "dang_ky_ca_nhan",
                    "sang_kien", "gia_tri_lam_loi", "cong_trinh_san_pham", "doan_vien_moi", "thanh_lap_cdcs",
                    "mai_am_so_nha", "mai_am_kinh_phi", "lao_dong_gioi", "cdcs_vung_manh",
                    "bang_khen_tap_the", "bang_khen_ca_nhan", "giay_khen_tap_the", "giay_khen_ca_nhan"] {
            #expect(set[key] != nil, "missing \(key)")
        }
        #expect(set["gia_tri_lam_loi"]?.kind == .money)
        #expect(set["doan_vien_moi"]?.perUnitTargetColumn == "chi_tieu_doan_vien_moi")
        #expect(set["ty_le_cdcs_phat_dong"]?.aggregation == .ratio(numerator: "cdcs_phat_dong", denominator: "so_cdcs"))
        #expect(set["doan_vien_moi"]?.sentence == "phát triển được {gia_tri} đoàn viên mới, đạt {ty_le} chỉ tiêu ({chi_tieu})")
    }

    @Test func duplicateKeysAndNames() {
        let set = IndicatorSet([
            Indicator(key: "a", name: "Một", unit: "x", kind: .count),
            Indicator(key: "a", name: "Hai", unit: "x", kind: .count),
            Indicator(key: "b", name: "MỘT", unit: "x", kind: .count),
        ])
        let d = set.validate(origin: SourcePosition(file: "chi-tieu.yaml", line: 4))
        #expect(d.count == 2)
        #expect(d.allSatisfy { $0.severity == .error && $0.position?.file == "chi-tieu.yaml" })
        #expect(d[0].message.contains("khai báo hai lần"))
        #expect(set["a"]?.name == "Một")
    }

    @Test func unknownRatioOperandSuggestsTheKey() {
        let set = IndicatorSet([
            Indicator(key: "so_cdcs", name: "Số CĐCS", unit: "CĐCS", kind: .count),
            Indicator(key: "ty_le", name: "Tỷ lệ", unit: "%", kind: .ratio,
                      aggregation: .ratio(numerator: "cdcs_phat_dong", denominator: "so_cdsc")),
        ])
        let d = set.validate()
        #expect(d.count == 2)
        #expect(d[1].hint == "có phải là 'so_cdcs'?")
    }

    @Test func cyclesAndNestedRatios() {
        let cyclic = IndicatorSet([
            Indicator(key: "a", name: "A", unit: "%", kind: .ratio, aggregation: .ratio(numerator: "b", denominator: "c")),
            Indicator(key: "b", name: "B", unit: "%", kind: .ratio, aggregation: .ratio(numerator: "a", denominator: "c")),
            Indicator(key: "c", name: "C", unit: "x", kind: .count),
        ])
        let d = cyclic.validate()
        #expect(d.filter { $0.message.contains("vòng") }.count == 1)
        #expect(d.contains { $0.message.contains("a → b → a") })

        let selfLoop = IndicatorSet([
            Indicator(key: "a", name: "A", unit: "%", kind: .ratio, aggregation: .ratio(numerator: "a", denominator: "a")),
        ])
        #expect(selfLoop.validate().contains { $0.message.contains("a → a") })

        let nested = IndicatorSet([
            Indicator(key: "c", name: "C", unit: "x", kind: .count),
            Indicator(key: "r1", name: "R1", unit: "%", kind: .ratio, aggregation: .ratio(numerator: "c", denominator: "c")),
            Indicator(key: "r2", name: "R2", unit: "%", kind: .ratio, aggregation: .ratio(numerator: "r1", denominator: "c")),
        ])
        #expect(nested.validate().contains { $0.message.contains("cũng là tỷ lệ") })
    }

    @Test func keysTargetsAndSentences() {
        let set = IndicatorSet([
            Indicator(key: "Đoàn viên", name: "A", unit: "x", kind: .count),
            Indicator(key: "b", name: "B", unit: "x", kind: .count, target: -1, sentence: "đạt {ty_lee} và {gia_tri"),
            Indicator(key: "c", name: "C", unit: "x", kind: .count, aggregation: .ratio(numerator: "b", denominator: "b")),
        ])
        let d = set.validate()
        #expect(d.contains { $0.severity == .error && $0.message.contains("mã chỉ tiêu không hợp lệ") })
        #expect(d.contains { $0.severity == .error && $0.message.contains("chỉ tiêu âm") })
        #expect(d.contains { $0.severity == .warning && $0.hint == "có phải là {ty_le}?" })
        #expect(d.contains { $0.severity == .warning && $0.message.contains("'{' không đóng") })
        #expect(d.contains { $0.severity == .warning && $0.message.contains("tính bằng tỷ lệ") })
        #expect(IndicatorSet([]).validate().first?.message.contains("trống") == true)
    }

    @Test func targetColumnsMustFit() {
        let set = IndicatorSet([
            Indicator(key: "a", name: "A", unit: "x", kind: .count),
            Indicator(key: "b", name: "B", unit: "x", kind: .count, perUnitTargetColumn: "a"),
            Indicator(key: "r", name: "R", unit: "%", kind: .ratio, perUnitTargetColumn: "chi_tieu_r",
                      aggregation: .ratio(numerator: "a", denominator: "b")),
        ])
        let d = set.validate()
        #expect(d.contains { $0.message.contains("trùng key") })
        #expect(d.contains { $0.message.contains("không có cột chỉ tiêu riêng") })
    }
}
