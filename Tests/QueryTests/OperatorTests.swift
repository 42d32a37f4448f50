import Catalogue
import Testing
@testable import Query

/// Four indicators with known values in 2026-10, in catalogue order:
///
///     code       kind   unit                                target  realisation  achievement  category
///     KBBFPEM-1  ratio  Bidang Bina Fasilitasi Pembiayaan       95            -            -  -
///     KSPER-1    count  Seksi Permodalan                         3            3          100  Sangat Baik
///     PFPPER-1   count  Seksi Permodalan                         4            2           50  Sangat Kurang
///     PFPPER-2   count  Seksi Permodalan                         4            3           75  Cukup
///
/// Each condition is tried on them alone; the expectation is the codes it keeps.
private func kept(_ condition: String) throws(Diagnostic) -> [String] {
    firstColumn(try run(#"show indicators code where (unit = "Permodalan" or code = KBBFPEM-1) and ("# + condition + ")"))
}

@Suite("Operators in conditions and computed values")
struct OperatorTests {
    @Test("the four indicators hold the values the other tests assume")
    func fixture() throws {
        let result = try run(#"show indicators code, kind, unit, target, realisation, achievement, category where unit = "Permodalan" or code = KBBFPEM-1"#)
        #expect(lines(result) == [
            "KBBFPEM-1 | ratio | Fasilitasi Pembiayaan | 95 | - | - | -",
            "KSPER-1 | count | Permodalan | 3 | 3 | 100 | Sangat Baik",
            "PFPPER-1 | count | Permodalan | 4 | 2 | 50 | Sangat Kurang",
            "PFPPER-2 | count | Permodalan | 4 | 3 | 75 | Cukup",
        ])
    }

    @Test("comparisons; a missing achievement makes every one of them false", arguments: [
        ("achievement = 75%", ["PFPPER-2"]),
        ("achievement != 75%", ["KSPER-1", "PFPPER-1"]),
        ("achievement <> 75%", ["KSPER-1", "PFPPER-1"]),
        ("achievement < 75%", ["PFPPER-1"]),
        ("achievement <= 75%", ["PFPPER-1", "PFPPER-2"]),
        ("achievement > 75%", ["KSPER-1"]),
        ("achievement >= 75%", ["KSPER-1", "PFPPER-2"]),
        ("75% <= achievement", ["KSPER-1", "PFPPER-2"]),
        ("achievement != 0", ["KSPER-1", "PFPPER-1", "PFPPER-2"]),
        ("achievement < 1000", ["KSPER-1", "PFPPER-1", "PFPPER-2"]),
        ("realisation = realisation", ["KSPER-1", "PFPPER-1", "PFPPER-2"]),
    ])
    func comparisons(condition: String, codes: [String]) throws {
        #expect(try kept(condition) == codes)
    }

    @Test("a percent literal is the number of percent points", arguments: [
        ("achievement < 80%", ["PFPPER-1", "PFPPER-2"]),
        ("achievement < 80", ["PFPPER-1", "PFPPER-2"]),
        ("achievement >= 100%", ["KSPER-1"]),
        ("achievement = 50%", ["PFPPER-1"]),
        ("achievement < 0.8", []),
    ])
    func percentLiteral(condition: String, codes: [String]) throws {
        #expect(try kept(condition) == codes)
    }

    @Test("text compares case-insensitively; codes may be written without quotes", arguments: [
        (#"category = "sangat baik""#, ["KSPER-1"]),
        (#"category = "SANGAT KURANG""#, ["PFPPER-1"]),
        (#"category != "Cukup""#, ["KSPER-1", "PFPPER-1"]),
        (#"code = "ksper-1""#, ["KSPER-1"]),
        ("code = KSPER-1", ["KSPER-1"]),
        (#"code < "L""#, ["KBBFPEM-1", "KSPER-1"]),
        (#"kind = "ratio""#, ["KBBFPEM-1"]),
    ])
    func text(condition: String, codes: [String]) throws {
        #expect(try kept(condition) == codes)
    }

    @Test("in and not in; missing is in no list and not outside one either", arguments: [
        (#"code in (KSPER-1, "PFPPER-2", "nope")"#, ["KSPER-1", "PFPPER-2"]),
        ("code not in (KSPER-1)", ["KBBFPEM-1", "PFPPER-1", "PFPPER-2"]),
        ("achievement in (50, 100%)", ["KSPER-1", "PFPPER-1"]),
        ("achievement not in (50)", ["KSPER-1", "PFPPER-2"]),
        (#"unit in ("Permodalan")"#, ["KSPER-1", "PFPPER-1", "PFPPER-2"]),
    ])
    func inList(condition: String, codes: [String]) throws {
        #expect(try kept(condition) == codes)
    }

    @Test("between and not between, both ends included", arguments: [
        ("achievement between 50% and 75%", ["PFPPER-1", "PFPPER-2"]),
        ("achievement not between 50% and 75%", ["KSPER-1"]),
        ("achievement not between 60% and 90%", ["KSPER-1", "PFPPER-1"]),
        ("realisation - target between -1 and 0", ["KSPER-1", "PFPPER-2"]),
        (#"code between "KSPER-1" and "PFPPER-1""#, ["KSPER-1", "PFPPER-1"]),
    ])
    func between(condition: String, codes: [String]) throws {
        #expect(try kept(condition) == codes)
    }

    @Test("contains and like on text, case-insensitive; % any run, _ one character", arguments: [
        (#"indicator contains "LAPORAN""#, ["PFPPER-2"]),
        (#"indicator not contains "koperasi""#, ["PFPPER-1", "PFPPER-2"]),
        (#"indicator like "jumlah%permodalan""#, ["PFPPER-1", "PFPPER-2"]),
        (#"indicator like "jumlah_laporan%""#, ["PFPPER-2"]),
        (#"indicator like "JUMLAH LAPORAN KEGIATAN SEKSI PERMODALAN""#, ["PFPPER-2"]),
        (#"indicator like "jumlah""#, []),
        (#"indicator not like "jumlah%""#, ["KBBFPEM-1"]),
        (#"category like "sangat%""#, ["KSPER-1", "PFPPER-1"]),
        (#"category not like "sangat%""#, ["PFPPER-2"]),
    ])
    func textMatching(condition: String, codes: [String]) throws {
        #expect(try kept(condition) == codes)
    }

    @Test("contains and like on a unit look at its full and its short name", arguments: [
        (#"unit contains "seksi""#, ["KSPER-1", "PFPPER-1", "PFPPER-2"]),
        (#"unit like "bidang bina%""#, ["KBBFPEM-1"]),
        (#"bidang contains "pembiayaan""#, ["KBBFPEM-1", "KSPER-1", "PFPPER-1", "PFPPER-2"]),
        (#"unit like "permodalan""#, ["KSPER-1", "PFPPER-1", "PFPPER-2"]),
    ])
    func unitMatching(condition: String, codes: [String]) throws {
        #expect(try kept(condition) == codes)
    }

    @Test("is missing and is not missing", arguments: [
        ("achievement is missing", ["KBBFPEM-1"]),
        ("achievement is not missing", ["KSPER-1", "PFPPER-1", "PFPPER-2"]),
        ("realisation is missing", ["KBBFPEM-1"]),
        ("seksi is missing", ["KBBFPEM-1"]),
        ("target is missing", []),
    ])
    func missing(condition: String, codes: [String]) throws {
        #expect(try kept(condition) == codes)
    }

    @Test("and, or, not and parentheses; not of a false comparison on a missing value is true", arguments: [
        (#"kind = "count" and achievement < 80%"#, ["PFPPER-1", "PFPPER-2"]),
        (#"kind = "ratio" or achievement > 90%"#, ["KBBFPEM-1", "KSPER-1"]),
        (#"kind = "ratio" or achievement > 90% and achievement < 60%"#, ["KBBFPEM-1"]),
        (#"(kind = "ratio" or achievement > 90%) and realisation is not missing"#, ["KSPER-1"]),
        ("not achievement < 60%", ["KBBFPEM-1", "KSPER-1", "PFPPER-2"]),
        (#"not (achievement < 60% or kind = "ratio")"#, ["KSPER-1", "PFPPER-2"]),
        ("not not achievement = 50%", ["PFPPER-1"]),
    ])
    func logic(condition: String, codes: [String]) throws {
        #expect(try kept(condition) == codes)
    }

    @Test("arithmetic: + - * /, unary minus, precedence; a missing operand gives missing", arguments: [
        ("realisation - target = -2", ["PFPPER-1"]),
        ("realisation * 4 = target * 3", ["PFPPER-2"]),
        ("realisation / target * 100 = achievement", ["KSPER-1", "PFPPER-1", "PFPPER-2"]),
        ("-realisation < -2", ["KSPER-1", "PFPPER-2"]),
        ("(realisation + 1) * 2 = 8", ["KSPER-1", "PFPPER-2"]),
        ("target - realisation / 2 = 3", ["PFPPER-1"]),
        ("realisation + 0 is missing", ["KBBFPEM-1"]),
    ])
    func arithmetic(condition: String, codes: [String]) throws {
        #expect(try kept(condition) == codes)
    }

    @Test("division by zero gives missing, never infinity or an error", arguments: [
        ("realisation / 0 is missing", ["KBBFPEM-1", "KSPER-1", "PFPPER-1", "PFPPER-2"]),
        ("realisation / (target - target) = 0", []),
        ("realisation / (target - target) >= 0", []),
        ("target / (realisation - 3) is not missing", ["PFPPER-1"]),
    ])
    func divisionByZero(condition: String, codes: [String]) throws {
        #expect(try kept(condition) == codes)
    }

    @Test("computed columns: values, missing where an operand is missing or a divisor zero")
    func computedValues() throws {
        let result = try run(#"show indicators code, realisation - target as gap, realisation / 0 as z, target / (realisation - 3) as w, -target as neg, achievement + 5% as up, achievement >= 80% as ok where unit = "Permodalan" or code = KBBFPEM-1"#)
        #expect(result.columns.map(\.type) == [.text, .number, .number, .number, .number, .percent, .boolean])
        #expect(lines(result) == [
            "KBBFPEM-1 | - | - | - | -95 | - | false",
            "KSPER-1 | 0 | - | - | -3 | 105 | true",
            "PFPPER-1 | -2 | - | -4 | -4 | 55 | false",
            "PFPPER-2 | -1 | - | - | -4 | 80 | false",
        ])
    }

    @Test("periods compare as periods; text and years are read as periods")
    func periods() throws {
        func months(_ condition: String) throws(Diagnostic) -> [String] {
            try run("show realisations period where code = SDIN-1 and (\(condition))").rows.map { cell($0[0]) }
        }
        #expect(try months("period = 2026-10") == ["2026-10"])
        #expect(try months(#"period = "2026-10""#) == ["2026-10"])
        #expect(try months(#"period = "Oktober 2026""#) == ["2026-10"])
        #expect(try months("period > 2026-08") == ["2026-09", "2026-10"])
        #expect(try months("period between 2026-03 and 2026-05") == ["2026-03", "2026-04", "2026-05"])
        #expect(try months("period in (2026-01, 2026-10)") == ["2026-01", "2026-10"])
        #expect(try months("period != 2026-01 and period < 2026-04") == ["2026-02", "2026-03"])
    }
}
