import Testing
@testable import Catalogue

@Suite("Formulas: kind, numerator, denominator and stated yearly target")
struct FormulaTests {
    private func formula(_ text: String) -> Formula {
        let (formula, problem) = FormulaParser.parse(text)
        #expect(problem == nil)
        return formula
    }

    @Test("a LaTeX \\frac is a ratio: \\text{} unwrapped, \\times and \\% read as × and %")
    func latex() {
        let f = formula(#"$\frac{\text{Jumlah PNS yang mendapat pelayanan}}{\text{Jumlah PNS yang mengajukan pelayanan}} \times 100\%$"#)
        #expect(f == Formula(kind: .ratio, numerator: "Jumlah PNS yang mendapat pelayanan",
                             denominator: "Jumlah PNS yang mengajukan pelayanan",
                             text: "Jumlah PNS yang mendapat pelayanan / Jumlah PNS yang mengajukan pelayanan × 100%"))
    }

    @Test("a LaTeX \\frac with nested braces, \\mathrm and thin spaces keeps the words of each side")
    func latexNested() {
        let f = formula(#"$\frac{\mathrm{Jumlah}\,\text{koperasi {aktif}}}{\text{Jumlah koperasi}}\times 100\%$"#)
        #expect(f.kind == .ratio)
        #expect(f.numerator == "Jumlah koperasi aktif")
        #expect(f.denominator == "Jumlah koperasi")
    }

    @Test("'A <u>B</u> x 100% C' is a ratio: the underline ends the numerator, the rest after x 100% is the denominator")
    func underline() {
        let f = formula("Jumlah kehadiran anggota Koperasi yang <u>mendapatkan bimtek penguatan manajemen</u> x 100% Jumlah anggota koperasi yang di undang")
        #expect(f == Formula(kind: .ratio, numerator: "Jumlah kehadiran anggota Koperasi yang mendapatkan bimtek penguatan manajemen",
                             denominator: "Jumlah anggota koperasi yang di undang",
                             text: "Jumlah kehadiran anggota Koperasi yang mendapatkan bimtek penguatan manajemen / Jumlah anggota koperasi yang di undang × 100%"))
        // The multiplication sign may be written X, × or *, and "100 %" with a space.
        for times in ["X 100%", "× 100 %", "* 100%", "x100%"] {
            let g = formula("Jumlah <U>hadir</U> \(times) Jumlah undangan")
            #expect(g.kind == .ratio, "\(times)")
            #expect(g.numerator == "Jumlah hadir", "\(times)")
            #expect(g.denominator == "Jumlah undangan", "\(times)")
        }
    }

    @Test("an underline without 'x 100%' after it is not a fraction: a count whose text has the markup removed")
    func underlineWithoutHundred() {
        let f = formula("Jumlah <u>laporan</u> yang disusun")
        #expect(f == Formula(kind: .count, text: "Jumlah laporan yang disusun"))
    }

    @Test("a flattened 'A / B x 100%' is a ratio; 'SPP/SPM' without spaces is a name, and the formula a count")
    func slash() {
        let f = formula("Jumlah UMKM yang dibina / Jumlah UMKM x 100%")
        #expect(f == Formula(kind: .ratio, numerator: "Jumlah UMKM yang dibina", denominator: "Jumlah UMKM",
                             text: "Jumlah UMKM yang dibina / Jumlah UMKM × 100%"))
        #expect(formula("Jumlah Pengajuan SPP/SPM, SPP UP, dan SPP LS") == Formula(kind: .count, text: "Jumlah Pengajuan SPP/SPM, SPP UP, dan SPP LS"))
        #expect(formula("Jumlah debitur / nasabah yang dievaluasi").kind == .count)
    }

    @Test("plain text is a count; 'sebanyak N unit' / 'sejumlah N unit' states its yearly target")
    func statedTargets() {
        let cases: [(String, Double?, String?)] = [
            ("Jumlah cek yang dikeluarkan sebanyak 125 cek", 125, "cek"),
            ("Proposal yang diterima UPT Pengelola Dana Bergulir sejumlah 180 proposal.", 180, "proposal"),
            ("Jumlah UMKM dan Koperasi yang diberikan pinjaman 100% Dalam 1 (satu) tahun sebanyak 125 KUMKM.", 125, "KUMKM"),
            ("Jumlah peminjam yang dapat ditagih sebanyak 180 debitur.", 180, "debitur"),
            ("Dokumen Sebanyak 4 kali setahun", 4, "kali"),
            ("Arsip yang ditata sebanyak 1.250 berkas", 1250, "berkas"),
            ("Pupuk yang disalurkan sejumlah 12,5 ton", 12.5, "ton"),
            ("Laporan yang disusun sebanyak 12.", 12, nil),
            ("Peserta sebanyak mungkin", nil, nil),
            ("Jumlah laporan kinerja yang disusun", nil, nil),
        ]
        for (text, target, unit) in cases {
            let f = formula(text)
            #expect(f.kind == .count, "\(text)")
            #expect(f.yearlyTarget == target, "\(text)")
            #expect(f.targetUnit == unit, "\(text)")
            #expect(f.numerator == nil && f.denominator == nil, "\(text)")
        }
    }

    @Test("HTML-like markup is removed from plain formulas")
    func markupRemoved() {
        #expect(formula("<b>Jumlah</b>   dokumen <i>yang</i> disusun") == Formula(kind: .count, text: "Jumlah dokumen yang disusun"))
    }

    @Test("a \\frac whose braces do not close is a problem at the \\frac's offset, and the formula a count")
    func unbalanced() {
        let (f, problem) = FormulaParser.parse(#"$\frac{\text{Jumlah A}}{\text{Jumlah B} \times 100\%$"#)
        #expect(problem == .unbalancedFraction(offset: 1))
        #expect(f.kind == .count)
        #expect(f.numerator == nil && f.denominator == nil)
        let (g, second) = FormulaParser.parse(#"Rumus: \frac{A"#)
        #expect(second == .unbalancedFraction(offset: 7))
        #expect(g.kind == .count)
    }

    @Test("an empty formula is a count with empty text")
    func empty() {
        #expect(formula("") == Formula(kind: .count, text: ""))
    }
}
