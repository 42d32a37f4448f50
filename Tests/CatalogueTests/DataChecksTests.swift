import Foundation
import Testing
@testable import Catalogue

@Suite("Data checks: duplicate columns and empty files are positioned diagnostics")
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
}
