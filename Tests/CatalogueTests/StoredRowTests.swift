import Testing
@testable import Catalogue

/// How a row is kept: 24 bytes, its numbers (only those present) in the store's pool. Whatever
/// mix of numbers rows have, each reads back exactly what its file gave, absent ones as nil.
@Suite("Stored rows: compact, numbers only where present")
struct StoredRowTests {
    @Test("a row is 24 bytes, whatever numbers it has")
    func size() {
        #expect(MemoryLayout<StoredRow>.stride == 24)
    }

    @Test("each mix of value, numerator, denominator and target reads back as given; the pool holds only those present")
    func numbersWherePresent() throws {
        var loaded = Loaded()
        #expect(try loaded.load("""
            code,period,value,numerator,denominator,target
            KSPER-1,2026-01,,3,4,
            KSPER-1,2026-02,75,3,4,80
            KSPER-1,2026-03,,,,
            KSPER-1,2026,,,,90
            KSPER-2,2026-01,0.5,,,
            KSPER-2,2026-02,,,,7
            KSPER-2,2026-03,-2,,,1e300
            """) == [])
        let ratio = loaded.rows("KSPER-1").map { [$0.value, $0.numerator, $0.denominator, $0.target] }
        #expect(ratio == [[nil, 3, 4, nil], [75, 3, 4, 80], [nil, nil, nil, nil], [nil, nil, nil, 90]])
        let count = loaded.rows("KSPER-2").map { [$0.value, $0.numerator, $0.denominator, $0.target] }
        #expect(count == [[0.5, nil, nil, nil], [nil, nil, nil, 7], [-2, nil, nil, 1e300]])
        #expect(loaded.store.numbers == [3, 4, 75, 3, 4, 80, 90, 0.5, 7, -2, 1e300])
    }

    @Test("rows refused in a file leave no numbers behind: the next row's numbers are its own")
    func refusedRowsLeaveNoNumbers() throws {
        var loaded = Loaded()
        let got = try loaded.load("code,period,value,target\nKSPER-2,2026-01,1,2\nKSPER-2,2026-01,5,6\nKSPER-2,2026-02,,8\n")
        #expect(got.count == 1)
        #expect(loaded.rows("KSPER-2").map { [$0.value, $0.target] } == [[1, 2], [nil, 8]])
        #expect(loaded.store.numbers == [1, 2, 8])
    }

    @Test("a first file's rows and numbers are taken over, not copied; the store is the one copying would give")
    func firstFileTakenOver() throws {
        let csv = """
            code,period,value,numerator,denominator,target,note
            KSPER-2,2026-01,1,,,2,first
            KSPER-2,2026-01,5,,,6,a second row: refused
            KSPER-1,2026-01,,3,4,80-90,
            KSPER-2,2026-02,,,,8,first
            KSPER-2,2026-03,7,,,,
            """
        var taken = Loaded(), copied = Loaded()
        var file = RealisationFile.read(text: csv, file: "r.csv", catalogue: taken.catalogue, format: NumberFormat())
        let pooled = file.numbers.count
        let takenProblems = taken.store.add(&file, to: &taken.catalogue).map(\.description)
        #expect(file.rows.isEmpty && file.numbers.isEmpty, "the store holds the file's own arrays")
        #expect(try copied.load("code,period,value\nBGAJ-1,2025-12,9\n", file: "before.csv") == [])
        #expect(try copied.load(csv) == takenProblems)
        #expect(takenProblems.count == 1)
        // The refused row's numbers are gone from the pool, as when copying.
        #expect(taken.store.numbers.count == pooled - 2)
        #expect(Array(copied.store.numbers.dropFirst()) == Array(taken.store.numbers))
        for code in ["KSPER-1", "KSPER-2"] {
            let describe = { (r: Realisation) in "\(r.period) \([r.value, r.numerator, r.denominator, r.target]) \(r.note) \(r.location)" }
            #expect(taken.rows(code).map(describe) == copied.rows(code).map(describe))
        }
        #expect(taken.store.targetUppers == [1: 90] && copied.store.targetUppers == [2: 90])
        // A second file appends after the rows taken over.
        #expect(try taken.load("code,period,value\nKSPER-2,2026-03,1\nKSPER-2,2026-04,4\n", file: "s.csv")
                    == ["s.csv:2:9: error: second row for KSPER-2 in 2026-03; the first is at r.csv:6"])
        #expect(taken.rows("KSPER-2").map(\.value) == [1, nil, 7, 4])
    }

    @Test("a first file is copied when the store has room reserved for many files, so their rows do not regrow its arrays")
    func reservedRoomKept() throws {
        var loaded = Loaded()
        loaded.store.reserveCapacity(rows: 1_000)
        var file = RealisationFile.read(text: "code,period,value\nKSPER-2,2026-01,1\n", file: "r.csv", catalogue: loaded.catalogue, format: NumberFormat())
        #expect(loaded.store.add(&file, to: &loaded.catalogue).isEmpty)
        #expect(file.rows.count == 1 && loaded.store.stored.capacity >= 1_000)
        #expect(loaded.rows("KSPER-2").map(\.value) == [1])
    }
}
