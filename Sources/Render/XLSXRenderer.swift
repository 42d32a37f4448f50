import Catalogue
import Foundation
import Query
import ZIPFoundation

/// A `ResultSet` as an Excel workbook (.xlsx), for `export ... to "x.xlsx"` and `iki template
/// --output x.xlsx`: numbers as numbers, percentages (achievement) as Excel keeps them (0.875
/// with a `0.0%` format, shown 87.5%), text as inline strings (never evaluated, so never a
/// formula), periods as text so Excel keeps `2026-11`, a bold frozen header, widths that fit the
/// longest cell, the predikat (category) cell filled with its colour. The zip's dates are fixed,
/// so the same result gives the same bytes.
enum XLSXRenderer {
    /// Styles, by their index in `cellXfs` below.
    private enum Style: Int { case plain, header, percent, text, sangatBaik, baik, cukup, kurang, sangatKurang }

    private static let fills: [String: Style] = ["sangat baik": .sangatBaik, "baik": .baik, "cukup": .cukup, "kurang": .kurang, "sangat kurang": .sangatKurang]

    static func render(_ result: ResultSet, _ options: RenderOptions) -> Data? {
        workbook([("iki", result)])
    }

    /// Several results, one sheet each, in one workbook (the report's sections); a sheet's name
    /// is cut to Excel's 31 characters and cleared of the characters Excel refuses.
    static func workbook(_ sheets: [(name: String, result: ResultSet)]) -> Data? {
        var used = Set<String>()
        let names = sheets.enumerated().map { i, sheet -> String in
            var name = String(sheet.name.map { "[]:*?/\\".contains($0) ? "-" : $0 }.prefix(31))
            if name.isEmpty || used.contains(name.lowercased()) { name = String(name.prefix(27)) + " \(i + 1)" }
            used.insert(name.lowercased())
            return name
        }
        let overrides = sheets.indices.map { #"<Override PartName="/xl/worksheets/sheet\#($0 + 1).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"# }.joined()
        let contentTypes = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\#(overrides)<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#
        let workbook = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#
            + names.enumerated().map { #"<sheet name="\#(escaped($1))" sheetId="\#($0 + 1)" r:id="rId\#($0 + 1)"/>"# }.joined() + "</sheets></workbook>"
        let relationships = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + sheets.indices.map { #"<Relationship Id="rId\#($0 + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#($0 + 1).xml"/>"# }.joined()
            + #"<Relationship Id="rId\#(sheets.count + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#
        return zip([("[Content_Types].xml", contentTypes), ("_rels/.rels", packageRelationships), ("xl/workbook.xml", workbook),
                    ("xl/_rels/workbook.xml.rels", relationships), ("xl/styles.xml", styles)]
                   + sheets.enumerated().map { ("xl/worksheets/sheet\($0 + 1).xml", sheet($1.result)) })
    }

    /// One worksheet's XML.
    static func sheet(_ result: ResultSet) -> String {
        var sheet = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        sheet += #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
        var widths = result.columns.map { $0.name.count }
        var rows = ""
        func cell(_ column: Int, _ row: Int, _ value: Value, _ type: ValueType) -> String {
            let ref = SpreadsheetText.columnName(column) + "\(row)"
            switch value.finite {
            case .missing: return ""
            case .number(let n) where type == .percent:
                widths[column] = max(widths[column], fixedDecimals(n, 1).count + 1)
                return #"<c r="\#(ref)" s="\#(Style.percent.rawValue)"><v>\#(n / 100)</v></c>"#
            case .number(let n):
                widths[column] = max(widths[column], formatNumber(n).count)
                return #"<c r="\#(ref)"><v>\#(n)</v></c>"#
            case .bool(let b): return #"<c r="\#(ref)" t="b"><v>\#(b ? 1 : 0)</v></c>"#
            case .period(let p): return text(ref, p.description, .text, column)
            case .text(let s):
                return text(ref, s, fills[s.lowercased()].flatMap { result.columns[column].name.lowercased().hasPrefix("categor") || result.columns[column].name.lowercased() == "predikat" ? $0 : nil } ?? .plain, column)
            }
        }
        func text(_ ref: String, _ s: String, _ style: Style, _ column: Int) -> String {
            widths[column] = max(widths[column], s.count)
            return #"<c r="\#(ref)" t="inlineStr" s="\#(style.rawValue)"><is><t xml:space="preserve">\#(escaped(s))</t></is></c>"#
        }
        rows += #"<row r="1">"# + result.columns.enumerated().map { i, c in text(SpreadsheetText.columnName(i) + "1", c.name, .header, i) }.joined() + "</row>"
        for (r, row) in result.rows.enumerated() {
            rows += #"<row r="\#(r + 2)">"#
            for (i, value) in row.enumerated() where i < result.columns.count { rows += cell(i, r + 2, value, result.columns[i].type) }
            rows += "</row>"
        }
        if !widths.isEmpty {
            sheet += "<cols>" + widths.enumerated().map { #"<col min="\#($0 + 1)" max="\#($0 + 1)" width="\#(min($1, 80) + 2)" customWidth="1"/>"# }.joined() + "</cols>"
        }
        return sheet + "<sheetData>" + rows + "</sheetData></worksheet>"
    }


    /// XML text: the five escapes, and the characters XML 1.0 cannot hold (C0 controls but tab,
    /// LF and CR) as U+FFFD, so a control character in the data cannot make the file unreadable.
    static func escaped(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default: if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { out += "\u{FFFD}" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    private static func zip(_ parts: [(String, String)]) -> Data? {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            let fixed = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01, for the same bytes every time
            for (name, text) in parts {
                let data = Data(text.utf8)
                try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixed,
                                     compressionMethod: .deflate) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
            }
            return archive.data
        } catch {
            return nil
        }
    }

    private static let packageRelationships = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
    /// Fonts: plain, bold. Fills: the two Excel requires, then Sangat Baik (green) to Sangat Kurang
    /// (red), as Excel's own conditional formats colour good and bad. Formats: 164 is `0.0%`, 49 text.
    private static let styles: String = {
        let colours = Pictures.bandFills.map { $0.dropFirst().uppercased() }
        let fills = colours.map { #"<fill><patternFill patternType="solid"><fgColor rgb="FF\#($0)"/><bgColor indexed="64"/></patternFill></fill>"# }.joined()
        let categoryXfs = (0..<5).map { #"<xf numFmtId="49" fontId="0" fillId="\#($0 + 2)" borderId="0" applyFill="1" applyNumberFormat="1"/>"# }.joined()
        return #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="7"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>\#(fills)</fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="9"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\#(categoryXfs)</cellXfs></styleSheet>"#
    }()
}
