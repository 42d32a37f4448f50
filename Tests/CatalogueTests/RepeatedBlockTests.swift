import Foundation
import Testing
@testable import Catalogue

/// A position block pasted twice word for word loads once, with a warning at the repeat naming the
/// first; a block with the same title and other content stays another position. The builder is
/// shared, so the text and Word readers both do it, each naming its own places.
@Suite("Catalogue: a block repeated word for word")
struct RepeatedBlockTests {
    static func block(_ indicator: String) -> String {
        """
        INDIKATOR KINERJA INDIVIDU
        1. JABATAN : BENDAHARA GAJI
        2. TUGAS : a. Menyusun daftar gaji.
        SASARAN STRATEGIS\tINDIKATOR KINERJA\tPENJELASAN/FORMULASI PENGHITUNGAN\tSUMBER DATA
        Meningkatnya tertib administrasi\t\(indicator)\tJumlah SPJ sebanyak 12 dokumen\tData SPJ

        """
    }

    @Test("text: the repeat is dropped with one warning at its title naming the first block's line")
    func text() {
        let (catalogue, diagnostics) = Catalogue.read(Self.block("Jumlah SPJ") + Self.block("Jumlah SPJ") + Self.block("Jumlah SPJ tepat waktu"), file: "k.txt")
        #expect(catalogue.positions.count == 2)
        #expect(catalogue.indicators.map(\.name) == ["Jumlah SPJ", "Jumlah SPJ tepat waktu"])
        // Indicators still point at their own positions.
        #expect(catalogue.indicators.map(\.positionIndex) == [0, 1])
        #expect(catalogue.positions[1].indicatorIndices == [1])
        let repeats = diagnostics.filter { $0.id == "repeated-block" }
        #expect(repeats.count == 1)
        #expect(repeats.first?.severity == .warning)
        #expect(repeats.first?.location?.line == 7)
        #expect(repeats.first?.message.contains("k.txt:2 ") == true)
    }

    @Test("a same-title block with other content is another position, as before, without the warning")
    func sameTitleOtherContent() {
        let (catalogue, diagnostics) = Catalogue.read(Self.block("Jumlah SPJ") + Self.block("Jumlah SPJ tepat waktu"), file: "k.txt")
        #expect(catalogue.positions.count == 2)
        #expect(Set(catalogue.positions.map(\.code)).count == 2)
        #expect(!diagnostics.contains { $0.id == "repeated-block" })
    }

    @Test("a repeat written with other code points for the same characters is the same block, as Strings compare texts")
    func sameCharacters() {
        let (catalogue, diagnostics) = Catalogue.read(Self.block("Jumlah SPJ caf\u{E9}") + Self.block("Jumlah SPJ cafe\u{301}"), file: "k.txt")
        #expect(catalogue.positions.count == 1)
        #expect(diagnostics.filter { $0.id == "repeated-block" }.count == 1)
    }

    @Test("Word: the warning names both places as paragraphs of the document")
    func word() {
        typealias W = WordCatalogueTests
        let block = W.heading + W.p(W.r("1. JABATAN : BENDAHARA GAJI")) + W.p(W.r("2. TUGAS : a. Menyusun daftar gaji."))
            + "<w:tbl>" + W.header + "<w:tr>" + [W.tc(W.p(W.r("Objektif"))), W.tc(W.p(W.r("Jumlah SPJ"))), W.tc(W.p(W.r("Jumlah SPJ sebanyak 12 dokumen"))), W.tc(W.p(W.r("Data SPJ")))].joined()
            + "</w:tr></w:tbl>"
        let (catalogue, diagnostics) = W.read(block + block + W.signature)
        #expect(catalogue.positions.count == 1 && catalogue.indicators.count == 1)
        let repeated = diagnostics.first { $0.id == "repeated-block" }
        #expect(repeated?.description.hasPrefix("d.docx: paragraph 5: warning: the block of 'BENDAHARA GAJI' repeats the one at d.docx: paragraph 2 word for word") == true)
    }
}
