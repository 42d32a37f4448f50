import Foundation
import Testing
@testable import Catalogue

/// Workbook parts over 10 MB on one line (openpyxl's write-only sheets, a big shared-strings part):
/// libxml2 refuses such a part when it is handed over as one chunk, so the readers stream it.
@Suite("Catalogue: large workbook parts")
struct LargeWorkbookTests {
    static let rows = 12_000
    /// A long inline text per row keeps the row count (and the test's time) low while the part
    /// passes 10 MB.
    static let filler = String(repeating: "Realisasi kegiatan ", count: 46)

    @Test("a sheet part over 10 MB on one line is read whole, every row and cell, not refused as bad XML")
    func largeSheet() throws {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
        xml += #"<row r="1"><c r="A1" t="inlineStr"><is><t>code</t></is></c><c r="B1" t="inlineStr"><is><t>value</t></is></c><c r="C1" t="inlineStr"><is><t>note</t></is></c></row>"#
        for n in 2...(Self.rows + 1) {
            xml += #"<row r="\#(n)"><c r="A\#(n)" t="s"><v>0</v></c><c r="B\#(n)"><v>\#(n)</v></c><c r="C\#(n)" t="inlineStr"><is><t>\#(Self.filler)\#(n)</t></is></c></row>"#
        }
        xml += "</sheetData></worksheet>"
        let data = Data(xml.utf8)
        #expect(data.count > 10_500_000)
        #expect(!data.contains(UInt8(ascii: "\n")))
        let sheet = try WorksheetReader.read(data, name: "Realisasi", part: "xl/worksheets/sheet1.xml", file: "big.xlsx",
                                             strings: ["1.01.01"], styles: CellStyles(), date1904: false)
        #expect(sheet.rows.count == Self.rows + 1)
        let last = try #require(sheet.rows.last)
        #expect(last.number == Self.rows + 1)
        #expect(last.cells.map(\.column) == [0, 1, 2])
        #expect(last.cells.map(\.cell) == [.text("1.01.01"), .number(Double(Self.rows + 1)), .text(Self.filler + "\(Self.rows + 1)")])
    }

    @Test("a shared-strings part over 10 MB on one line is read whole")
    func largeSharedStrings() throws {
        var xml = #"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        for n in 0..<Self.rows { xml += "<si><t>\(Self.filler)\(n)</t></si>" }
        xml += "</sst>"
        let data = Data(xml.utf8)
        #expect(data.count > 10_500_000)
        let parsed = try XMLElements.parse(data, part: "xl/sharedStrings.xml", file: "big.xlsx")
        let strings = SharedStrings.read(parsed)
        #expect(strings.count == Self.rows)
        #expect(strings.last == Self.filler + "\(Self.rows - 1)")
    }
}
