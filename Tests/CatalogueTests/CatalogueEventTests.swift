import Testing
@testable import Catalogue

/// The seam a second catalogue format plugs into: a reader that hands `CatalogueBuilder` the same
/// events as the text reader gets the same catalogue, codes, organisation and diagnostics.
@Suite("Catalogue builder: events from any reader")
struct CatalogueEventTests {
    /// A stand-in for another format's reader: paragraphs and table rows as Strings.
    enum Part {
        case heading, title(String), tasks, functions, item(String), header, row([String]), text(String)
    }

    static func read(_ parts: [Part], into builder: inout CatalogueBuilder) {
        func bytes<R>(_ text: String, _ body: (Text.Bytes) -> R) -> R {
            var text = text
            return text.withUTF8(body)
        }
        for (i, part) in parts.enumerated() {
            let line = i + 1
            switch part {
            case .heading: builder.consume(.block(line: line))
            case .title(let title): bytes(title) { builder.consume(.title($0, line: line, column: 1)) }
            case .tasks: builder.consume(.list(.tasks, line: line))
            case .functions: builder.consume(.list(.functions, line: line))
            case .item(let text): bytes(text) { builder.consume(.listText($0, newEntry: true)) }
            case .header: builder.consume(.tableHeader(line: line))
            case .row(let cells):
                // Each cell's bytes must outlive the event: keep the Strings' arrays alive meanwhile.
                let arrays = cells.map { Array($0.utf8) }
                var column = 1
                var built: [CatalogueCell] = []
                func next(_ k: Int) {
                    guard k < arrays.count else { builder.consume(.row(built, line: line)); return }
                    arrays[k].withUnsafeBufferPointer { buffer in
                        built.append(CatalogueCell(text: buffer, column: column))
                        column += cells[k].count + 1
                        next(k + 1)
                    }
                }
                next(0)
            case .text(let text): builder.consume(.loose(text, line: line))
            }
        }
    }

    @Test("a document given as events builds the catalogue the text reader builds: positions, formulas, codes, units")
    func sameAsText() {
        let parts: [Part] = [
            .heading, .title("KEPALA SEKSI PERMODALAN"),
            .tasks, .item("Menyusun rencana kegiatan."),
            .item("Melaksanakan tugas lain yang diberikan oleh Kepala Bidang Bina Fasilitasi Pembiayaan sesuai dengan bidang tugasnya."),
            .functions, .header,
            .row(["1. Meningkatnya permodalan", "Persentase koperasi yang difasilitasi",
                  #"$\frac{\text{Jumlah koperasi yang difasilitasi}}{\text{Jumlah koperasi}} \times 100\%$"#, "Data fasilitasi"]),
            .row(["", "Jumlah laporan", "Laporan yang disusun sebanyak 12 dokumen", "Data laporan"]),
            .heading, .title("KEPALA BIDANG BINA FASILITASI PEMBIAYAAN"),
            .tasks, .item("Melaksanakan tugas lain yang diberikan oleh Kepala Dinas sesuai dengan bidang tugasnya."),
            .header, .row(["Meningkatnya pembiayaan", "Jumlah koperasi dibiayai", "Jumlah koperasi dibiayai", "Data"]),
            .text("KEPALA DINAS"), .text("KOPERASI DAN USAHA MIKRO"), .text("KABUPATEN MALANG"),
            .text("Dra. MADE DEWI ANGGRAENI, M.Si"), .text("Pembina Utama Muda"), .text("NIP. 19590531 198603 2 004"),
        ]
        let (fromEvents, diagnostics) = Catalogue.assemble(file: "events", indexingCodes: true) { Self.read(parts, into: &$0) }
        #expect(diagnostics.map(\.description) == [])
        let text = block("KEPALA SEKSI PERMODALAN", superior: "Kepala Bidang Bina Fasilitasi Pembiayaan", tasks: ["Menyusun rencana kegiatan."], rows: [
            #"1. Meningkatnya permodalan⇥Persentase koperasi yang difasilitasi⇥$\frac{\text{Jumlah koperasi yang difasilitasi}}{\text{Jumlah koperasi}} \times 100\%$⇥Data fasilitasi"#,
            "⇥Jumlah laporan⇥Laporan yang disusun sebanyak 12 dokumen⇥Data laporan",
        ]) + block("KEPALA BIDANG BINA FASILITASI PEMBIAYAAN", tasks: [], rows: [
            "Meningkatnya pembiayaan⇥Jumlah koperasi dibiayai⇥Jumlah koperasi dibiayai⇥Data",
        ]) + signature
        let (fromText, textDiagnostics) = Catalogue.read(tabs(text), file: "text")
        #expect(textDiagnostics.map(\.description) == [])
        #expect(fromEvents.positions.map(\.title) == fromText.positions.map(\.title))
        #expect(fromEvents.positions.map(\.tasks) == fromText.positions.map(\.tasks))
        #expect(fromEvents.positions.map(\.functions) == fromText.positions.map(\.functions))
        #expect(fromEvents.indicators.map(\.code) == ["KSPER-1", "KSPER-2", "KBBFPEM-1"])
        #expect(fromEvents.indicators.map(\.code) == fromText.indicators.map(\.code))
        #expect(fromEvents.indicators.map(\.objective) == fromText.indicators.map(\.objective))
        #expect(fromEvents.indicators.map(\.formula) == fromText.indicators.map(\.formula))
        #expect(fromEvents.organisation.units == fromText.organisation.units)
        #expect(fromEvents.positions.map(\.unit) == fromText.positions.map(\.unit))
        #expect(fromEvents.metadata == fromText.metadata)
        #expect(fromEvents.indicator(code: "ksper-2")?.formula.yearlyTarget == 12)
    }

    @Test("the builder's checks hold for any reader: a list outside a block is refused, a block without a title is an error")
    func checks() {
        var builder = CatalogueBuilder(file: "events")
        let outside = builder.consume(.list(.tasks, line: 1))
        builder.consume(.block(line: 2))
        let inside = builder.consume(.tableHeader(line: 3))
        #expect(!outside && inside)
        let (catalogue, diagnostics) = builder.finish()
        #expect(catalogue.positions.map(\.title) == ["(untitled position at line 2)"])
        #expect(diagnostics.map(\.id) == ["outside-position-block", "position-without-jabatan", "position-without-indicators", "no-signature"])
    }
}
