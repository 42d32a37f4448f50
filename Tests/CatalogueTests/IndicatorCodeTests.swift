import Foundation
import Testing
@testable import Catalogue

/// The seed split into its position blocks (each from its heading to the next), with the text
/// before the first block and the signature after the last.
private struct SeedBlocks {
    var head: [String]
    var blocks: [[String]]
    var tail: [String]

    init() throws {
        let lines = try Bundled.text().components(separatedBy: "\n")
        let starts = lines.indices.filter { lines[$0] == "INDIKATOR KINERJA INDIVIDU" }
        let signature = try #require(lines.firstIndex(of: "KEPALA DINAS"))
        head = Array(lines[..<starts[0]])
        blocks = starts.indices.map { i in Array(lines[starts[i]..<(i + 1 < starts.count ? starts[i + 1] : signature)]) }
        tail = Array(lines[signature...])
    }

    func text(_ blocks: [[String]]) -> String { (head + blocks.flatMap { $0 } + tail).joined(separator: "\n") }
}

/// Title -> the codes of its indicators, in order.
private func codes(_ catalogue: Catalogue) -> [String: [String]] {
    var result: [String: [String]] = [:]
    for position in catalogue.positions {
        result[position.title] = position.indicatorIndices.map { catalogue.indicators[$0].code }
    }
    return result
}

@Suite("Indicator codes: short, derived from the position, stable")
struct IndicatorCodeTests {
    @Test("a position code is the initials of its title's words (small words left out, at most six) and the first three letters of the last word")
    func positionCodes() {
        #expect(IndicatorCodes.positionCode(title: "SEKRETARIS DINAS") == "SDIN")
        #expect(IndicatorCodes.positionCode(title: "KEPALA SEKSI PERMODALAN") == "KSPER")
        #expect(IndicatorCodes.positionCode(title: "KEPALA SUB BAGIAN PERENCANAAN, EVALUASI DAN PELAPORAN") == "KSBPEPEL")
        #expect(IndicatorCodes.positionCode(title: "BENDAHARA GAJI") == "BGAJ")
        #expect(IndicatorCodes.positionCode(title: "PENGEMUDI") == "PEN")
        #expect(IndicatorCodes.positionCode(title: "pramu  kantor") == "PKAN")
        // At most six initials: the seventh word's initial is dropped.
        #expect(IndicatorCodes.positionCode(title: "KEPALA SEKSI PENGEMBANGAN SUMBER DAYA MANUSIA KOPERASI DAN INFORMASI BISNIS") == "KSPSDMBIS")
        #expect(IndicatorCodes.positionCode(title: "") == "P")
    }

    @Test("an indicator's code is its position's code and its place among the position's indicators")
    func indicatorCodes() {
        let (c, _) = Bundled.catalogue()
        #expect(c.indicators.prefix(4).map(\.code) == ["SDIN-1", "SDIN-2", "SDIN-3", "KBBKPKOP-1"])
        #expect(c.indicators.allSatisfy { $0.code == "\(c.positions[$0.positionIndex].code)-\($0.ordinal)" })
        #expect(Set(c.indicators.map(\.code)).count == 75)
        #expect(Set(c.positions.map(\.code)).count == 54)
    }

    @Test("codes are looked up case-insensitively, as analysts type them")
    func lookup() {
        let (c, _) = Bundled.catalogue()
        #expect(c.indicator(code: "BGAJ-2")?.code == "BGAJ-2")
        #expect(c.indicator(code: "Sdin-1")?.code == "SDIN-1")
        #expect(c.indicator(code: "BGAJ-9") == nil)
    }

    @Test("a collision: the first title in the document keeps the code, a later one gets two letters from an FNV-1a hash of its own title")
    func collisionSuffix() {
        let (c, _) = Bundled.catalogue()
        let pembina = c.positions.first { $0.title == "PEMBINA KEGIATAN USAHA SIMPAN PINJAM KOPERASI" }!
        let penilai = c.positions.first { $0.title == "PENILAI KESEHATAN USAHA SIMPAN PINJAM KOPERASI" }!
        #expect(IndicatorCodes.positionCode(title: penilai.title) == "PKUSPKOP")
        #expect(pembina.code == "PKUSPKOP")
        #expect(penilai.code == "PKUSPKOPKI")
        // The documented hash: 32-bit FNV-1a of the upper-cased title, letters hash % 26 and (hash / 26) % 26.
        var hash: UInt32 = 2_166_136_261
        for byte in penilai.title.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        #expect(IndicatorCodes.suffix(title: penilai.title) == String([letters[Int(hash % 26)], letters[Int((hash / 26) % 26)]]))
        #expect(IndicatorCodes.suffix(title: penilai.title) == "KI")
        #expect(IndicatorCodes.suffix(title: "penilai  kesehatan usaha simpan pinjam koperasi") == "KI")
    }

    @Test("identical titles: the second gets the hash letters, the third a running number as well")
    func identicalTitles() {
        let suffix = IndicatorCodes.suffix(title: "PRAMU KANTOR")
        // Three positions of one title, each with its own tasks (a block repeated word for word loads once).
        let blocks = ["Mengantar surat.", "Menjaga kebersihan.", "Menyiapkan ruang rapat."].map { block("PRAMU KANTOR", tasks: [$0]) }
        let (c, diagnostics) = parse(blocks.joined() + signature)
        #expect(diagnostics == [])
        #expect(c.positions.map(\.code) == ["PKAN", "PKAN" + suffix, "PKAN" + suffix + "2"])
        #expect(c.indicators.map(\.code) == ["PKAN-1", "PKAN\(suffix)-1", "PKAN\(suffix)2-1"])
    }

    @Test("removing any position that does not share its position code leaves every other code unchanged")
    func removal() throws {
        let seed = try SeedBlocks()
        #expect(seed.blocks.count == 54)
        let original = codes(Catalogue.read(seed.text(seed.blocks), file: "seed.txt").0)
        let (full, _) = Catalogue.read(seed.text(seed.blocks), file: "seed.txt")
        let shared = Dictionary(grouping: full.positions.map(\.title), by: { IndicatorCodes.positionCode(title: $0) }).filter { $0.value.count > 1 }
        #expect(shared.keys.sorted() == ["PKUSPKOP"])
        var removed = 0
        for i in seed.blocks.indices {
            let title = full.positions[i].title
            guard shared[IndicatorCodes.positionCode(title: title)] == nil else { continue }
            var blocks = seed.blocks
            blocks.remove(at: i)
            let (catalogue, diagnostics) = Catalogue.read(seed.text(blocks), file: "seed.txt")
            #expect(diagnostics.isEmpty)
            var expected = original
            expected[title] = nil
            #expect(codes(catalogue) == expected, "after removing \(title)")
            removed += 1
        }
        #expect(removed == 52)
    }

    @Test("inserting a position before, between or after the others leaves every other code unchanged")
    func insertion() throws {
        let seed = try SeedBlocks()
        let original = codes(Catalogue.read(seed.text(seed.blocks), file: "seed.txt").0)
        let newBlock = tabs(block("PENGELOLA ARSIP DIGITAL", rows: [
            "Meningkatnya tertib arsip⇥Jumlah arsip yang didigitalkan⇥Jumlah arsip⇥Data arsip",
            "⇥Jumlah layanan arsip⇥Jumlah layanan⇥Data layanan",
        ])).components(separatedBy: "\n")
        for at in [0, 1, 27, 54] {
            var blocks = seed.blocks
            blocks.insert(newBlock, at: at)
            let (catalogue, diagnostics) = Catalogue.read(seed.text(blocks), file: "seed.txt")
            #expect(diagnostics.isEmpty)
            var expected = original
            expected["PENGELOLA ARSIP DIGITAL"] = ["PADIG-1", "PADIG-2"]
            #expect(codes(catalogue) == expected, "inserted at \(at)")
        }
    }

    @Test("a later position that collides with an existing code gets the suffix, and the existing codes stay")
    func collidingInsertion() throws {
        let seed = try SeedBlocks()
        let original = codes(Catalogue.read(seed.text(seed.blocks), file: "seed.txt").0)
        let title = "PENGAWAS KEUANGAN USAHA SIMPAN PINJAM KOPERASI"
        #expect(IndicatorCodes.positionCode(title: title) == "PKUSPKOP")
        var blocks = seed.blocks
        blocks.append(tabs(block(title)).components(separatedBy: "\n"))
        let (catalogue, _) = Catalogue.read(seed.text(blocks), file: "seed.txt")
        var expected = original
        expected[title] = ["PKUSPKOP\(IndicatorCodes.suffix(title: title))-1"]
        #expect(codes(catalogue) == expected)
    }
}
