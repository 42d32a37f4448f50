import Testing
@testable import Base
@testable import Catalogue

/// The per-text and per-pair caches of loading: a text's value made once and found again byte for
/// byte, a merged text shared with its first copy, a pair's answer remembered, however many.
@Suite("Loading: texts and word pairs remembered")
struct TextTableTests {
    @Test("a text's value is made the first time only; texts differing in a byte, or only in code points, are other keys")
    func valueMadeOnce() {
        var table = TextTable<Int>()
        var made = 0
        let texts = (0..<2_000).map { "Menyusun laporan kegiatan seksi \($0 % 700)" } + ["", "é", "e\u{301}", "É"]
        for text in texts {
            let value = table.value(of: text) { made += 1; return made }
            #expect(table.value(of: text) { Issue.record("made again: \(text)"); return -1 } == value)
        }
        #expect(made == 700 + 4)
        #expect(table.count == 704)
        #expect(table.value(of: "Menyusun laporan kegiatan seksi 7") { -1 } != table.value(of: "Menyusun laporan kegiatan seksi 70") { -1 })
    }

    @Test("a kept text is the String met first, equal byte for byte to the one asked for")
    func keptIsTheFirst() {
        var table = TextTable<Void>()
        let first = String(repeating: "Melaksanakan tugas kedinasan lain ", count: 2)
        #expect(table.kept(first) == first)
        let again = String(first.utf8.map { Character(UnicodeScalar($0)) })
        var kept = table.kept(again)
        var original = first
        #expect(kept.withUTF8 { k in original.withUTF8 { o in k.baseAddress == o.baseAddress } })
        #expect(table.kept("e\u{301}") == "e\u{301}" && table.kept("é").utf8.count == 2)
    }

    @Test("a pair's answer is found again, each pair its own (the order of its numbers counts), past many pairs")
    func pairsRemembered() {
        var memo = PairMemo()
        for a in Int32(0)..<100 {
            for b in Int32(0)..<50 {
                let (known, slot) = memo.find(a, b)
                #expect(known == nil)
                memo.add(a, b, (a + 2 * b) % 3 == 0, slot: slot)
            }
        }
        for a in Int32(0)..<100 { for b in Int32(0)..<50 { #expect(memo.find(a, b).answer == ((a + 2 * b) % 3 == 0)) } }
        #expect(memo.find(50, 100).answer == nil && memo.find(Int32.max, 0).answer == nil)
    }
}
