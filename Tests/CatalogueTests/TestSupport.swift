import Foundation
import Testing
@testable import Catalogue
// The bundled data (`Bundled`), the package root, Python's csv module, csv-spectrum and temporary
// files, shared with the other test targets, for every file of this one.
@_exported import TestSupport

/// Fixtures write a tab as `⇥` (one character, so columns count the same) to keep cells visible.
func tabs(_ text: String) -> String { text.replacingOccurrences(of: "⇥", with: "\t") }

/// A closing signature block, so that small catalogues parse without the "no signature" warning.
let signature = """

KEPALA DINAS
KOPERASI DAN USAHA MIKRO
KABUPATEN MALANG

Dra. MADE DEWI ANGGRAENI, M.Si
Pembina Utama Muda
NIP. 19590531 198603 2 004
"""

/// Parses a small catalogue written in a test (with `⇥` for tabs); diagnostics rendered.
func parse(_ text: String, file: String = "f.txt") -> (Catalogue, [String]) {
    let (catalogue, diagnostics) = Catalogue.read(tabs(text), file: file)
    return (catalogue, diagnostics.map(\.description))
}

/// One position block in the seed's layout: heading, title, tasks (the last names the superior),
/// no functions, and a table with the given rows (cells separated by `⇥`).
func block(_ title: String, superior: String? = "Kepala Dinas", tasks: [String] = ["Melaksanakan tugas pokok."],
           rows: [String] = ["Meningkatnya kinerja⇥Jumlah laporan yang disusun⇥Jumlah laporan yang disusun⇥Data laporan"]) -> String {
    var lines = ["INDIKATOR KINERJA INDIVIDU", "", "1. JABATAN : \(title)", "2. TUGAS :"]
    var all = tasks
    if let superior { all.append("Melaksanakan tugas lain yang diberikan oleh \(superior) sesuai dengan bidang tugasnya.") }
    for (i, task) in all.enumerated() {
        lines.append(" - \(Character(UnicodeScalar(UInt8(ascii: "a") + UInt8(i)))). \(task)")
    }
    lines += ["3. FUNGSI : -", "", "SASARAN STRATEGIS⇥INDIKATOR KINERJA⇥PENJELASAN/FORMULASI PENGHITUNGAN⇥SUMBER DATA"]
    lines += rows
    lines.append("")
    return lines.joined(separator: "\n") + "\n"
}

/// A small catalogue used by the realisation and achievement tests:
///   KSPER-1  ratio  (LaTeX formula)
///   KSPER-2  count  (no stated target)
///   BGAJ-1   count  "sebanyak 120 dokumen" (a yearly target in the catalogue)
///   BGAJ-2   ratio  (underlined numerator)
func smallCatalogue() -> Catalogue {
    let text = block("KEPALA SEKSI PERMODALAN", superior: "Kepala Bidang Bina Fasilitasi Pembiayaan", rows: [
        #"1. Meningkatnya permodalan⇥Persentase koperasi yang difasilitasi⇥$\frac{\text{Jumlah koperasi yang difasilitasi}}{\text{Jumlah koperasi}} \times 100\%$⇥Data fasilitasi"#,
        "⇥Jumlah koperasi yang menerima modal⇥Jumlah koperasi yang menerima modal⇥Data modal",
    ]) + "\n" + block("BENDAHARA GAJI", superior: "Kasubag Keuangan dan Aset", rows: [
        "Meningkatnya tertib administrasi penggajian⇥Jumlah daftar gaji⇥Daftar gaji yang dibuat sebanyak 120 dokumen⇥Data gaji",
        "⇥Persentase gaji tepat waktu⇥Jumlah gaji yang dibayar <u>tepat waktu</u> x 100% Jumlah gaji yang dibayar⇥Data gaji",
    ]) + signature
    let (catalogue, diagnostics) = Catalogue.read(tabs(text), file: "small.txt")
    if !diagnostics.isEmpty { Issue.record("the small catalogue must parse cleanly: \(diagnostics)") }
    let codes = catalogue.indicators.map(\.code)
    if codes != ["KSPER-1", "KSPER-2", "BGAJ-1", "BGAJ-2"] { Issue.record("the small catalogue's codes changed: \(codes)") }
    return catalogue
}

/// The small catalogue and a store to load realisation files written in a test.
struct Loaded {
    var catalogue = smallCatalogue()
    var store: RealisationStore

    init() { store = RealisationStore(indicatorCount: catalogue.indicators.count) }

    /// Loads CSV text as file `file`; returns the rendered diagnostics.
    mutating func load(_ csv: String, file: String = "r.csv", format: NumberFormat = NumberFormat()) throws -> [String] {
        store.load(text: csv, file: file, catalogue: &catalogue, format: format).map(\.description)
    }

    func rows(_ code: String) -> [Realisation] {
        guard let index = catalogue.indicators.firstIndex(where: { $0.code == code }) else { return [] }
        return store.rows(of: index)
    }

    func indicator(_ code: String) -> Indicator { catalogue.indicator(code: code)! }
}
