import Foundation
import Testing
@testable import Catalogue

@Suite("Data checks: duplicate columns, empty files, short and long rows, overflows and huge line numbers are positioned diagnostics")
struct DataChecksTests {
    @Test("a second column of a known name refuses the file, pointing at the second")
    func duplicateColumn() throws {
        var loaded = Loaded()
        #expect(try loaded.load("code,period,value,value\nKSPER-2,2026-01,1,2\n") == [
            "r.csv:1:19: error: a second 'value' column (the first is at column 13): rename or remove one; nothing of this file is loaded",
        ])
        #expect(loaded.rows("KSPER-2").isEmpty)
        // Unknown columns may repeat: they are ignored anyway.
        #expect(try loaded.load("code,period,value,x,x\nKSPER-2,2026-01,1,2,3\n") == [])
        #expect(loaded.rows("KSPER-2").count == 1)
    }

    @Test("an empty file gets a warning at its first line")
    func emptyFile() throws {
        var loaded = Loaded()
        let got = try loaded.load("", file: "empty.csv")
        #expect(got == ["empty.csv:1:1: warning: the file is empty: no header, no rows"], "\(got)")
        #expect(try loaded.load("\u{FEFF}", file: "bom.csv") == ["bom.csv:1:1: warning: the file is empty: no header, no rows"])
    }

    @Test("a row with fewer cells than the header is an error naming the missing columns; a longer row one at its first extra cell; both are left out")
    func shortAndLongRows() throws {
        var loaded = Loaded()
        #expect(try loaded.load("code,period,value,target\nKSPER-2,2026-01\nKSPER-2,2026-02,5,6,7\nKSPER-2,2026-03,4,\n") == [
            "r.csv:2:1: error: row has 2 cell(s) but the header has 4: missing value, target",
            "r.csv:3:21: error: row has 5 cells but the header has 4: the cells after column 4 belong to no column",
        ])
        #expect(loaded.rows("KSPER-2").map(\.period) == [.month(2026, 3)])
    }

    @Test("a number beyond a Double (1e999, a 400-digit target) is an error at its cell, not 'not a number' and never infinity")
    func overflowingNumber() throws {
        var loaded = Loaded()
        let huge = String(repeating: "9", count: 400)
        #expect(try loaded.load("code,period,value,target\nKSPER-2,2026-01,1e999,\nKSPER-2,2026-02,1,\(huge)\nKSPER-2,2026-03,-1E400%,\nKSPER-2,2026-04,1e308,\n") == [
            "r.csv:2:17: error: value '1e999' is too large: numbers go up to about 1.8e308",
            "r.csv:3:19: error: target '\(huge)' is too large: numbers go up to about 1.8e308",
            "r.csv:4:17: error: value '-1E400%' is too large: numbers go up to about 1.8e308",
        ])
        #expect(loaded.rows("KSPER-2").map(\.value) == [1e308])
        #expect(NumberFormat(decimalComma: true).overflows("1e999") && !NumberFormat().overflows("abc") && !NumberFormat().overflows("1e308"))
    }

    @Test("a line number past 2^31 is kept whole: the second row of a code and period names the first's line exactly")
    func lineBeyondInt32() throws {
        var loaded = Loaded()
        let index = loaded.catalogue.indicators.firstIndex { $0.code == "KSPER-2" }!
        var file = RealisationFile(name: "big.csv")
        for line in [3_000_000_001, 4_294_967_299] {
            file.append(indicator: Int32(index), period: Period.month(2026, 1).packed, line: line,
                        value: 1, numerator: nil, denominator: nil, target: nil)
            file.periodColumns.append(9)
        }
        let got = loaded.store.add(&file, to: &loaded.catalogue).map(\.description)
        #expect(got == ["big.csv:4294967299:9: error: second row for KSPER-2 in 2026-01; the first is at big.csv:3000000001"], "\(got)")
        #expect(loaded.rows("KSPER-2").map(\.location.line) == [3_000_000_001])
    }
}
