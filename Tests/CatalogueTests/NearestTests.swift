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
