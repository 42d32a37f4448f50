import Testing
@testable import Base
@testable import Catalogue

/// Edit distances on bytes (ASCII) agree with those on Characters, and stop at their limit.
@Suite("Edit distance")
struct NearestTests {
    @Test("distance: the same on ASCII bytes as on Characters")
    func distance() {
        let pairs = [("kitten", "sitting"), ("", "abc"), ("abc", ""), ("Restruturasi", "restrukturisasi"), ("flaw", "lawn")]
        for (a, b) in pairs {
            #expect(Nearest.distance(a, b) == Nearest.distance(Array(a), Array(b), limit: .max))
        }
        #expect(Nearest.distance("kitten", "sitting") == 3)
        #expect(Nearest.distance("mañana", "manana") == 1)
        #expect(Nearest.distance("a\r\nb", "ab") == 1)
    }

    @Test("distance(limit:): nil beyond the limit, found within it")
    func limited() {
        let a = Array("pembiayaan".utf8), b = Array("pembiyaan".utf8)
        #expect(a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { Nearest.distance(x, $0, limit: 1) } } == 1)
        #expect(Nearest.distance(Array("kitten"), Array("sitting"), limit: 2) == nil)
        #expect(Nearest.distance(Array("abc"), Array("abcdef"), limit: 2) == nil)
    }

    @Test("similarWords: typos and truncations of five letters or more")
    func similar() {
        #expect(Nearest.similarWords("restrukturasi", "restrukturisasi"))
        #expect(Nearest.similarWords("koperasi", "kopersai"))
        #expect(Nearest.similarWords("pembiyaan", "pembiayaan"))
        #expect(Nearest.similarWords("fasilitas", "fasilitasi"))
        #expect(Nearest.similarWords("sumber", "sumberdaya"))
        #expect(!Nearest.similarWords("data", "dana"))
        #expect(!Nearest.similarWords("modal", "mobil"))
        #expect(!Nearest.similarWords("restruturasi", "restrukturisasi"))
        #expect(Nearest.similarWords("pemasarán", "pemasaran"))
    }
}

/// `Nearest.names` costs in proportion to what it compares, not to the word it is given.
@Suite("Did you mean: bounded")
struct NearestBoundedTests {
    @Test("a megabyte word gets no suggestion, even with always")
    func megabyte() {
        let word = String(repeating: "pembiayaan ", count: 100_000)
        let units = ["Fasilitasi Pembiayaan", "Sekretariat", "Kelembagaan", "Pemberdayaan Usaha Mikro"]
        #expect(Nearest.names(to: word, in: units).isEmpty)
        #expect(Nearest.names(to: word, in: units, limit: units.count, always: true).isEmpty)
        #expect(Nearest.names(to: word, in: Array(repeating: "Sekretariat", count: 10_000), always: true).isEmpty)
    }

    @Test("the cut-offs: 64 characters, twice the longest candidate")
    func cutOffs() {
        let long = String(repeating: "a", count: 200)
        #expect(Nearest.names(to: String(long.prefix(65)), in: [long], always: true).isEmpty)
        #expect(Nearest.names(to: String(long.prefix(64)), in: [long], always: true) == [long])
        #expect(Nearest.names(to: "abcdefg", in: ["abc"], always: true).isEmpty)
        #expect(Nearest.names(to: "abcdef", in: ["abc"], always: true) == ["abc"])
    }

    @Test("the same suggestions as comparing every candidate in full")
    func sameAsFull() {
        func full(_ word: String, _ candidates: [String], limit: Int, always: Bool) -> [String] {
            let w = word.lowercased()
            // The cut-offs, then every candidate in full, as `names` did before it was bounded.
            if w.count > 64 || w.count > 2 * (candidates.map(\.count).max() ?? 0) { return [] }
            let scored = candidates.enumerated().map { (offset, name) -> (Int, Int, String) in
                let n = name.lowercased()
                var d = Nearest.distance(w, n)
                if !w.isEmpty && (n.contains(w) || w.contains(n)) { d = min(d, max(1, abs(n.count - w.count) / 2)) }
                return (d, offset, name)
            }
            let threshold = max(2, w.count / 2)
            var seen = Set<String>()
            return scored.filter { always || $0.0 <= threshold }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
                .filter { seen.insert($0.2).inserted }.prefix(limit).map(\.2)
        }
        let words = ["", "a", "ab", "abc", "abd", "ba", "bab", "abab", "xyz", "Ab", "aé", "é", "abcab", "cabba"]
        var state: UInt64 = 7
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        for _ in 0..<3_000 {
            let candidates = (0..<(1 + next(40))).map { _ in words[next(words.count)] }
            let word = words[next(words.count)]
            for limit in [1, 3, 50] {
                for always in [false, true] {
                    #expect(Nearest.names(to: word, in: candidates, limit: limit, always: always)
                            == full(word, candidates, limit: limit, always: always), "\(word) in \(candidates)")
                }
            }
        }
        #expect(Nearest.names(to: "acheivement", in: ["realisation", "achievement", "target"]) == ["achievement"])
    }
}
