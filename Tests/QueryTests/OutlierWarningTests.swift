import Catalogue
import Testing
@testable import Query

/// The bundled catalogue with `csv` as its only realisations.
private func dataset(_ csv: String) -> Dataset {
    var (catalogue, _) = Bundled.organised()
    var store = RealisationStore(indicatorCount: catalogue.indicators.count)
    let problems = store.load(text: csv, file: "r.csv", catalogue: &catalogue)
    #expect(problems.isEmpty)
    return Dataset(catalogue: catalogue, realisations: store)
}

private func run(_ query: String, on data: Dataset, language: Language = .english) throws -> ResultSet {
    try Language.$current.withValue(language) {
        try Interpreter(dataset: data, period: nil).run(try Parser.parse(query)[0])
    }
}

private let outliers = dataset("""
code,period,value,target
KSPER-1,2026-10,24,2
SDIN-2,2026-10,250,100
KUPDBDMIK-1,2026-10,30,10
SDIN-3,2026-10,90,100
KSPPKEH-1,2026-10,50,10
""")

/// Issue 12 item 3: an average (or sum) of achievement pushed by rows above 200% warns at the
/// call, saying how many rows and which, and changes nothing in the result.
@Suite("Outlier warning on aggregates of achievement")
struct OutlierWarningTests {
    @Test("avg(achievement) over rows above 200%: the exact diagnostic, caret under the call, the first three codes and how many more")
    func average() throws {
        let query = "show indicators bidang, avg(achievement) as average group by bidang"
        let result = try run(query, on: outliers)
        #expect(result.warnings.map { $0.rendered(source: query) } == ["""
            <query>:1:25: warning: avg(achievement) includes 4 rows above 200%: KSPER-1, KSPPKEH-1, KUPDBDMIK-1 and 1 more; one outlier can move the result far
            show indicators bidang, avg(achievement) as average group by bidang
                                    ^~~~~~~~~~~~~~~~
                to see them: where achievement > 200%; to cap each at 100: set rules capped-100
            """])
        // The result is what it is without the warning: Fasilitasi Pembiayaan's one indicator at 1200%.
        #expect(result.rows.first { $0[0] == .text("Fasilitasi Pembiayaan") }?[1] == .number(1200))
    }

    @Test("sum of achievement warns too, in Bahasa Indonesia with the alias as written; min, max and count do not")
    func sumIndonesian() throws {
        let query = "tampilkan indikator jumlah(capaian), max(capaian), min(capaian), banyak(capaian) dimana kode in (SDIN-2, SDIN-3)"
        let result = try run(query, on: outliers, language: .indonesian)
        #expect(Language.$current.withValue(.indonesian) { result.warnings.map { $0.rendered(source: query) } } == ["""
            <query>:1:21: peringatan: jumlah(capaian) mencakup 1 baris di atas 200%: SDIN-2; satu pencilan dapat menggeser hasilnya jauh
            tampilkan indikator jumlah(capaian), max(capaian), min(capaian), banyak(capaian) dimana kode in (SDIN-2, SDIN-3)
                                ^~~~~~~~~~~~~~~
                untuk melihatnya: dimana capaian > 200%; untuk membatasi tiap capaian pada 100: set rules capped-100
            """])
        #expect(result.rows == [[.number(340), .number(250), .number(90), .number(2)]])
    }

    @Test("no warning at 200% or below, nor on the bundled data")
    func none() throws {
        let edge = dataset("code,period,value,target\nKSPER-1,2026-10,4,2\nSDIN-2,2026-10,200,100\n")
        #expect(try run("show indicators avg(achievement)", on: edge).warnings.isEmpty)
        #expect(try run("show indicators bidang, avg(achievement) group by bidang", on: Bundled.dataset).warnings.isEmpty)
    }

    @Test("rows of realisations are named with their period")
    func realisations() throws {
        let result = try run("show realisations avg(achievement)", on: outliers)
        #expect(result.warnings.map(\.message) == [
            "avg(achievement) includes 4 rows above 200%: KSPER-1 2026-10, KSPPKEH-1 2026-10, KUPDBDMIK-1 2026-10 and 1 more; one outlier can move the result far",
        ])
    }
}
