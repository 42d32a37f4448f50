import Foundation
import Testing
@testable import Catalogue

@Suite("Catalogue loader: the format variations")
struct CatalogueFormatTests {
    @Test("a block gives its title, tasks, functions and indicator rows; a clean file has no diagnostics")
    func wholeBlock() throws {
        let (catalogue, diagnostics) = parse("""
        INDIKATOR KINERJA INDIVIDU

        1. JABATAN : KEPALA SEKSI PERMODALAN
        2. TUGAS :
         - a. Melaksanakan fasilitasi permodalan.
         - b. Melaksanakan tugas lain yang diberikan oleh Kepala Dinas sesuai dengan bidang tugasnya.
        3. FUNGSI :
         - a. Penyiapan bahan.
         - b. Pelaksanaan fasilitasi.

        SASARAN STRATEGIS⇥INDIKATOR KINERJA⇥PENJELASAN/FORMULASI PENGHITUNGAN⇥SUMBER DATA
        1. Meningkatnya permodalan⇥Jumlah koperasi yang difasilitasi⇥Jumlah koperasi yang difasilitasi⇥Data fasilitasi

        """ + signature)
        #expect(diagnostics == [])
        let position = try #require(catalogue.positions.first)
        #expect(catalogue.positions.count == 1)
        #expect(position.title == "KEPALA SEKSI PERMODALAN")
        #expect(position.location == SourceLocation(file: "f.txt", line: 3, column: 14))
        #expect(position.tasks == [
            "Melaksanakan fasilitasi permodalan.",
            "Melaksanakan tugas lain yang diberikan oleh Kepala Dinas sesuai dengan bidang tugasnya.",
        ])
        #expect(position.functions == ["Penyiapan bahan.", "Pelaksanaan fasilitasi."])
        let indicator = try #require(catalogue.indicators.first)
        #expect(catalogue.indicators.count == 1)
        #expect(indicator.name == "Jumlah koperasi yang difasilitasi")
        #expect(indicator.objective == "Meningkatnya permodalan")
        #expect(indicator.source == "Data fasilitasi")
        #expect(indicator.kind == .count)
        #expect(indicator.positionIndex == 0 && indicator.ordinal == 1)
        #expect(indicator.location == SourceLocation(file: "f.txt", line: 12, column: 28))
        #expect(position.indicatorIndices == [0])
    }

    @Test("headings may start with '- ' and need no space after the number ('3.FUNGSI', '1.JABATAN:')")
    func headingSpellings() throws {
        let (catalogue, diagnostics) = parse("""
        INDIKATOR KINERJA INDIVIDU
        - 1. JABATAN : PENYULUH KOPERASI
        - 2. TUGAS :
         - a. Menyiapkan bahan penyuluhan.
        - 3.FUNGSI :
         - a. Penyuluhan perkoperasian.
        SASARAN STRATEGIS⇥INDIKATOR KINERJA⇥PENJELASAN/FORMULASI PENGHITUNGAN⇥SUMBER DATA
        Meningkatnya penyuluhan⇥Jumlah bahan penyuluhan⇥Jumlah bahan⇥Data bahan

        INDIKATOR KINERJA INDIVIDU
        1.JABATAN:ANALIS KOPERASI
        2.TUGAS: a. Menganalisis koperasi.
        -3.FUNGSI:-
        SASARAN STRATEGIS⇥INDIKATOR KINERJA⇥PENJELASAN/FORMULASI PENGHITUNGAN⇥SUMBER DATA
        Meningkatnya pengawasan⇥Jumlah koperasi yang dianalisis⇥Jumlah koperasi⇥Data koperasi

        """ + signature)
        #expect(diagnostics == [])
        #expect(catalogue.positions.map(\.title) == ["PENYULUH KOPERASI", "ANALIS KOPERASI"])
        #expect(catalogue.positions[0].location == SourceLocation(file: "f.txt", line: 2, column: 16))
        #expect(catalogue.positions[0].tasks == ["Menyiapkan bahan penyuluhan."])
        #expect(catalogue.positions[0].functions == ["Penyuluhan perkoperasian."])
        #expect(catalogue.positions[1].location == SourceLocation(file: "f.txt", line: 11, column: 11))
        #expect(catalogue.positions[1].tasks == ["Menganalisis koperasi."])
        #expect(catalogue.positions[1].functions == [])
        #expect(catalogue.indicators.map(\.name) == ["Jumlah bahan penyuluhan", "Jumlah koperasi yang dianalisis"])
    }

    @Test("'FUNGSI : -' means the position has no functions")
    func noFunctions() throws {
        let (catalogue, diagnostics) = parse(block("PRAMU KANTOR") + signature)
        #expect(diagnostics == [])
        #expect(catalogue.positions.first?.functions == [])
        #expect(catalogue.positions.first?.tasks.count == 2)
    }

    @Test("list items: on the heading's line, as 'a.', ' - a.', '- b.', and continuation lines join the item above")
    func listItems() throws {
        let (catalogue, diagnostics) = parse("""
        INDIKATOR KINERJA INDIVIDU

        1. JABATAN : KEPALA BIDANG BINA FASILITASI PEMBIAYAAN
        2. TUGAS : a. Melakukan pembinaan simpan pinjam.
        b. Melaksanakan tugas lain yang diberikan oleh Kepala Dinas sesuai dengan bidang tugasnya.
        3. FUNGSI : a. Penyiapan bahan pembinaan;
         - b. Pembinaan, evaluasi dan
           pengawasan usaha simpan pinjam;
        - c. Pelaksanaan fasilitasi penjaminan.
        d) Pelaksanaan penilaian kesehatan.

        SASARAN STRATEGIS⇥INDIKATOR KINERJA⇥PENJELASAN/FORMULASI PENGHITUNGAN⇥SUMBER DATA
        1. Meningkatnya fasilitasi⇥Jumlah koperasi yang difasilitasi⇥Jumlah koperasi⇥Data koperasi

        """ + signature)
        #expect(diagnostics == [])
        let position = try #require(catalogue.positions.first)
        #expect(position.tasks == [
            "Melakukan pembinaan simpan pinjam.",
            "Melaksanakan tugas lain yang diberikan oleh Kepala Dinas sesuai dengan bidang tugasnya.",
        ])
        #expect(position.functions == [
            "Penyiapan bahan pembinaan;",
            "Pembinaan, evaluasi dan pengawasan usaha simpan pinjam;",
            "Pelaksanaan fasilitasi penjaminan.",
            "Pelaksanaan penilaian kesehatan.",
        ])
    }

    @Test("the table header's first cell may be SASARAN STRATEGIS, SASARAN SATRATEGIS or KINERJA")
    func tableHeaders() throws {
        let text = ["SASARAN STRATEGIS", "SASARAN SATRATEGIS", "KINERJA"].enumerated().map { i, first in
            """
            INDIKATOR KINERJA INDIVIDU
            1. JABATAN : BENDAHARA \(["GAJI", "PENGELUARAN", "BARANG"][i])
            2. TUGAS : a. Mengelola keuangan.
            3. FUNGSI : -
            \(first)⇥INDIKATOR KINERJA⇥PENJELASAN/FORMULASI PENGHITUNGAN⇥SUMBER DATA
            Meningkatnya tertib administrasi⇥Jumlah dokumen \(i + 1)⇥Jumlah dokumen⇥Data dokumen

            """
        }.joined() + signature
        let (catalogue, diagnostics) = parse(text)
        #expect(diagnostics == [])
        #expect(catalogue.indicators.map(\.name) == ["Jumlah dokumen 1", "Jumlah dokumen 2", "Jumlah dokumen 3"])
        #expect(catalogue.positions.map(\.indicatorIndices) == [[0], [1], [2]])
    }

    @Test("a row whose first cell is empty continues the objective above it")
    func objectiveContinues() throws {
        let (catalogue, diagnostics) = parse(block("BENDAHARA PENGELUARAN", rows: [
            "1. Meningkatnya tertib administrasi keuangan⇥Jumlah Pengajuan SPP⇥Jumlah Pengajuan SPP/SPM⇥Data SPP",
            "⇥Jumlah laporan pajak⇥Jumlah laporan pajak⇥Data pajak",
            "   ⇥Jumlah laporan SPJ⇥Jumlah laporan SPJ⇥Data SPJ",
            "2. Meningkatnya tertib aset⇥Jumlah laporan aset⇥Jumlah laporan aset⇥Data aset",
            "⇥Jumlah barang yang dicatat⇥Jumlah barang⇥Data barang",
        ]) + signature)
        #expect(diagnostics == [])
        #expect(catalogue.indicators.map(\.objective) == [
            "Meningkatnya tertib administrasi keuangan", "Meningkatnya tertib administrasi keuangan",
            "Meningkatnya tertib administrasi keuangan", "Meningkatnya tertib aset", "Meningkatnya tertib aset",
        ])
        #expect(catalogue.indicators.map(\.ordinal) == [1, 2, 3, 4, 5])
    }

    @Test("objective numbering '1.', '4.', 'a.' or none is not part of the objective's name")
    func objectiveNumbering() throws {
        let (catalogue, diagnostics) = parse(block("PENGELOLA DATA", rows: [
            "1. Meningkatnya A⇥Jumlah A⇥Jumlah A⇥Data A",
            "4. Meningkatnya B⇥Jumlah B⇥Jumlah B⇥Data B",
            "a. Meningkatnya C⇥Jumlah C⇥Jumlah C⇥Data C",
            "Meningkatnya D⇥Jumlah D⇥Jumlah D⇥Data D",
            "12) Meningkatnya E⇥Jumlah E⇥Jumlah E⇥Data E",
            "2026 Meningkatnya F⇥Jumlah F⇥Jumlah F⇥Data F",
        ]) + signature)
        #expect(diagnostics == [])
        #expect(catalogue.indicators.map(\.objective) == [
            "Meningkatnya A", "Meningkatnya B", "Meningkatnya C", "Meningkatnya D", "Meningkatnya E",
            "2026 Meningkatnya F",
        ])
    }

    @Test("LaTeX, underlined and plain formulas give the kind, numerator, denominator and stated yearly target")
    func formulasInRows() throws {
        let (catalogue, diagnostics) = parse(block("KEPALA UPT PENGELOLA DANA BERGULIR", rows: [
            #"Meningkatnya pelayanan⇥Persentase PNS terlayani⇥$\frac{\text{Jumlah PNS yang dilayani}}{\text{Jumlah PNS yang mengajukan}} \times 100\%$⇥Data PNS"#,
            "⇥Persentase kehadiran⇥Jumlah anggota yang <u>hadir bimtek</u> x 100% Jumlah anggota yang diundang⇥Data peserta",
            "⇥Jumlah KUMKM yang diberi pinjaman⇥Jumlah KUMKM yang diberi pinjaman 100% Dalam 1 (satu) tahun sebanyak 125 KUMKM.⇥Data KUMKM",
            "⇥Jumlah proposal yang diterima⇥Proposal yang diterima sejumlah 180 proposal.⇥Data proposal",
            "⇥Jumlah Pengajuan SPP⇥Jumlah Pengajuan SPP/SPM, SPP UP, dan SPP LS⇥Data SPP",
        ]) + signature)
        #expect(diagnostics == [])
        let formulas = catalogue.indicators.map(\.formula)
        #expect(formulas.map(\.kind) == [.ratio, .ratio, .count, .count, .count])
        #expect(formulas[0].numerator == "Jumlah PNS yang dilayani")
        #expect(formulas[0].denominator == "Jumlah PNS yang mengajukan")
        #expect(formulas[1].numerator == "Jumlah anggota yang hadir bimtek")
        #expect(formulas[1].denominator == "Jumlah anggota yang diundang")
        #expect(formulas.map(\.yearlyTarget) == [nil, nil, 125, 180, nil])
        #expect(formulas.map(\.targetUnit) == [nil, nil, "KUMKM", "proposal", nil])
    }

    @Test("the closing signature block gives office, region, head, rank and NIP")
    func signatureMetadata() {
        let (catalogue, diagnostics) = parse(block("PRAMU KANTOR") + signature)
        #expect(diagnostics == [])
        var expected = Metadata()
        expected.office = "Dinas Koperasi dan Usaha Mikro"
        expected.region = "Kabupaten Malang"
        expected.head = "Dra. MADE DEWI ANGGRAENI, M.Si"
        expected.headTitle = "Kepala Dinas Koperasi dan Usaha Mikro"
        expected.rank = "Pembina Utama Muda"
        expected.nip = "19590531 198603 2 004"
        #expect(catalogue.metadata == expected)
    }

    @Test("a signature block with 'NIP:' and a city (Kota) is read the same way")
    func signatureVariant() {
        let (catalogue, diagnostics) = parse(block("PRAMU KANTOR") + """

        KEPALA DINAS PERTANIAN
        KOTA BATU
        Ir. SUTRISNO
        Pembina Tingkat I
        NIP: 19700101 199503 1 001
        """)
        #expect(diagnostics == [])
        #expect(catalogue.metadata.office == "Dinas Pertanian")
        #expect(catalogue.metadata.region == "Kota Batu")
        #expect(catalogue.metadata.head == "Ir. SUTRISNO")
        #expect(catalogue.metadata.rank == "Pembina Tingkat I")
        #expect(catalogue.metadata.nip == "19700101 199503 1 001")
    }

    @Test("a UTF-8 BOM and CRLF line endings read exactly like plain LF text, with the same locations")
    func bomAndCRLF() {
        // A row with a missing formula, so there is a located diagnostic to compare.
        let text = tabs(block("BENDAHARA GAJI", rows: [
            "Meningkatnya tertib administrasi⇥Jumlah daftar gaji⇥⇥Data gaji",
            "⇥Jumlah SPJ⇥Jumlah SPJ sebanyak 12 dokumen⇥Data SPJ",
        ]) + signature)
        let (plain, plainDiagnostics) = Catalogue.read(text, file: "f.txt")
        let bytes = [0xEF, 0xBB, 0xBF] + Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let (windows, windowsDiagnostics) = Catalogue.read(bytes, file: "f.txt")
        #expect(plainDiagnostics.map(\.description) == [
            "f.txt:10:1: warning: indicator 'Jumlah daftar gaji' has no formula; read as a count",
        ])
        #expect(windowsDiagnostics == plainDiagnostics)
        #expect(windows.positions.map(\.title) == ["BENDAHARA GAJI"])
        #expect(windows.positions.map(\.tasks) == plain.positions.map(\.tasks))
        #expect(windows.indicators.map(\.name) == ["Jumlah daftar gaji", "Jumlah SPJ"])
        #expect(windows.indicators.map(\.source) == ["Data gaji", "Data SPJ"])
        #expect(windows.indicators.map(\.formula) == plain.indicators.map(\.formula))
        #expect(windows.indicators.map(\.location) == plain.indicators.map(\.location))
        #expect(windows.metadata == plain.metadata)
        #expect(windows.metadata.nip == "19590531 198603 2 004")
    }
}

@Suite("Catalogue loader: malformed input is located, never dropped")
struct CatalogueMalformedTests {
    @Test("a row without an indicator name is an error at its second cell; the rows around it are kept")
    func rowWithoutName() {
        let (catalogue, diagnostics) = parse(block("BENDAHARA GAJI", rows: [
            "Meningkatnya tertib administrasi⇥Jumlah daftar gaji⇥Jumlah daftar gaji⇥Data gaji",
            "Meningkatnya tertib⇥⇥Jumlah SPJ⇥Data SPJ",
            "⇥Jumlah SPJ⇥Jumlah SPJ⇥Data SPJ",
        ]) + signature)
        #expect(diagnostics == ["f.txt:11:21: error: table row has no indicator name (second cell is empty)"])
        #expect(catalogue.indicators.map(\.name) == ["Jumlah daftar gaji", "Jumlah SPJ"])
    }

    @Test("an unbalanced \\frac is an error pointing at the \\frac; the indicator is kept as a count")
    func unbalancedFraction() {
        let (catalogue, diagnostics) = parse(block("SEKRETARIS DINAS", rows: [
            #"Meningkatnya pelayanan⇥Persentase A⇥$\frac{\text{Jumlah A}}{\text{Jumlah B} \times 100\%$⇥Data A"#,
            #"⇥Persentase B⇥  $\frac{\text{Jumlah B}{\text{Jumlah C}} \times 100\%$⇥Data B"#,
        ]) + signature)
        #expect(diagnostics == [
            #"f.txt:10:38: error: formula has a \frac whose braces do not close; read as a count"#,
            #"f.txt:11:18: error: formula has a \frac whose braces do not close; read as a count"#,
        ])
        #expect(catalogue.indicators.map(\.name) == ["Persentase A", "Persentase B"])
        #expect(catalogue.indicators.map(\.kind) == [.count, .count])
    }

    @Test("a block without a JABATAN line is an error at its heading; its indicators are kept under an untitled position")
    func blockWithoutTitle() {
        let (catalogue, diagnostics) = parse("""
        INDIKATOR KINERJA INDIVIDU

        2. TUGAS :
         - a. Mengetik surat.
        3. FUNGSI : -

        SASARAN STRATEGIS⇥INDIKATOR KINERJA⇥PENJELASAN/FORMULASI PENGHITUNGAN⇥SUMBER DATA
        Meningkatnya pelayanan⇥Jumlah surat⇥Jumlah surat⇥Data surat

        """ + block("PRAMU KANTOR") + signature)
        #expect(diagnostics == ["f.txt:1:1: error: position block has no 'JABATAN' line; kept as an untitled position"])
        #expect(catalogue.positions.map(\.title) == ["(untitled position at line 1)", "PRAMU KANTOR"])
        #expect(catalogue.positions[0].tasks == ["Mengetik surat."])
        #expect(catalogue.indicators.map(\.name) == ["Jumlah surat", "Jumlah laporan yang disusun"])
        #expect(catalogue.indicators.allSatisfy { !$0.code.isEmpty })
    }

    @Test("a JABATAN line with no title is an error at the title's column")
    func emptyTitle() {
        let (catalogue, diagnostics) = parse(block("") + signature)
        #expect(diagnostics == ["f.txt:3:14: error: 'JABATAN' has no title; kept as an untitled position"])
        #expect(catalogue.positions.map(\.title) == ["(untitled position at line 3)"])
        #expect(catalogue.indicators.count == 1)
    }

    @Test("a last block without a table does not swallow the signature into its functions")
    func blockWithoutTableBeforeSignature() {
        let text = """
        INDIKATOR KINERJA INDIVIDU

        1. JABATAN : PRAMU KANTOR
        2. TUGAS : a. Menyiapkan kebutuhan kantor.
        3. FUNGSI : a. Pelayanan kantor.
        """ + "\n" + signature
        let (catalogue, diagnostics) = parse(text)
        #expect(catalogue.positions.map(\.functions) == [["Pelayanan kantor."]])
        #expect(catalogue.metadata.office == "Dinas Koperasi dan Usaha Mikro")
        #expect(catalogue.metadata.nip == "19590531 198603 2 004")
        #expect(diagnostics == ["f.txt:3:14: warning: position 'PRAMU KANTOR' has no indicators"])
    }

    @Test("list items may have a tab after the letter")
    func tabAfterItemLetter() {
        let (catalogue, _) = parse("INDIKATOR KINERJA INDIVIDU\n1. JABATAN : PRAMU KANTOR\n2. TUGAS :\na.\tSatu.\nb.\tDua.\n" + signature)
        #expect(catalogue.positions[0].tasks == ["Satu.", "Dua."])
    }

    @Test("a JABATAN line without the heading still starts a new position, with a warning")
    func titleWithoutHeading() {
        let text = block("BENDAHARA GAJI") + block("PRAMU KANTOR").replacingOccurrences(of: "INDIKATOR KINERJA INDIVIDU\n", with: "") + signature
        let (catalogue, diagnostics) = parse(text)
        #expect(diagnostics == ["f.txt:13:1: warning: position starts without an 'INDIKATOR KINERJA INDIVIDU' heading"])
        #expect(catalogue.positions.map(\.title) == ["BENDAHARA GAJI", "PRAMU KANTOR"])
        #expect(catalogue.indicators.count == 2)
    }

    @Test("junk text outside a block is a warning naming it; the positions before and after it are kept")
    func junkBetweenBlocks() {
        let text = "Lampiran I\n" + block("BENDAHARA GAJI") + "Halaman 2 dari 9\n\n" + block("PRAMU KANTOR") + signature
        let (catalogue, diagnostics) = parse(text)
        #expect(diagnostics == [
            "f.txt:1:1: warning: text outside any position block is ignored: 'Lampiran I'",
            "f.txt:13:1: warning: text outside any position block is ignored: 'Halaman 2 dari 9'",
        ])
        #expect(catalogue.positions.map(\.title) == ["BENDAHARA GAJI", "PRAMU KANTOR"])
        #expect(catalogue.indicators.count == 2)
    }

    @Test("junk text between the heading fields is a warning naming it")
    func junkInHeader() {
        let (catalogue, diagnostics) = parse("""
        INDIKATOR KINERJA INDIVIDU
        1. JABATAN : PRAMU KANTOR
        (lihat lampiran)
        2. TUGAS : a. Membersihkan kantor.
        3. FUNGSI : -
        KINERJA⇥INDIKATOR KINERJA⇥PENJELASAN/FORMULASI PENGHITUNGAN⇥SUMBER DATA
        Meningkatnya kebersihan⇥Jumlah ruangan⇥Jumlah ruangan⇥Data ruangan

        """ + signature)
        #expect(diagnostics == ["f.txt:3:1: warning: text between the position's heading fields is ignored: '(lihat lampiran)'"])
        #expect(catalogue.indicators.count == 1)
    }

    @Test("a file of junk text: an error that no positions were found, and a warning for every line")
    func onlyJunk() {
        let (catalogue, diagnostics) = parse("Dokumen ini\nbukan katalog IKI\n")
        #expect(diagnostics == [
            "f.txt:1:1: warning: closing signature block not recognised (no 'NIP' line); office metadata unknown",
            "f.txt:1:1: warning: text outside any position block is ignored: 'Dokumen ini'",
            "f.txt:2:1: warning: text outside any position block is ignored: 'bukan katalog IKI'",
            "f.txt:1:1: error: no positions found: expected blocks headed 'INDIKATOR KINERJA INDIVIDU' with a '1. JABATAN :' line",
        ])
        #expect(catalogue.positions.isEmpty)
    }

    @Test("an empty file: no positions (an error) and no signature (a warning)")
    func emptyFile() {
        let (catalogue, diagnostics) = parse("")
        #expect(diagnostics == [
            "f.txt:1:1: warning: no closing signature block; office metadata unknown",
            "f.txt:1:1: error: no positions found: expected blocks headed 'INDIKATOR KINERJA INDIVIDU' with a '1. JABATAN :' line",
        ])
        #expect(catalogue.positions.isEmpty && catalogue.indicators.isEmpty)
    }

    @Test("TUGAS or a table header before any block is an error, and its rows are reported, not lost")
    func fieldsOutsideBlock() {
        let (catalogue, diagnostics) = parse("""
        2. TUGAS : a. Mengetik.
        SASARAN STRATEGIS⇥INDIKATOR KINERJA⇥PENJELASAN/FORMULASI PENGHITUNGAN⇥SUMBER DATA
        Meningkatnya A⇥Jumlah A⇥Jumlah A⇥Data A

        """ + block("PRAMU KANTOR") + signature)
        #expect(diagnostics == [
            "f.txt:1:1: error: TUGAS outside a position block (no 'JABATAN' before it)",
            "f.txt:2:1: error: table header outside a position block (no 'JABATAN' before it)",
            "f.txt:3:1: warning: text outside any position block is ignored: 'Meningkatnya A\tJumlah A\tJumlah A\tData A'",
        ])
        #expect(catalogue.positions.map(\.title) == ["PRAMU KANTOR"])
    }

    @Test("rows with too few or too many cells are warnings; the indicator is kept, extra text joins the source")
    func cellCounts() {
        let (catalogue, diagnostics) = parse(block("BENDAHARA GAJI", rows: [
            "Meningkatnya A⇥Jumlah A⇥Jumlah A",
            "⇥Jumlah B⇥Jumlah B⇥Data B⇥Lampiran 2",
        ]) + signature)
        #expect(diagnostics == [
            "f.txt:10:25: warning: row has 3 cells, expected 4 (objective, indicator, formula, source)",
            "f.txt:11:27: warning: row has 5 cells, expected 4 (objective, indicator, formula, source); extra text kept in the source: 'Lampiran 2'",
        ])
        #expect(catalogue.indicators.map(\.name) == ["Jumlah A", "Jumlah B"])
        #expect(catalogue.indicators.map(\.source) == ["", "Data B Lampiran 2"])
    }

    @Test("a first row with no objective is a warning; a position without indicators is a warning")
    func missingObjectiveAndIndicators() {
        let text = block("BENDAHARA GAJI", rows: ["⇥Jumlah A⇥Jumlah A⇥Data A"]) + block("PRAMU KANTOR", rows: []) + signature
        let (catalogue, diagnostics) = parse(text)
        #expect(diagnostics == [
            "f.txt:10:1: warning: indicator 'Jumlah A' has no objective (first cell empty and no row above it)",
            "f.txt:14:14: warning: position 'PRAMU KANTOR' has no indicators",
        ])
        #expect(catalogue.positions.count == 2)
        #expect(catalogue.indicators.map(\.objective) == [""])
    }

    @Test("a line that is not UTF-8 is an error at that line, and the block is still read")
    func invalidUTF8() throws {
        // Line 5 holds "§" (C2 A7 in UTF-8); a Latin-1 export would have written the single byte A7.
        var bytes = Array(tabs(block("BENDAHARA GAJI", tasks: ["Mengelola gaji \u{A7} pegawai."])).utf8)
        let at = try #require(bytes.indices.first { bytes[$0] == 0xC2 && bytes[$0 + 1] == 0xA7 })
        bytes.replaceSubrange(at...(at + 1), with: [0xA7])
        let (catalogue, diagnostics) = Catalogue.read(bytes + Array(signature.utf8), file: "f.txt")
        #expect(diagnostics.map(\.description) == ["f.txt:5:1: error: line is not valid UTF-8; save the file as UTF-8"])
        #expect(catalogue.positions.map(\.title) == ["BENDAHARA GAJI"])
        #expect(catalogue.indicators.count == 1)
    }

    @Test("a blank line inside a table does not drop the rows after it")
    func blankLineInTable() {
        func text(_ title: String) -> String {
            block(title, rows: [
                "Meningkatnya tertib administrasi⇥Jumlah daftar gaji⇥Jumlah daftar gaji⇥Data gaji",
                "",
                "⇥Jumlah SPJ⇥Jumlah SPJ⇥Data SPJ",
            ])
        }
        // In the middle of the file and in the last block, just before the signature (two titles:
        // a block repeated word for word loads once).
        let (catalogue, diagnostics) = parse(text("BENDAHARA GAJI") + block("PRAMU KANTOR") + text("BENDAHARA BARANG") + signature)
        #expect(diagnostics == [])
        #expect(catalogue.indicators.map(\.name) == [
            "Jumlah daftar gaji", "Jumlah SPJ", "Jumlah laporan yang disusun", "Jumlah daftar gaji", "Jumlah SPJ",
        ])
        #expect(catalogue.metadata.office == "Dinas Koperasi dan Usaha Mikro")
    }

    @Test("rows with no table header above them are kept as indicators, with a warning at the first")
    func rowsWithoutHeader() {
        let (catalogue, diagnostics) = parse("""
        INDIKATOR KINERJA INDIVIDU
        1. JABATAN : BENDAHARA GAJI
        2. TUGAS : a. Mengelola gaji.
        3. FUNGSI : a. Penyiapan daftar gaji.
        Meningkatnya tertib administrasi⇥Jumlah daftar gaji⇥Jumlah daftar gaji⇥Data gaji
        ⇥Jumlah SPJ⇥Jumlah SPJ⇥Data SPJ

        """ + signature)
        #expect(diagnostics == ["f.txt:5:1: warning: table row without a table header line above it; read as an indicator"])
        #expect(catalogue.positions.first?.functions == ["Penyiapan daftar gaji."])
        #expect(catalogue.indicators.map(\.name) == ["Jumlah daftar gaji", "Jumlah SPJ"])
        #expect(catalogue.indicators.map(\.objective) == ["Meningkatnya tertib administrasi", "Meningkatnya tertib administrasi"])
    }

    @Test("a table header whose second cell is 'INDIKATOR KINERJA INDIVIDU' or 'INDIKATOR' is a header too")
    func headerSecondCellVariants() {
        let text = ["INDIKATOR KINERJA INDIVIDU", "Indikator"].enumerated().map { i, second in
            """
            INDIKATOR KINERJA INDIVIDU
            1. JABATAN : BENDAHARA \(["GAJI", "BARANG"][i])
            2. TUGAS : a. Mengelola keuangan.
            3. FUNGSI : -
            SASARAN STRATEGIS⇥\(second)⇥FORMULASI⇥SUMBER DATA
            Meningkatnya tertib administrasi⇥Jumlah dokumen \(i + 1)⇥Jumlah dokumen⇥Data dokumen

            """
        }.joined() + signature
        let (catalogue, diagnostics) = parse(text)
        #expect(diagnostics == [])
        #expect(catalogue.indicators.map(\.name) == ["Jumlah dokumen 1", "Jumlah dokumen 2"])
    }

    @Test("an unreadable file is an error naming it, and an empty catalogue")
    func unreadable() {
        let (catalogue, diagnostics) = Catalogue.load(path: "/nonexistent/katalog.txt")
        #expect(diagnostics.map(\.description) == ["error: cannot read catalogue file '/nonexistent/katalog.txt'"])
        #expect(catalogue.positions.isEmpty)
    }
}

@Suite("Catalogue loader: the bundled seed")
struct SeedCatalogueTests {
    @Test("the seed reads without a diagnostic: 54 positions, 75 indicators (11 ratio, 64 count)")
    func counts() {
        let (catalogue, diagnostics) = Bundled.catalogue()
        #expect(diagnostics.map(\.description) == [])
        #expect(catalogue.positions.count == 54)
        #expect(catalogue.indicators.count == 75)
        #expect(catalogue.indicators.filter { $0.kind == .ratio }.count == 11)
        #expect(catalogue.indicators.filter { $0.kind == .count }.count == 64)
        // Every indicator belongs to exactly one position, in document order.
        #expect(catalogue.positions.flatMap(\.indicatorIndices) == Array(0..<75))
        #expect(catalogue.positions.allSatisfy { !$0.indicatorIndices.isEmpty && !$0.title.isEmpty })
        #expect(catalogue.indicators.allSatisfy { !$0.objective.isEmpty && !$0.name.isEmpty })
    }

    @Test("the seed's signature block: Dinas Koperasi dan Usaha Mikro, Kabupaten Malang, its head, rank and NIP")
    func metadata() {
        let (catalogue, _) = Bundled.catalogue()
        #expect(catalogue.metadata.office == "Dinas Koperasi dan Usaha Mikro")
        #expect(catalogue.metadata.region == "Kabupaten Malang")
        #expect(catalogue.metadata.head == "Dra. MADE DEWI ANGGRAENI, M.Si")
        #expect(catalogue.metadata.headTitle == "Kepala Dinas Koperasi dan Usaha Mikro")
        #expect(catalogue.metadata.rank == "Pembina Utama Muda")
        #expect(catalogue.metadata.nip == "19590531 198603 2 004")
    }

    @Test("the seed's variations are read: '- 1. JABATAN', '- 3.FUNGSI : -', inline tasks, the KINERJA and SATRATEGIS headers")
    func seedVariations() throws {
        let (catalogue, _) = Bundled.catalogue()
        func position(_ title: String) throws -> Position { try #require(catalogue.positions.first { $0.title == title }) }
        let penyuluh = try position("PENYULUH KOPERASI")
        #expect(penyuluh.location.line == 387)
        #expect(penyuluh.indicatorIndices.count == 2)
        let pengolah = try position("PENGOLAH DATA PERDAGANGAN, INDUSTRI DAN PERTAMBANGAN")
        #expect(pengolah.functions == [])
        #expect(pengolah.tasks.count == 4)
        let fasilitasi = try position("KEPALA BIDANG BINA FASILITASI PEMBIAYAAN")
        #expect(fasilitasi.tasks.count == 2)
        #expect(fasilitasi.tasks[0].hasPrefix("Melakukan pembinaan, pengembangan dan pengendalian"))
        #expect(fasilitasi.functions.count == 5)
        // The table headed "KINERJA" (line 354) and the one headed "SASARAN SATRATEGIS" (line 421).
        let pengeluaran = try position("BENDAHARA PENGELUARAN")
        #expect(pengeluaran.indicatorIndices.map { catalogue.indicators[$0].location.line } == [355, 356, 357])
        #expect(Set(pengeluaran.indicatorIndices.map { catalogue.indicators[$0].objective }) == ["Meningkatnya tertib administrasi keuangan"])
        let pengelola = try position("PENGELOLA DATA SEKSI PERTANIAN, PERKEBUNAN DAN KEHUTANAN")
        let underlined = catalogue.indicators[pengelola.indicatorIndices[0]]
        #expect(underlined.location.line == 422)
        #expect(underlined.objective == "Meningkatnya kemampuan manajemen anggota koperasi dan meningkatnya daya saing produk koperasi")
        #expect(underlined.formula.kind == .ratio)
        #expect(underlined.formula.numerator == "Jumlah kehadiran anggota Koperasi yang mendapatkan bimtek penguatan manajemen")
        #expect(underlined.formula.denominator == "Jumlah anggota koperasi yang di undang bimtek penguatan manajemen")
    }

    @Test("the seed's stated yearly targets: 125 KUMKM, 180 debitur, 125 KUMKM, 125 debitur, 180 proposal, 125 cek")
    func statedTargets() {
        let (catalogue, _) = Bundled.catalogue()
        let stated = catalogue.indicators.filter { $0.formula.yearlyTarget != nil }
        #expect(stated.map(\.code) == ["KUPDBDMIK-1", "PUPEN-1", "PUAPIN-1", "PUEPPIN-1", "BPUMU-1", "BKAS-1"])
        #expect(stated.map(\.formula.yearlyTarget) == [125, 180, 125, 125, 180, 125])
        #expect(stated.map(\.formula.targetUnit) == ["KUMKM", "debitur", "KUMKM", "debitur", "proposal", "cek"])
    }

    @Test("the seed with a BOM and CRLF line endings reads the same 54 positions and 75 indicators")
    func seedWindows() throws {
        let text = try Bundled.text()
        let bytes = [0xEF, 0xBB, 0xBF] + Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let (windows, diagnostics) = Catalogue.read(bytes, file: "seed.txt")
        let (plain, _) = Catalogue.read(text, file: "seed.txt")
        #expect(diagnostics.isEmpty)
        #expect(windows.positions.map(\.title) == plain.positions.map(\.title))
        #expect(windows.indicators.map(\.code) == plain.indicators.map(\.code))
        #expect(windows.indicators.map(\.location) == plain.indicators.map(\.location))
        #expect(windows.metadata == plain.metadata)
    }

    @Test("dropping the seed's signature lines is a warning, and nothing else changes")
    func seedWithoutSignature() throws {
        let text = try Bundled.text()
        let cut = try #require(text.range(of: "\nKEPALA DINAS\n"))
        let (catalogue, diagnostics) = Catalogue.read(String(text[..<cut.lowerBound]), file: "seed.txt")
        #expect(diagnostics.map(\.description) == ["seed.txt:1:1: warning: no closing signature block; office metadata unknown"])
        #expect(catalogue.positions.count == 54 && catalogue.indicators.count == 75)
        #expect(catalogue.metadata == Metadata())
    }
}
