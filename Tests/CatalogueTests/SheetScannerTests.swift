import Foundation
import Testing
@testable import Catalogue

/// The byte scanner of worksheet parts (`SheetScanner`): what Excel, LibreOffice and openpyxl
/// write into a sheet, fed whole and in pieces, and parts that are damaged.
@Suite("Catalogue: the worksheet scanner")
struct SheetScannerTests {
    static func part(_ rows: String, tail: String = "</sheetData></worksheet>") -> String {
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n" +
            #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"# + rows + tail
    }

    static func sheet(_ xml: String, strings: [String] = ["kode"], chunk: Int? = nil) throws(Diagnostic) -> Workbook.Sheet {
        var scanner = SheetScanner(name: "Sheet1", strings: strings, styles: CellStyles(), date1904: false)
        let bytes = Array(xml.utf8)
        let size = chunk ?? bytes.count
        var start = 0
        while start < bytes.count {
            let piece = Data(bytes[start..<min(bytes.count, start + size)])
            scanner.feed(piece)
            start += size
        }
        return try WorksheetReader.finish(&scanner, part: "xl/worksheets/sheet1.xml", file: "file.xlsx")
    }

    static func cells(_ sheet: Workbook.Sheet) -> [[Workbook.Cell]] { sheet.rows.map { $0.cells.map(\.cell) } }

    @Test("entities and character references are decoded: &amp; &lt; &#x41; &#66;")
    func entities() throws {
        let sheet = try Self.sheet(Self.part(#"<row r="1"><c r="A1" t="inlineStr"><is><t>R&amp;D &lt;1&gt; &#x41;&#66; &quot;x&apos;</t></is></c></row>"#))
        #expect(Self.cells(sheet) == [[.text("R&D <1> AB \"x'")]])
    }

    @Test("an inline string's rich-text runs are joined; its phonetic run is left out")
    func richText() throws {
        let sheet = try Self.sheet(Self.part(
            #"<row r="2"><c r="B2" t="inlineStr"><is><r><rPr><b/><sz val="11"/></rPr><t>Real</t></r><r><t>isasi</t></r>"# +
            #"<rPh sb="0" eb="1"><t>X</t></rPh><r><t> 2026</t></r></is></c></row>"#))
        #expect(sheet.rows.map(\.number) == [2])
        #expect(sheet.rows[0].cells.map(\.column) == [1])
        #expect(Self.cells(sheet) == [[.text("Realisasi 2026")]])
    }

    @Test("xml:space=\"preserve\" text keeps its spaces")
    func preservedSpaces() throws {
        let sheet = try Self.sheet(Self.part(#"<row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve">  85 </t></is></c></row>"#))
        #expect(Self.cells(sheet) == [[.text("  85 ")]])
    }

    @Test("self-closing cells and rows hold nothing; a self-closing value is an empty text")
    func selfClosing() throws {
        let sheet = try Self.sheet(Self.part(
            #"<row r="1"><c r="A1" s="0"/><c r="B1" t="s"><v>0</v></c><c r="C1"/></row><row r="2"/><row r="3" spans="1:2"><c r="A3"><v/></c></row>"#))
        #expect(sheet.rows.map(\.number) == [1, 3])
        #expect(sheet.rows[0].cells.map(\.column) == [1])
        #expect(Self.cells(sheet) == [[.text("kode")], [.text("")]])
    }

    @Test("cells and rows without r= follow the one before")
    func missingReferences() throws {
        let sheet = try Self.sheet(Self.part(
            #"<row><c><v>1</v></c><c><v>2</v></c></row><row><c r="D2"><v>3</v></c><c><v>4</v></c></row><row r="7"><c><v>5</v></c></row><row><c><v>6</v></c></row>"#))
        #expect(sheet.rows.map(\.number) == [1, 2, 7, 8])
        #expect(sheet.rows.map { $0.cells.map(\.column) } == [[0, 1], [3, 4], [0], [0]])
    }

    @Test("numbers in exponent form, negative and with spaces; text in a number cell stays text")
    func numbers() throws {
        let sheet = try Self.sheet(Self.part(
            #"<row r="1"><c r="A1"><v>1.5E+3</v></c><c r="B1"><v>2e-3</v></c><c r="C1"><v>-87.25</v></c><c r="D1"><v> 12 </v></c>"# +
            #"<c r="E1"><v>85%</v></c><c r="F1" t="b"><v>1</v></c><c r="G1" t="e"><v>#DIV/0!</v></c><c r="H1" t="str"><f>A1*2</f><v>3000</v></c></row>"#))
        #expect(Self.cells(sheet) == [[.number(1500), .number(0.002), .number(-87.25), .number(12), .text("85%"), .bool(true), .error("#DIV/0!"), .text("3000")]])
    }

    @Test("comments, CDATA, a namespace prefix and merged ranges")
    func prefixesAndMerges() throws {
        let xml = #"<?xml version="1.0"?><!-- made by hand --><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>"# +
            #"<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t><![CDATA[a<b & c]]></x:t></x:is></x:c></x:row></x:sheetData>"# +
            #"<x:mergeCells count="1"><x:mergeCell ref="A1:B2"/></x:mergeCells></x:worksheet>"#
        let sheet = try Self.sheet(xml)
        #expect(Self.cells(sheet) == [[.text("a<b & c")]])
        #expect(sheet.merges.map(\.range) == ["A1:B2"])
        #expect(sheet.merges.map(\.rows) == [1...2])
    }

    @Test("fed one byte at a time or in odd chunks, a part gives the same cells as fed whole")
    func chunks() throws {
        var rows = ""
        for n in 1...40 {
            rows += #"<row r="\#(n)"><c r="A\#(n)" t="s"><v>0</v></c><c r="B\#(n)"><v>\#(n).5</v></c>"# +
                #"<c r="C\#(n)" t="inlineStr"><is><t xml:space="preserve">R&amp;D &#x41; \#(n)</t></is></c></row>"#
        }
        let xml = Self.part(rows)
        let whole = try Self.sheet(xml)
        #expect(whole.rows.count == 40)
        for size in [1, 2, 3, 7, 64, 1000] {
            let pieces = try Self.sheet(xml, chunk: size)
            #expect(Self.cells(pieces) == Self.cells(whole), "chunks of \(size)")
            #expect(pieces.rows.map(\.number) == whole.rows.map(\.number))
        }
    }

    /// The diagnostic a damaged part gives, as `iki check` prints it.
    static func failure(_ xml: String, chunk: Int? = nil) -> String {
        do {
            _ = try sheet(xml, chunk: chunk)
            return "no error"
        } catch {
            return error.description
        }
    }

    @Test("a part cut short inside a cell is an error at that cell: file.xlsx: sheet Sheet1, cell C12")
    func cutShort() {
        let xml = Self.part(#"<row r="12"><c r="A12"><v>1</v></c><c r="C12"><v>4"#, tail: "")
        let message = Self.failure(xml)
        #expect(message.hasPrefix("file.xlsx: sheet Sheet1, cell C12: error: part xl/worksheets/sheet1.xml is damaged here: it ends inside <v> (the file is cut short)"), "\(message)")
        #expect(Self.failure(xml, chunk: 5) == message)
        // Cut inside a tag, and before any row.
        #expect(Self.failure(Self.part(#"<row r="3"><c r="B3" t="inlin"#, tail: "")).hasPrefix("file.xlsx: sheet Sheet1, row 3: error: part xl/worksheets/sheet1.xml is damaged here: it ends inside <c>"))
        #expect(Self.failure("").hasPrefix("file.xlsx: sheet Sheet1: error: part xl/worksheets/sheet1.xml is damaged here: it ends inside <worksheet>"))
    }

    @Test("malformed parts: an end tag that closes the wrong element, an unknown entity, a broken tag")
    func malformed() {
        #expect(Self.failure(Self.part(#"<row r="5"><c r="B5"><v>1</c></row>"#))
            .hasPrefix("file.xlsx: sheet Sheet1, cell B5: error: part xl/worksheets/sheet1.xml is damaged here: </c> where <v> should close"))
        #expect(Self.failure(Self.part(#"<row r="6"><c r="D6" t="inlineStr"><is><t>a&nbsp;b</t></is></c></row>"#))
            .hasPrefix("file.xlsx: sheet Sheet1, cell D6: error: part xl/worksheets/sheet1.xml is damaged here: '&nbsp;b' is not an XML character reference"))
        #expect(Self.failure(Self.part(#"<row r="7"><c r="A7" t"s"><v>0</v></c></row>"#))
            .hasPrefix("file.xlsx: sheet Sheet1, row 7: error: part xl/worksheets/sheet1.xml is damaged here: '<c r=\"A7\" t\"s\"><v>0</v></c></r' is not a well-formed tag"))
        #expect(Self.failure(Self.part(#"<row r="8"><c r="A8"><v>&#0;</v></c></row>"#)).contains("'&#0;' is not an XML character reference"))
    }
}
