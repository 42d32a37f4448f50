import Foundation
import Testing
@testable import Catalogue

@Suite("Realisations and targets CSV")
struct RealisationsTests {
    @Test("columns are found by name, in any order and any case; unknown columns are ignored")
    func headerDriven() throws {
        var loaded = Loaded()
        #expect(try loaded.load("""
        Note, Value ,PERIOD,seksi,code,Target
        laporan bulanan,7,2026-10,Permodalan,KSPER-2,8
        """) == [])
        let row = try #require(loaded.rows("KSPER-2").first)
        #expect(row.period == .month(2026, 10))
        #expect(row.value == 7)
        #expect(row.target == 8)
        #expect(row.note == "laporan bulanan")
        #expect(row.location == SourceLocation(file: "r.csv", line: 2))
    }

    @Test("a file that is not CSV after files that loaded leaves them exactly as they were")
    func badFileAfterGoodOnes() throws {
        var loaded = Loaded()
        #expect(try loaded.load("code,period,value,note\nKSPER-2,2026-01,1,pertama\nKSPER-2,2026-02,2,\n", file: "a.csv") == [])
        let before = (rows: loaded.rows("KSPER-2").map(\.value), latest: loaded.store.latestPeriod, notes: loaded.store.noteTexts)
        #expect(try loaded.load("code,period,value,note,polarity\nKSPER-2,2026-03,3,kedua,negative\nKSPER-2,2026-04,\"4\n", file: "b.csv") == [
            "b.csv:3:17: error: unterminated quoted field: no closing '\"' before the end of the file",
        ])
        #expect(loaded.rows("KSPER-2").map(\.value) == before.rows)
        #expect(loaded.store.latestPeriod == before.latest)
        #expect(loaded.store.noteTexts == before.notes)
        #expect(loaded.indicator("KSPER-2").polarity == .positive)
        // The next file's rows chain on to the first file's, and a repeat of its period is found.
        #expect(try loaded.load("code,period,value\nKSPER-2,2026-03,3\nKSPER-2,2026-01,9\n", file: "c.csv") == [
            "c.csv:3:9: error: second row for KSPER-2 in 2026-01; the first is at a.csv:2",
        ])
        #expect(loaded.rows("KSPER-2").map(\.location.file) == ["a.csv", "a.csv", "c.csv"])
    }

    @Test("each row keeps its own note; rows with the same note share one text")
    func notes() throws {
        var loaded = Loaded()
        #expect(try loaded.load("""
        code,period,value,note
        KSPER-2,2026-01,1,target in percent
        KSPER-2,2026-02,2,
        KSPER-2,2026-03,3,target in percent
        KSPER-2,2026-04,4,laporan susulan
        """) == [])
        #expect(loaded.rows("KSPER-2").map(\.note) == ["target in percent", "", "target in percent", "laporan susulan"])
        #expect(loaded.store.noteTexts == ["target in percent", "laporan susulan"])
    }

    @Test("many files read in parallel batches load exactly as one by one: rows, notes, declarations and every diagnostic in file order")
    func parallelBatches() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // 70 files: more than two batches. Duplicates and conflicting declarations cross files
        // and batch boundaries; one file is not CSV, one has no period column.
        var paths: [String] = []
        for i in 0..<70 {
            var text = "code,period,value,numerator,denominator,polarity,note\n"
            text += "KSPER-2,2026-\(String(format: "%02d", i % 12 + 1)),\(i),,,\(i % 5 == 0 ? "negative" : ""),file \(i % 3)\n"
            text += "KSPER-1,2026-\(String(format: "%02d", i % 7 + 1)),,\(i),\(i + 1),\(i == 40 ? "positive" : ""),\n"
            if i == 33 { text += "KSPER-1,2026-01,,\"1,2\n" }
            if i == 50 { text = "code,value\nKSPER-2,1\n" }
            if i == 61 { text += "NOPE-1,2026-01,1,,,,\nKSPER-2,2026-13,1,,,,\n" }
            paths.append(try folder.write(String(format: "r%02d.csv", i), text))
        }
        var one = Loaded(), batched = Loaded()
        var expected: [String] = []
        for path in paths { expected += one.store.load(path: path, catalogue: &one.catalogue).map(\.description) }
        let found = batched.store.load(paths: paths, catalogue: &batched.catalogue).map(\.description)
        #expect(found == expected)
        #expect(expected.count > 50)
        #expect(batched.store.rows.map(\.location) == one.store.rows.map(\.location))
        #expect(batched.store.rows.map(\.note) == one.store.rows.map(\.note))
        #expect(batched.store.rows.map(\.value) == one.store.rows.map(\.value))
        #expect(batched.indicator("KSPER-2").polarity == one.indicator("KSPER-2").polarity)
        #expect(batched.indicator("KSPER-1").polarity == one.indicator("KSPER-1").polarity)
    }

    @Test("while many files load, the catalogue is only read: the settings they declare, the last batch's too, are set at the end, on its indicators in place (not a copy of them)")
    func settingsAfterBatches() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // 40 files, two batches: the polarity is declared in the first, the consolidation in the last.
        let paths = try (0..<40).map { i in
            try folder.write(String(format: "r%02d.csv", i), "code,period,value,polarity,consolidation\n"
                + "KSPER-2,2026-\(String(format: "%02d", i % 12 + 1)),\(i),\(i == 0 ? "negative" : ""),\(i == 39 ? "sum" : "")\n")
        }
        var loaded = Loaded()
        // The catalogue's indicators held by nothing else, so a change is made in place.
        loaded.catalogue.indicators = loaded.catalogue.indicators.map { $0 }
        let before = loaded.catalogue.indicators.withUnsafeBufferPointer { $0.baseAddress }
        let found = loaded.store.load(paths: paths, catalogue: &loaded.catalogue).map(\.description)
        #expect(found.count == 28, "the second row of a month, from file 12 on")
        #expect(loaded.indicator("KSPER-2").polarity == .negative)
        #expect(loaded.indicator("KSPER-2").consolidation == .sum)
        #expect(loaded.catalogue.indicators.withUnsafeBufferPointer { $0.baseAddress } == before)
    }

    @Test("a blank value means not reported, which is not zero")
    func blankIsNotReported() throws {
        var loaded = Loaded()
        #expect(try loaded.load("code,period,value,target\nKSPER-2,2026-10,,8\nKSPER-2,2026-09,0,8\n") == [])
        let rows = loaded.rows("KSPER-2")
        #expect(rows.map(\.value) == [nil, 0])
        #expect(reportedPeriods(loaded.store) == [.month(2026, 9)])
        let october = loaded.store.evaluate(loaded.catalogue.indicators.firstIndex { $0.code == "KSPER-2" }!, in: .month(2026, 10), catalogue: loaded.catalogue)
        #expect(october.realisation == nil)
        #expect(october.achievement == nil)
        #expect(october.rows == 0)
    }

    @Test("a ratio takes numerator and denominator, or a percentage in value (with or without '%')")
    func ratioColumns() throws {
        var loaded = Loaded()
        #expect(try loaded.load("""
        code,period,value,numerator,denominator
        KSPER-1,2026-01,,45,60
        KSPER-1,2026-02,87.5,,
        KSPER-1,2026-03,80%,,
        KSPER-1,2026-04,75,3,4
        """) == [])
        let index = loaded.catalogue.indicators.firstIndex { $0.code == "KSPER-1" }!
        #expect((1...4).map { loaded.store.evaluate(index, in: .month(2026, $0), catalogue: loaded.catalogue).realisation } == [75, 87.5, 80, 75])
    }

    @Test("a count takes value; numerator or denominator on a count is an error at that cell")
    func countColumns() throws {
        var loaded = Loaded()
        #expect(try loaded.load("""
        code,period,value,numerator,denominator
        KSPER-2,2026-01,12,,
        KSPER-2,2026-02,,3,
        KSPER-2,2026-03,,,4
        """) == [
            "r.csv:3:18: error: KSPER-2 is a count: give its realisation in 'value', not numerator/denominator",
            "r.csv:4:19: error: KSPER-2 is a count: give its realisation in 'value', not numerator/denominator",
        ])
        #expect(loaded.rows("KSPER-2").map(\.value) == [12])
    }

    @Test("a ratio with only one of numerator and denominator, a negative denominator, or a value that disagrees is an error")
    func ratioErrors() throws {
        var loaded = Loaded()
        #expect(try loaded.load("""
        code,period,value,numerator,denominator
        KSPER-1,2026-01,,45,
        KSPER-1,2026-02,,,60
        KSPER-1,2026-03,,5,-10
        KSPER-1,2026-04,50,4,5
        KSPER-1,2026-05,,4,5
        """) == [
            "r.csv:2:21: error: give both numerator and denominator, or neither",
            "r.csv:3:18: error: give both numerator and denominator, or neither",
            "r.csv:4:20: error: denominator is negative",
            "r.csv:5:17: error: value 50.0 disagrees with numerator/denominator = 80.00%",
        ])
        #expect(loaded.rows("KSPER-1").map(\.period) == [.month(2026, 5)])
    }

    @Test("--decimal-comma reads ';'-separated files with 87,5 and 1.250,5 (as Excel saves them: BOM, CRLF)")
    func decimalComma() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("iki-decimal-comma-\(UUID().uuidString).csv").path
        try "\u{FEFF}code;period;value;numerator;denominator;note\r\nKSPER-2;Oktober 2026;1.250,5;;;\"catatan; dengan titik koma\"\r\nKSPER-1;2026-10;87,5;;;\r\nKSPER-1;2026-09;;7;8;\r\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var catalogue = smallCatalogue()
        var store = RealisationStore(indicatorCount: catalogue.indicators.count)
        let diagnostics = store.load(path: path, catalogue: &catalogue, format: NumberFormat(decimalComma: true))
        #expect(diagnostics.map(\.description) == [])
        #expect(store.rows.map(\.value) == [1250.5, 87.5, nil])
        #expect(store.rows.map(\.note) == ["catatan; dengan titik koma", "", ""])
        #expect(store.rows.map(\.numerator) == [nil, nil, 7])
    }

    @Test("without --decimal-comma a comma number in a comma file is an error with a hint; a ';' file is read with decimal commas")
    func decimalCommaHints() throws {
        var loaded = Loaded()
        #expect(try loaded.load("code,period,value\nKSPER-1,2026-10,\"87,5\"\n") == [
            "r.csv:2:17: error: value '87,5' is not a number; for decimal commas (87,5) use --decimal-comma",
        ])
        #expect(try loaded.load("code;period;value\nKSPER-1;2026-10;87,5\n") == [])
        #expect(loaded.store.rows.map(\.value) == [87.5])
    }

    @Test("numbers in point format: 87.5, 87.5%, 1250, -3; no guessing between the two formats")
    func numberFormats() {
        let point = NumberFormat(), comma = NumberFormat(decimalComma: true)
        #expect(point.parse("87.5") == 87.5)
        #expect(point.parse(" 87.5 % ") == 87.5)
        #expect(point.parse("1250") == 1250)
        #expect(point.parse("-3") == -3)
        #expect(point.parse("87,5") == nil)
        #expect(point.parse("1,250.5") == nil)
        #expect(comma.parse("87,5") == 87.5)
        #expect(comma.parse("1.250,5") == 1250.5)
        #expect(comma.parse("1.250.000") == 1_250_000)
        #expect(comma.parse("87,5%") == 87.5)
        #expect(comma.parse("87.5") == nil)
        #expect(comma.parse("1.25,5") == nil)
        #expect(comma.parse("1,2,3") == nil)
        for bad in ["", "%", "abc", "inf", "nan", "1e999", "12 3", "Rp 100"] {
            #expect(point.parse(bad) == nil, "\(bad)")
            #expect(comma.parse(bad) == nil, "\(bad)")
        }
    }

    @Test("numbers read from bytes (the loader's fast path) equal the text parser's, digit for digit")
    func numbersFromBytes() {
        func bytes(_ format: NumberFormat, _ text: String) -> Double? {
            var text = text
            return text.withUTF8 { format.parse(bytes: $0) }
        }
        let point = NumberFormat(), comma = NumberFormat(decimalComma: true)
        var generator = SystemRandomNumberGenerator()
        var samples = ["0", "7", "87.5", "0.1", "0.3", "1250", "007.50", "123456789012345", "1234567890123456",
                       "0.000000000000001", "9007199254740993", "87.", ".5", "87.5%", "-3", "1e3", "87,5", "1.250,5", "1.250.000"]
        for _ in 0..<2000 {
            let digits = Int.random(in: 1...17, using: &generator)
            var text = String((0..<digits).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
            if Bool.random(using: &generator) { text.insert(".", at: text.index(text.startIndex, offsetBy: Int.random(in: 1...digits, using: &generator))) }
            samples.append(text)
        }
        for text in samples {
            #expect(bytes(point, text) == point.parse(text), "\(text)")
            #expect(bytes(comma, text) == comma.parse(text), "\(text)")
        }
    }

    @Test("an unknown code is an error at its cell with the nearest codes; a row without a code too")
    func unknownCode() throws {
        var loaded = Loaded()
        #expect(try loaded.load("period,code,value\n2026-10,KSPER-3,1\n2026-10,bgaj-1,4\n") == [
            "r.csv:2:9: error: unknown indicator code 'KSPER-3'\n    nearest: KSPER-1, KSPER-2, BGAJ-1",
        ])
        // Codes are matched case-insensitively.
        #expect(loaded.rows("BGAJ-1").map(\.value) == [4])
        let missing = try loaded.load("period,code,value\n2026-10,,1\n")
        #expect(missing.count == 1)
        #expect(missing.first?.hasPrefix("r.csv:2:9: error: row has no code") == true)
    }

    @Test("a malformed or missing period is an error at its cell listing the accepted forms")
    func malformedPeriod() throws {
        var loaded = Loaded()
        #expect(try loaded.load("code,period,value\nKSPER-2,2026-13,1\nKSPER-2,,1\n") == [
            "r.csv:2:9: error: malformed period '2026-13'\n    periods are written 2026-10, 2026-Q3, TW3 2026, Triwulan III 2026, 2026-S1, Semester I 2026, Oktober 2026, 2026",
            "r.csv:3:9: error: row has no period\n    periods are written 2026-10, 2026-Q3, TW3 2026, Triwulan III 2026, 2026-S1, Semester I 2026, Oktober 2026, 2026",
        ])
        #expect(loaded.store.rows.isEmpty)
    }

    @Test("a number that does not parse is an error at its cell; the file's other rows still load")
    func badNumber() throws {
        var loaded = Loaded()
        #expect(try loaded.load("""
        code,period,value,target
        KSPER-2,2026-01,dua belas,
        KSPER-2,2026-02,12,sepuluh
        KSPER-2,2026-03,12,10
        """) == [
            "r.csv:2:17: error: value 'dua belas' is not a number",
            "r.csv:3:20: error: target 'sepuluh' is not a number",
        ])
        #expect(loaded.rows("KSPER-2").map(\.period) == [.month(2026, 3)])
    }

    @Test("a second row for the same code and period is an error naming the first, also across files and period spellings")
    func duplicates() throws {
        var loaded = Loaded()
        #expect(try loaded.load("code,period,value\nKSPER-2,2026-10,5\nKSPER-2,2026-10,6\nKSPER-2,Oktober 2026,7\n") == [
            "r.csv:3:9: error: second row for KSPER-2 in 2026-10; the first is at r.csv:2",
            "r.csv:4:9: error: second row for KSPER-2 in 2026-10; the first is at r.csv:2",
        ])
        #expect(try loaded.load("period,code,value\nTW4 2026,KSPER-2,5\n2026-10,ksper-2,1\n", file: "s.csv") == [
            "s.csv:3:1: error: second row for KSPER-2 in 2026-10; the first is at r.csv:2",
        ])
        #expect(loaded.rows("KSPER-2").map(\.value) == [5, 5])
        #expect(loaded.rows("KSPER-2").map(\.period.description) == ["2026-10", "2026-Q4"])
    }

    @Test("polarity and consolidation are declared per indicator in any row; a different declaration later is an error")
    func declarations() throws {
        var loaded = Loaded()
        #expect(loaded.indicator("KSPER-2").polarity == .positive)
        #expect(loaded.indicator("KSPER-2").consolidation == nil)
        let diagnostics = try loaded.load("""
        code,period,target,polarity,consolidation
        KSPER-2,2026,10,negative,average
        KSPER-2,2026-01,1,Negative,
        KSPER-2,2026-02,1,positive,last
        KSPER-1,2026,90,sideways,median
        """)
        #expect(diagnostics == [
            "r.csv:4:19: error: polarity of KSPER-2 was declared 'negative' at r.csv:2",
            "r.csv:4:28: error: consolidation of KSPER-2 was declared 'average' at r.csv:2",
            "r.csv:5:17: error: polarity 'sideways' is not one of positive, negative",
            "r.csv:5:26: error: consolidation 'median' is not one of sum, average, last",
        ])
        #expect(loaded.indicator("KSPER-2").polarity == .negative)
        #expect(loaded.indicator("KSPER-2").consolidation == .average)
        #expect(loaded.indicator("KSPER-1").polarity == .positive)
        #expect(loaded.indicator("KSPER-1").consolidation == nil)
        #expect(loaded.rows("KSPER-2").map(\.period.description) == ["2026", "2026-01"])
    }

    @Test("no 'code' or 'period' column is an error at line 1; a header alone loads nothing and says nothing; an empty file gets a warning")
    func headers() throws {
        var loaded = Loaded()
        #expect(try loaded.load("kode,periode,nilai\nKSPER-2,2026-10,1\n") == [
            "r.csv:1:1: error: no 'code' column; the header must name code, period and value/numerator/denominator/target (any order)",
            "r.csv:1:1: error: no 'period' column; the header must name code, period and value/numerator/denominator/target (any order)",
        ])
        #expect(try loaded.load("") == ["r.csv:1:1: warning: the file is empty: no header, no rows"])
        #expect(try loaded.load("code,period,value\n") == [])
        #expect(try loaded.load("code,period,value\n,,\n") == [])
        #expect(loaded.store.rows.isEmpty)
    }

    @Test("a realisations file that cannot be read, or is not valid CSV, is an error naming it")
    func unreadable() throws {
        var catalogue = smallCatalogue()
        var store = RealisationStore(indicatorCount: catalogue.indicators.count)
        #expect(store.load(path: "/nonexistent/r.csv", catalogue: &catalogue).map(\.description) == [
            "error: cannot read '/nonexistent/r.csv': no such file",
        ])
        // Invalid CSV loads nothing, not even the rows before the error, and declares nothing.
        var loaded = Loaded()
        #expect(try loaded.load("code,period,value,polarity\nKSPER-2,2026-09,4,negative\nKSPER-2,2026-10,\"5\n") == [
            "r.csv:3:17: error: unterminated quoted field: no closing '\"' before the end of the file",
        ])
        #expect(loaded.store.rows.isEmpty)
        #expect(loaded.rows("KSPER-2").isEmpty)
        #expect(loaded.store.latestPeriod == nil)
        #expect(loaded.indicator("KSPER-2").polarity == .positive)
        // The same rows load once the file is fixed: nothing of the failed attempt remains.
        #expect(try loaded.load("code,period,value,polarity\nKSPER-2,2026-09,4,negative\nKSPER-2,2026-10,5,\n") == [])
        #expect(loaded.rows("KSPER-2").map(\.value) == [4, 5])
        #expect(loaded.rows("KSPER-2").map(\.location.line) == [2, 3])
        #expect(loaded.indicator("KSPER-2").polarity == .negative)
    }

    @Test("the bundled targets and realisations load cleanly against the seed: January-October 2026 and the year's targets")
    func bundled() {
        var (catalogue, _) = Bundled.organised()
        var store = RealisationStore(indicatorCount: catalogue.indicators.count)
        #expect(store.load(path: Bundled.targetsPath, catalogue: &catalogue).map(\.description) == [])
        #expect(store.load(path: Bundled.realisationsPath, catalogue: &catalogue).map(\.description) == [])
        #expect(reportedPeriods(store) == (1...10).map { Period.month(2026, $0) })
        #expect(store.latestPeriod == .month(2026, 10))
        // Every indicator has at least one realisation, and some months are missing.
        var reported = Set<Int>(), blankMonths = 0
        store.forEachRow { indicator, period, isReported, hasTarget in
            if isReported { reported.insert(indicator) } else if !hasTarget && period.granularity == .month { blankMonths += 1 }
        }
        #expect(reported.count == catalogue.indicators.count)
        #expect(blankMonths > 0)
        #expect(catalogue.indicator(code: "PKAN-1")?.consolidation == .average)
    }

    @Test("the latest period prefers a month to the quarter ending with it")
    func latestPeriod() throws {
        var loaded = Loaded()
        #expect(try loaded.load("code,period,value\nKSPER-2,2026-Q3,5\nBGAJ-1,2026-09,1\nBGAJ-1,2026-08,1\n") == [])
        #expect(loaded.store.latestPeriod == .month(2026, 9))
        #expect(reportedPeriods(loaded.store).map(\.description) == ["2026-08", "2026-09", "2026-Q3"])
    }
}

/// Periods with at least one reported row, ascending.
private func reportedPeriods(_ store: RealisationStore) -> [Period] {
    var periods = Set<Period>()
    store.forEachRow { _, period, isReported, _ in if isReported { periods.insert(period) } }
    return periods.sorted()
}
