import Catalogue
import Testing
@testable import Query

/// The `field | value` pairs of a card.
private func card(_ result: ResultSet) -> [String] { lines(result) }

@Suite("describe: fields of a thing, the card of an indicator or a position")
struct DescribeTests {
    @Test("describe indicators: every field with its type, aliases and meaning")
    func describeIndicators() throws {
        let result = try run("describe indicators")
        #expect(columnNames(result) == ["field", "type", "alias", "meaning"])
        #expect(result.rows.map { cell($0[0]) } == Schema.fields(.indicators).map(\.name))
        #expect(Array(lines(result).prefix(4)) == [
            "code | text | kode | the indicator's code, e.g. SDIN-1",
            "indicator | text | indikator | the indicator's name (indikator kinerja)",
            "position | text | jabatan | the position (jabatan) it belongs to",
            "unit | unit |  | the unit the position belongs to (short name; compares by the unit matching rule)",
        ])
        #expect(lines(result).contains("achievement | percent | capaian | capaian: realisation / target x 100 (or 2 - r/t for negative polarity); missing when the state is not reported, not-computable or not-applicable, and so left out of averages"))
        #expect(lines(result).contains("realisation | number | realisasi, realization | what was achieved in the period (percent for ratios)"))
    }

    @Test("describe works for every thing, in English or Indonesian", arguments: [
        ("describe positions", Thing.positions), ("describe units", .units), ("describe objectives", .objectives),
        ("describe realisations", .realisations), ("jelaskan jabatan", .positions), ("jelaskan sasaran", .objectives),
    ])
    func describeEveryThing(query: String, thing: Thing) throws {
        #expect(try run(query).rows.map { cell($0[0]) } == Schema.fields(thing).map(\.name))
    }

    @Test("describe indicator CODE: the whole card, with the current period's numbers")
    func describeIndicator() throws {
        let result = try run("describe indicator KSPER-1")
        #expect(columnNames(result) == ["field", "value"])
        let catalogue = Bundled.dataset.catalogue
        let line = catalogue.indicators[Bundled.index("KSPER-1")].location.line
        #expect(card(result) == [
            "code | KSPER-1",
            "indicator | Jumlah Koperasi yang diberikan bimbingan teknis manajemen usaha simpan pinjam sesuai dengan ketentuan",
            "position | KEPALA SEKSI PERMODALAN",
            "unit | Seksi Permodalan",
            "bidang | Bidang Bina Fasilitasi Pembiayaan",
            "objective | Meningkatnya Dukungan Informasi Penyediaan Permodalan",
            "kind | count",
            "formula | Jumlah Koperasi yang diberikan bimbingan teknis manajemen usaha simpan pinjam sesuai dengan ketentuan",
            "source | Data Koperasi yang diberikan bimbingan teknis manajemen usaha simpan pinjam sesuai dengan ketentuan",
            "polarity | positive",
            "consolidation | sum",
            "defined at | \(Bundled.path("catalogue.txt")):\(line)",
            "period | 2026-10",
            "target | 3",
            "target source | 2026 × 1/12",
            "realisation | 3",
            "achievement | 100%",
            "category | Sangat Baik",
        ])
        // The code in quotes, in lower case, or in Indonesian: the same card.
        #expect(try run(#"describe indicator "ksper-1""#).rows == result.rows)
        #expect(try run("jelaskan indikator KSPER-1").rows == result.rows)
    }

    @Test("a ratio's card names its numerator and denominator")
    func describeRatio() throws {
        let result = card(try run("describe indicator SDIN-1"))
        #expect(result.contains { $0.hasPrefix("numerator | ") })
        #expect(result.contains { $0.hasPrefix("denominator | ") })
        #expect(result.contains("kind | ratio"))
        #expect(result.contains("achievement | 62.7%"))
    }

    @Test("describe position: by title (any case) or code; tasks, functions, then each indicator")
    func describePosition() throws {
        let result = try run(#"describe position "kepala seksi permodalan""#)
        #expect(card(result) == [
            "position | KEPALA SEKSI PERMODALAN",
            "code | KSPER",
            "unit | Seksi Permodalan",
            "bidang | Bidang Bina Fasilitasi Pembiayaan",
            "superior | KEPALA BIDANG BINA FASILITASI PEMBIAYAAN",
            "subordinates | 1",
            "superior named | Kepala Bidang Bina Fasilitasi Pembiayaan",
            "task a | Menyusun pedoman dan petunjuk teknis pengembangan permodalan bagi Usaha Simpan Pinjam Koperasi dan Usaha Mikro;",
            "task b | Melakukan pembinaan dan motivasi pembentukan modal sendiri maupun modal luar terhadap kegiatan Usaha Simpan Pinjam Koperasi dan Usaha Mikro;",
            "task c | Melakukan pembinaan dan fasilitasi terhadap perkuatan permodalan bagi Usaha Simpan Pinjam Koperasi dan Usaha Mikro melalui modal penyertaan Pemerintahan, anggota masyarakat dan badan usaha lainnya;",
            "task d | Melakukan pemantau, pengawasan dan evaluasi kegiatan Usaha Simpan Pinjam Koperasi dan Usaha Mikro;",
            "task e | Melaksanakan tugas lain yang diberikan oleh Kepala Bidang Bina Fasilitasi Pembiayaan sesuai dengan bidang tugasnya.",
            "KSPER-1 | Jumlah Koperasi yang diberikan bimbingan teknis manajemen usaha simpan pinjam sesuai dengan ketentuan",
            "  objective | Meningkatnya Dukungan Informasi Penyediaan Permodalan",
            "  formula | Jumlah Koperasi yang diberikan bimbingan teknis manajemen usaha simpan pinjam sesuai dengan ketentuan",
            "  source | Data Koperasi yang diberikan bimbingan teknis manajemen usaha simpan pinjam sesuai dengan ketentuan",
            "  achievement | 100% (Sangat Baik)",
        ])
        #expect(try run("describe position KSPER").rows == result.rows)
        #expect(try run(#"describe position "KEPALA  SEKSI  PERMODALAN""#).rows == result.rows)
    }

    @Test("a position with functions lists them after its tasks")
    func describePositionFunctions() throws {
        let result = card(try run(#"describe position "Sekretaris Dinas""#))
        #expect(result.filter { $0.hasPrefix("function ") }.count == 7)
        #expect(result.contains("function a | Perencanaan kegiatan kesekretariatan."))
        #expect(result.firstIndex { $0.hasPrefix("task b") }! < result.firstIndex { $0.hasPrefix("function a") }!)
        #expect(result.filter { $0.hasPrefix("SDIN-") }.count == 3)
    }

    @Test("describe errors: no such indicator, no such position, several positions, a thing that has no cards")
    func describeErrors() {
        #expect(failure("describe indicator SDIN-9") == """
            <query>:1:20: error: no indicator with code 'SDIN-9'
            describe indicator SDIN-9
                               ^~~~~~
                nearest: SDIN-1, SDIN-2, SDIN-3
            """)
        #expect(failure(#"describe position "Kepala Seksi Permodalann""#) == """
            <query>:1:19: error: no position 'Kepala Seksi Permodalann'
            describe position "Kepala Seksi Permodalann"
                              ^~~~~~~~~~~~~~~~~~~~~~~~~~
                nearest: KEPALA SEKSI PERMODALAN
            """)
        #expect(failure(#"describe position "zzz""#) == """
            <query>:1:19: error: no position 'zzz'
            describe position "zzz"
                              ^~~~~
                nearest: PENGEMUDI; PRAMU KANTOR; BAGIAN KASIR
            """)
        #expect(failure(#"describe position "pembina""#)?.hasPrefix("""
            <query>:1:19: error: 'pembina' matches
            """) == true)
        #expect(failure(#"describe units "Permodalan""#) == """
            <query>:1:10: error: describe takes one indicator or position; for units use show units where ...
            describe units "Permodalan"
                     ^~~~~
            """)
    }
}
