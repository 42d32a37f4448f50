import Foundation
import Testing
@testable import Catalogue

/// The rules that fire on one position with these table rows (`objective⇥indicator⇥formula⇥source`).
private func rules(_ rows: [String], adjust: (inout Catalogue) -> Void = { _ in }) -> [String] {
    var (c, _) = parse(block("KEPALA SEKSI PERMODALAN", rows: rows) + signature)
    adjust(&c)
    return CatalogueLint.check(c).map(\.rule.rawValue)
}

private let ratio = #"$\frac{\text{Jumlah koperasi sehat}}{\text{Jumlah koperasi}} \times 100\%$"#

@Suite("iki lint: each rule fires on what it names, and not on its good counterpart")
struct LintTests {
    @Test("output-wording: 'Jumlah ... yang disusun' or 'Tersusunnya ...' under an outcome objective")
    func outputWording() {
        #expect(rules(["Meningkatnya kualitas perencanaan⇥Jumlah laporan yang disusun⇥Jumlah laporan yang disusun⇥Data laporan"]) == ["output-wording"])
        #expect(rules(["Meningkatnya kualitas perencanaan⇥Tersusunnya dokumen Renstra⇥Jumlah dokumen Renstra⇥Data dokumen"]) == ["output-wording"])
        #expect(rules(["Meningkatnya kesehatan koperasi⇥Persentase koperasi sehat⇥\(ratio)⇥Data penilaian"]) == [])
        #expect(rules(["Penyusunan laporan⇥Jumlah laporan yang disusun⇥Jumlah laporan yang disusun⇥Data laporan"]) == [])
    }

    @Test("kind-mismatch: a ratio called 'Jumlah', a count called 'Persentase'")
    func kindMismatch() {
        #expect(rules(["Meningkatnya koperasi sehat⇥Jumlah koperasi sehat⇥\(ratio)⇥Data penilaian"]) == ["kind-mismatch"])
        #expect(rules(["Meningkatnya koperasi sehat⇥Persentase koperasi sehat⇥Jumlah koperasi sehat⇥Data penilaian"]) == ["kind-mismatch"])
        #expect(rules(["Meningkatnya koperasi sehat⇥Jumlah koperasi sehat⇥Jumlah koperasi sehat⇥Data penilaian"]) == [])
    }

    @Test("missing-formula and missing-source")
    func missing() {
        #expect(rules(["Meningkatnya koperasi sehat⇥Jumlah koperasi sehat⇥⇥Data penilaian"]) == ["missing-formula"])
        #expect(rules(["Meningkatnya koperasi sehat⇥Jumlah koperasi sehat⇥Jumlah koperasi sehat⇥"]) == ["missing-source"])
    }

    @Test("too-many-indicators: four on one objective; three are fine")
    func tooMany() {
        let four = ["Meningkatnya koperasi sehat⇥Jumlah koperasi A⇥Jumlah koperasi A⇥Data"] + ["B", "C", "D"].map { "⇥Jumlah koperasi \($0)⇥Jumlah koperasi \($0)⇥Data" }
        #expect(rules(four) == ["too-many-indicators"])
        #expect(rules(Array(four.prefix(3))) == [])
    }

    @Test("negative-wording: 'Berkurangnya ...' with positive polarity; not with negative polarity")
    func negativeWording() {
        let row = ["Menekan pinjaman macet⇥Berkurangnya pinjaman macet⇥Jumlah pinjaman macet⇥Data kolektabilitas"]
        #expect(rules(row) == ["negative-wording"])
        #expect(rules(row) { $0.indicators[0].polarity = .negative } == [])
    }

    @Test("duplicate-indicator: the same text twice in one position")
    func duplicate() {
        let row = "Meningkatnya koperasi sehat⇥Jumlah koperasi sehat⇥Jumlah koperasi sehat⇥Data"
        #expect(rules([row, "⇥Jumlah  KOPERASI sehat⇥Jumlah koperasi sehat⇥Data"]) == ["duplicate-indicator"])
        #expect(rules([row, "⇥Jumlah koperasi dibina⇥Jumlah koperasi dibina⇥Data"]) == [])
    }

    @Test("target-without-unit: 'sebanyak 125' without what; 'sebanyak 125 dokumen' is fine")
    func targetUnit() {
        #expect(rules(["Meningkatnya tertib administrasi⇥Jumlah daftar gaji⇥Daftar gaji sebanyak 120⇥Data gaji"]) == ["target-without-unit"])
        #expect(rules(["Meningkatnya tertib administrasi⇥Jumlah daftar gaji⇥Daftar gaji sebanyak 120 dokumen⇥Data gaji"]) == [])
    }

    @Test("the bundled catalogue: its findings, each at the indicator's place")
    func bundled() {
        let (c, _) = Bundled.catalogue()
        let findings = CatalogueLint.check(c).map { "\($0.location.line):\($0.location.column) \($0.rule.rawValue) \(c.indicators[$0.indicator].code)" }
        #expect(findings == ["382:60 output-wording PBPER-1", "383:2 output-wording PBPER-2", "642:60 output-wording PPPRO-1",
                             "643:2 output-wording PPPRO-2", "723:66 negative-wording PUPEN-1"])
    }
}
