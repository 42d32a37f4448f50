import Foundation
import Testing
@testable import Base
@testable import Catalogue

/// The CSV that goes through Excel and comes back: periods as Excel writes them, each file's own
/// separator and decimal comma, zero written as `-` or `nihil`, ratios typed as fractions.
@Suite("CSV round trip through Excel")
struct ExcelRoundTripTests {
    @Test("periods as Excel writes back a 2026-11 it turned into a date, and the official spellings",
          arguments: ["Nov-26", "nov-2026", "Nov 2026", "01/11/2026", "1/11/2026", "11/1/2026", "2026-11-01", "2026/11/01",
                      "1.11.2026", "Nopember 2026", "Nop 2026", "NOP-26", "November 2026", "Nov. 2026"])
    func excelPeriods(text: String) {
        #expect(Period(parsing: text) == .month(2026, 11))
    }

    @Test("other months' abbreviations, Indonesian and English")
    func abbreviations() {
        #expect(Period(parsing: "Agt 2026") == .month(2026, 8))
        #expect(Period(parsing: "Aug-26") == .month(2026, 8))
        #expect(Period(parsing: "Peb 2026") == .month(2026, 2))
        #expect(Period(parsing: "Pebruari 2026") == .month(2026, 2))
        #expect(Period(parsing: "Okt-26") == .month(2026, 10))
        #expect(Period(parsing: "Des 2026") == .month(2026, 12))
        #expect(Period(parsing: "Mei-26") == .month(2026, 5))
        #expect(Period(parsing: "01/01/2026") == .month(2026, 1))
    }

    @Test("a date names a month only on the 1st; nonsense stays refused",
          arguments: ["15/11/2026", "2026-11-15", "11/15/2026", "13/1/2026", "Nov-2", "Nox 2026", "2026-11-01-01", "1/1/1/2026"])
    func notPeriods(text: String) {
        #expect(Period(parsing: text) == nil)
    }

    @Test("a ';' file with decimal commas (Excel, Indonesian locale) loads beside a comma file, without --decimal-comma")
    func separatorPerFile() throws {
        var loaded = Loaded()
        #expect(try loaded.load("code,period,value,target\nKSPER-2,2026-10,7.5,8\n", file: "a.csv") == [])
        #expect(try loaded.load("\u{FEFF}code;period;value;target\nKSPER-2;Nov-26;1.250,5;8,5\n", file: "b.csv") == [])
        #expect(loaded.rows("KSPER-2").map(\.value) == [7.5, 1250.5])
        #expect(loaded.rows("KSPER-2").map(\.target) == [8, 8.5])
        #expect(loaded.rows("KSPER-2").map(\.period) == [.month(2026, 10), .month(2026, 11)])
    }

    @Test("--decimal-comma overrides detection: a comma file read with it is refused")
    func overrideStillApplies() throws {
        var loaded = Loaded()
        let diagnostics = try loaded.load("code,period,value\nKSPER-2,2026-10,7\n", format: NumberFormat(decimalComma: true))
        #expect(diagnostics == [
            "r.csv:1:1: error: no 'code' column; the header must name code, period and value/numerator/denominator/target (any order)",
            "r.csv:1:1: error: no 'period' column; the header must name code, period and value/numerator/denominator/target (any order)",
        ])
        #expect(loaded.rows("KSPER-2").isEmpty)
    }

    @Test("'-' (Excel's accounting zero) and 'nihil' are zero, a blank is not reported")
    func zeroWords() throws {
        var loaded = Loaded()
        #expect(try loaded.load("code,period,value\nKSPER-2,2026-01,-\nKSPER-2,2026-02,Nihil\nKSPER-2,2026-03,\n") == [])
        #expect(loaded.rows("KSPER-2").map(\.value) == [0, 0, nil])
    }

    @Test("a ratio value between 0 and 1 loads with a warning at its cell; 0, 1 and counts do not warn")
    func fractionWarning() throws {
        var loaded = Loaded()
        let ratio = try #require(loaded.catalogue.indicators.first { $0.kind == .ratio }).code
        let count = try #require(loaded.catalogue.indicators.first { $0.kind == .count }).code
        #expect(try loaded.load("code,period,value\n\(ratio),2026-01,0.85\n\(ratio),2026-02,1\n\(ratio),2026-03,0\n\(count),2026-01,0.5\n") == [
            "r.csv:2:\(ratio.count + 10): warning: value 0.85 of ratio \(ratio) looks like a fraction; ratios are on 0-100 (write 85 for 85%)",
        ])
        #expect(loaded.rows(ratio).map(\.value) == [0.85, 1, 0])
    }
}
