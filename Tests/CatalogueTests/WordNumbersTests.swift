import Testing
@testable import Base
@testable import Catalogue

/// The words organisation evidence compares, numbered straight from a text's bytes: the words
/// `Text.lowercasedWords` gives, without the joiners, each with one number wherever it is met.
@Suite("Organisation: a text's words numbered")
struct WordNumbersTests {
    @Test("a text's numbers are its lower-case words without 'dan', 'serta', 'bina', 'di', in order; a word met again keeps its number")
    func numbers() {
        var words = WordNumbers()
        let texts = [
            "Seksi Bina Usaha dan Koperasi", "Laporan KOPERASI di Desa serta Kota; DANA dinas", "A × B ÷ 3,5×10",
            "Mañana × 100 dan e\u{301}x", "dinas-DINAS 2026", "", "Di DAN Serta BINA", "indikator_kinerja (IKI)",
        ]
        for text in texts {
            let expected = Text.lowercasedWords(text).filter { !["dan", "serta", "bina", "di"].contains($0) }
            #expect(words.numbers(ofWordsIn: text).map { words.word($0) } == expected, "\(text.debugDescription)")
        }
        #expect(words.number(of: "koperasi") == words.numbers(ofWordsIn: "Koperasi").first)
        #expect(words.number(of: "tidak") == nil)
        let dinas = words.numbers(ofWordsIn: "dinas Dinas DINAS")
        #expect(Set(dinas).count == 1)
    }

    @Test("a word past ASCII is one word however its characters are written, as Strings compare; shown as first met")
    func unicode() {
        var words = WordNumbers()
        let composed = words.numbers(ofWordsIn: "Caf\u{E9} naik")
        let decomposed = words.numbers(ofWordsIn: "cafe\u{301} turun")
        #expect(composed[0] == decomposed[0])
        #expect(Array(words.word(composed[0]).utf8) == Array("caf\u{E9}".utf8))
        #expect(composed[1] != decomposed[1])
        // The ASCII words of a text with other characters are the ASCII texts' words.
        #expect(words.numbers(ofWordsIn: "naik é")[0] == composed[1])
    }

    @Test("thousands of words: the table grows and every word keeps its number")
    func growth() {
        var words = WordNumbers()
        let texts = (0..<5000).map { "kata\($0) X\($0 * 7)" }
        let first = texts.map { words.numbers(ofWordsIn: $0) }
        #expect(words.count == 10000)
        #expect(Set(first.joined()).count == 10000)
        #expect(texts.map { words.numbers(ofWordsIn: $0) } == first)
        #expect(words.word(first[4999][1]) == "x34993")
    }
}
