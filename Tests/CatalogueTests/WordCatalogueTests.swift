import Foundation
import Testing
@testable import Catalogue

/// The Word reader: the bundled catalogue built as .docx in two styles
/// (`Tests/Fixtures/office/build_docx.py`) loads as the text does, and what Word stores around the
/// text (runs, numbering, merged cells, equations, content controls) is read as a reader sees it.
@Suite("Catalogue: Word documents")
struct WordCatalogueTests {
    static func fixture(_ name: String) -> String { packageRoot.appendingPathComponent("Tests/Fixtures/office/\(name)").path }

    /// Everything the model keeps of a document, one line per fact, for comparing two loads.
    static func dump(_ catalogue: Catalogue) -> [String] {
        var lines = ["metadata \(catalogue.metadata)"]
        for p in catalogue.positions {
            lines.append("position \(p.code) \(p.title) unit=\(p.unit.map { catalogue.organisation.units[$0].fullName } ?? "-") superior=\(p.superiorText ?? "-")")
            lines += p.tasks.map { "  task \($0)" } + p.functions.map { "  function \($0)" }
        }
        for i in catalogue.indicators {
            lines.append("indicator \(i.code) \(i.name) | \(i.objective) | \(i.formula) | \(i.source) | position \(i.positionIndex)")
        }
        lines += catalogue.organisation.units.map { "unit \($0.fullName)" }
        return lines
    }

    @Test("both .docx styles of the bundled catalogue give what the text gives: positions, tasks, functions, objectives, indicators, formulas, sources, targets, signature, codes, organisation",
          arguments: ["catalogue-plain.docx", "catalogue-word.docx", "catalogue-boxes.docx"])
    func sameAsText(_ name: String) {
        let (text, textDiagnostics) = Bundled.catalogue()
        let (word, wordDiagnostics) = Catalogue.load(path: Self.fixture(name))
        #expect(word.positions.count == 54)
        #expect(word.indicators.count == 75)
        #expect(word.metadata.nip == "19590531 198603 2 004")
        let expected = Self.dump(text), actual = Self.dump(word)
        #expect(actual.count == expected.count)
        for (e, a) in zip(expected, actual) where e != a {
            Issue.record("differs:\n  text: \(e)\n  word: \(a)")
        }
        #expect(wordDiagnostics.map(\.message) == textDiagnostics.map(\.message))
        #expect(word.indicators.contains { $0.formula.kind == .ratio && $0.formula.numerator == "Jumlah PNS yang mendapat pelayanan administrasi Kepegawaian tepat waktu" })
    }

    /// A `word/document.xml` around `body`, read as a catalogue named `d.docx`.
    static func read(_ body: String) -> (Catalogue, [Diagnostic]) {
        let xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"><w:body>\(body)</w:body></w:document>
            """
        return WordCatalogueReader.read(documentXML: Data(xml.utf8), file: "d.docx", indexingCodes: true)
    }

    static func p(_ runs: String, numbered: Bool = false) -> String {
        "<w:p>" + (numbered ? "<w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>" : "") + runs + "</w:p>"
    }
    static func r(_ text: String, underline: Bool = false) -> String {
        "<w:r>" + (underline ? "<w:rPr><w:u w:val=\"single\"/></w:rPr>" : "") + "<w:t xml:space=\"preserve\">\(text)</w:t></w:r>"
    }
    static func tc(_ content: String, merge: String? = nil, span: Int? = nil) -> String {
        var pr = ""
        if let merge { pr += merge.isEmpty ? "<w:vMerge/>" : "<w:vMerge w:val=\"\(merge)\"/>" }
        if let span { pr += "<w:gridSpan w:val=\"\(span)\"/>" }
        return "<w:tc>" + (pr.isEmpty ? "" : "<w:tcPr>\(pr)</w:tcPr>") + content + "</w:tc>"
    }
    static let header = "<w:tr>" + ["KINERJA", "INDIKATOR KINERJA", "PENJELASAN/FORMULASI PENGHITUNGAN", "SUMBER DATA"].map { tc(p(r($0))) }.joined() + "</w:tr>"
    static let heading = p(r("INDIKATOR KI") + r("NERJA INDIVIDU"))
    static let signature = ["KEPALA DINAS", "KOPERASI DAN USAHA MIKRO", "KABUPATEN MALANG", "Dra. MADE DEWI ANGGRAENI, M.Si", "Pembina Utama Muda", "NIP. 19590531 198603 2 004"].map { p(r($0)) }.joined()
    static func fraction(_ num: String, _ den: String) -> String {
        "<m:f><m:num>\(num)</m:num><m:den>\(den)</m:den></m:f>"
    }
    static func mr(_ text: String) -> String { "<m:r><m:t>\(text)</m:t></m:r>" }

    @Test("Word's storage read as text: runs split anywhere, soft hyphens, non-breaking spaces, tabs, numbered headings and items, a content control, a deletion skipped")
    func paragraphs() {
        let body = "<w:sdt><w:sdtPr/><w:sdtContent>" + Self.heading + "</w:sdtContent></w:sdt>"
            + Self.p(Self.r("JABA") + Self.r("TAN") + "<w:r><w:tab/></w:r>" + Self.r(": KEPALA\u{A0}SUB BA\u{AD}GIAN UMUM"), numbered: true)
            + Self.p(Self.r("TUGAS :"), numbered: true)
            + Self.p(Self.r("Melaksanakan urusan ") + "<w:del><w:r><w:delText>tidak </w:delText></w:r></w:del>" + Self.r("umum"), numbered: true)
            + Self.p(Self.r("dan kepegawaian."))
            + Self.p(Self.r("Melaksanakan tugas lain."), numbered: true)
            + "<w:tbl>" + Self.header + "<w:tr>" + Self.tc(Self.p(Self.r("Meningkatnya pelayanan"))) + Self.tc(Self.p(Self.r("Jumlah surat")))
            + Self.tc(Self.p(Self.r("Jumlah surat sebanyak 12 dokumen"))) + Self.tc(Self.p(Self.r("Agenda"))) + "</w:tr></w:tbl>" + Self.signature
        let (catalogue, diagnostics) = Self.read(body)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(catalogue.positions.map(\.title) == ["KEPALA SUB BAGIAN UMUM"])
        #expect(catalogue.positions.first?.tasks == ["Melaksanakan urusan umum dan kepegawaian.", "Melaksanakan tugas lain."])
        #expect(catalogue.indicators.first?.formula.yearlyTarget == 12)
        #expect(catalogue.metadata.head == "Dra. MADE DEWI ANGGRAENI, M.Si")
    }

    @Test("a text box is read where it is anchored, once: of mc:AlternateContent only the choice, not the VML fallback that repeats it")
    func textBoxes() {
        let box = "<w:txbxContent>" + Self.p(Self.r("TUGAS :"), numbered: true) + Self.p(Self.r("Melaksanakan urusan umum."), numbered: true) + "</w:txbxContent>"
        let alternate = "<w:r><mc:AlternateContent xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\">"
            + "<mc:Choice Requires=\"wps\"><w:drawing><wps:txbx xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\">" + box + "</wps:txbx></w:drawing></mc:Choice>"
            + "<mc:Fallback><w:pict><v:textbox xmlns:v=\"urn:schemas-microsoft-com:vml\">" + box + "</v:textbox></w:pict></mc:Fallback>"
            + "</mc:AlternateContent></w:r>"
        let anchor = "<w:p>" + alternate + "</w:p>"
        let body = Self.heading + Self.p(Self.r("JABATAN : KEPALA SUB BAGIAN UMUM"), numbered: true) + anchor
            + Self.p(Self.r("Melaksanakan tugas lain."), numbered: true)
            + "<w:tbl>" + Self.header + "<w:tr>" + Self.tc(Self.p(Self.r("Meningkatnya pelayanan"))) + Self.tc(Self.p(Self.r("Jumlah surat")))
            + Self.tc(Self.p(Self.r("Jumlah surat sebanyak 12 dokumen"))) + Self.tc(Self.p(Self.r("Agenda") + alternate)) + "</w:tr></w:tbl>" + Self.signature
        let (catalogue, diagnostics) = Self.read(body)
        #expect(diagnostics.filter { $0.severity == .error }.map(\.description) == [])
        #expect(catalogue.positions.first?.tasks == ["Melaksanakan urusan umum.", "Melaksanakan tugas lain."])
        // In a cell, the box's text joins the cell's, once.
        #expect(catalogue.indicators.first?.source == "TUGAS : Melaksanakan urusan umum. Agenda")
    }

    @Test("numbering through the paragraph style: w:numPr in the style or one it is based on; numId 0 turns it off")
    func styleNumbering() throws {
        let styles = """
            <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
            <w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
            <w:style w:type="paragraph" w:styleId="ListA"><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="ListB"><w:basedOn w:val="ListA"/><w:rPr><w:b/></w:rPr></w:style>
            <w:style w:type="paragraph" w:styleId="Off"><w:basedOn w:val="ListB"/><w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="Loop1"><w:basedOn w:val="Loop2"/></w:style>
            <w:style w:type="paragraph" w:styleId="Loop2"><w:basedOn w:val="Loop1"/></w:style>
            </w:styles>
            """
        let numbered = WordDocument.numberedStyles(try XMLElements.parse(Data(styles.utf8), part: "word/styles.xml", file: "d.docx"))
        #expect(numbered == ["ListA", "ListB"])
        func styled(_ style: String, _ text: String) -> String { "<w:p><w:pPr><w:pStyle w:val=\"\(style)\"/></w:pPr>" + Self.r(text) + "</w:p>" }
        let xml = """
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(styled("ListB", "TUGAS :"))\(styled("Off", "Teks biasa"))\(styled("ListB", "Lepas").replacingOccurrences(of: "</w:pPr>", with: "<w:numPr><w:numId w:val=\"0\"/></w:numPr></w:pPr>"))</w:body></w:document>
            """
        let (document, problem) = WordDocument.parse(Data(xml.utf8), numberedStyles: numbered)
        #expect(problem == nil)
        let flags = (document?.blocks ?? []).compactMap { block -> Bool? in if case .paragraph(let p) = block { return p.numbered } else { return nil } }
        #expect(flags == [true, false, false])
    }

    @Test("tables: a merged objective spans its indicators (vMerge), a spanned cell, no tblGrid; equations: nested fractions joined across runs, the underlined numerator with a line break")
    func tables() {
        let nested = Self.fraction(Self.mr("Jumlah ") + Self.mr("A"), Self.mr("Jumlah B"))
        let rows = [
            Self.tc(Self.p(Self.r("Objektif satu")), merge: "restart") + Self.tc(Self.p(Self.r("Persentase A")))
                + Self.tc("<w:p><m:oMathPara><m:oMath>" + Self.fraction(Self.mr("Jumlah ") + Self.mr("A tepat"), Self.mr("Jumlah A")) + Self.mr("× 100%") + "</m:oMath></m:oMathPara></w:p>")
                + Self.tc(Self.p(Self.r("Data A"))),
            Self.tc(Self.p(""), merge: "") + Self.tc(Self.p(Self.r("Persentase B")))
                + Self.tc(Self.p(Self.r("Jumlah B ") + Self.r("yang selesai", underline: true) + Self.r(" x 100%") + "<w:r><w:br/></w:r>" + Self.r("Jumlah B")))
                + Self.tc(Self.p(Self.r("Data B"))),
            Self.tc(Self.p(Self.r("Objektif dua"))) + Self.tc(Self.p(Self.r("Persentase C")))
                + Self.tc("<w:p><m:oMath>" + Self.fraction(nested, Self.mr("Jumlah C")) + Self.mr("× 100%") + "</m:oMath></w:p>", span: 2),
        ]
        let body = Self.heading + Self.p(Self.r("1. JABATAN : PENGADMINISTRASI UMUM")) + Self.p(Self.r("2. TUGAS : a. Mengurus surat."))
            + "<w:tbl><w:tblPr/>" + Self.header + rows.map { "<w:tr>\($0)</w:tr>" }.joined() + "</w:tbl>" + Self.signature
        let (catalogue, diagnostics) = Self.read(body)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty)
        let indicators = catalogue.indicators
        #expect(indicators.map(\.objective) == ["Objektif satu", "Objektif satu", "Objektif dua"])
        #expect(indicators.map(\.formula.numerator) == ["Jumlah A tepat", "Jumlah B yang selesai", "Jumlah AJumlah B"])
        #expect(indicators.map(\.formula.denominator) == ["Jumlah A", "Jumlah B", "Jumlah C"])
        #expect(indicators.map(\.formula.text) == ["Jumlah A tepat / Jumlah A × 100%", "Jumlah B yang selesai / Jumlah B × 100%", "Jumlah AJumlah B / Jumlah C × 100%"])
        #expect(indicators.map(\.source) == ["Data A", "Data B", ""])
    }

    @Test("a signature in a borderless table beside an empty cell is the signature block")
    func signatureTable() {
        let body = Self.heading + Self.p(Self.r("1. JABATAN : PENGEMUDI")) + "<w:tbl>" + Self.header + "<w:tr>"
            + [Self.tc(Self.p(Self.r("Objektif"))), Self.tc(Self.p(Self.r("Jumlah perjalanan"))), Self.tc(Self.p(Self.r("Jumlah perjalanan"))), Self.tc(Self.p(Self.r("Buku")))].joined()
            + "</w:tr></w:tbl><w:tbl><w:tr>" + Self.tc(Self.p("")) + Self.tc(Self.signature) + "</w:tr></w:tbl>"
        let (catalogue, diagnostics) = Self.read(body)
        #expect(diagnostics.filter { $0.id == "signature-not-recognised" || $0.id == "no-signature" }.isEmpty)
        #expect(catalogue.metadata.nip == "19590531 198603 2 004")
        #expect(catalogue.metadata.office == "Dinas Koperasi dan Usaha Mikro")
    }

    @Test("an equation without a denominator: an error naming the table, row and column with the cell's text, and nothing loaded")
    func equationWithoutDenominator() {
        let (catalogue, diagnostics) = Catalogue.load(path: Self.fixture("equation-without-denominator.docx"))
        #expect(catalogue.positions.isEmpty && catalogue.indicators.isEmpty)
        #expect(diagnostics.map(\.description) == [
            "\(Self.fixture("equation-without-denominator.docx")): table 1, row 2, column 3: error: the equation's fraction has no numerator or no denominator; fill both in Word's equation editor\n    text there: 'Jumlah surat yang selesai tepat waktu × 100%'",
        ])
    }

    @Test("a builder's diagnostic names the place in the document and quotes its text")
    func placeOfBuilderDiagnostic() {
        let body = Self.heading + Self.p(Self.r("1. JABATAN : PENGEMUDI")) + "<w:tbl>" + Self.header + "<w:tr>"
            + [Self.tc(Self.p(Self.r("Objektif"))), Self.tc(Self.p("")), Self.tc(Self.p(Self.r("Jumlah perjalanan"))), Self.tc(Self.p(Self.r("Buku")))].joined()
            + "</w:tr></w:tbl>" + Self.signature
        let (catalogue, diagnostics) = Self.read(body)
        #expect(catalogue.positions.isEmpty)
        #expect(diagnostics.first { $0.id == "row-without-indicator-name" }?.description
                == "d.docx: table 1, row 2, column 2: error: table row has no indicator name (second cell is empty)")
    }

    @Test("not a zip, a zip that is not Word, a workbook, malformed XML: one positioned error each, nothing loaded")
    func badDocuments() {
        let cases: [(String, String)] = [
            ("not-a-zip.docx", "error: not a Word or Excel file (it is not a zip archive); save it again as .docx or .xlsx, or give the text export"),
            ("zip-not-word.docx", "error: a zip archive but not a Word or Excel document (no [Content_Types].xml); save it from Word or Excel as .docx or .xlsx"),
            ("workbook.docx", "error: not a Word document (no word/document.xml; an Excel workbook goes to --realisations); save the catalogue from Word as .docx"),
        ]
        for (name, message) in cases {
            let (catalogue, diagnostics) = Catalogue.load(path: Self.fixture(name))
            #expect(catalogue.positions.isEmpty)
            #expect(diagnostics.map(\.description) == ["\(Self.fixture(name)): \(message)"])
        }
        let (catalogue, diagnostics) = WordCatalogueReader.read(documentXML: Data("<document><body></document>".utf8), file: "d.docx", indexingCodes: true)
        #expect(catalogue.positions.isEmpty)
        #expect(diagnostics.map(\.id) == ["word-malformed"])
        #expect(diagnostics.first?.description.hasPrefix("d.docx: error: word/document.xml cannot be read: ") == true)
    }

    @Test("a document.xml over 10 MB on one line (as Word and python-docx write it) is read, not refused by libxml2's chunk limit")
    func largeDocument() {
        let filler = Self.p(Self.r(String(repeating: "Teks panjang ", count: 80)))
        let body = Self.heading + Self.p(Self.r("1. JABATAN : PENGEMUDI")) + "<w:tbl>" + Self.header + "<w:tr>"
            + [Self.tc(Self.p(Self.r("Objektif"))), Self.tc(Self.p(Self.r("Jumlah perjalanan"))), Self.tc(Self.p(Self.r("Jumlah perjalanan"))), Self.tc(Self.p(Self.r("Buku")))].joined()
            + "</w:tr></w:tbl>" + Self.signature + String(repeating: filler, count: 10_500)
        #expect(body.utf8.count > 10_500_000)
        let (catalogue, diagnostics) = Self.read(body)
        #expect(!diagnostics.contains { $0.id == "word-malformed" })
        #expect(catalogue.indicators.count == 1)
    }
}
