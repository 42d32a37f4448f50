import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One worksheet part (`xl/worksheets/sheetN.xml`) -> its cells, streamed (a sheet can hold
/// hundreds of thousands of cells): `c` elements with their `r`, type `t` and style `s`, the
/// value in `v` (a formula's cached result too) or inline in `is/t`; `mergeCell` ranges.
enum WorksheetReader {
    static func read(_ data: Data, name: String, part: String, file: String,
                     strings: [String], styles: CellStyles, date1904: Bool) throws(Diagnostic) -> Workbook.Sheet {
        let reader = Reader(strings: strings, styles: styles, date1904: date1904)
        reader.sheet.name = name
        // Fed as a stream, as the Word reader does: libxml2 refuses a single chunk over 10 MB
        // (openpyxl's write-only sheets put the whole part on one line).
        let parser = XMLParser(stream: InputStream(data: data))
        parser.delegate = reader
        guard parser.parse() else {
            throw .error(.workbookBadXML(part: part, line: parser.lineNumber),
                         at: SourceLocation(file: file, line: 1, place: "sheet \(name)"))
        }
        return reader.sheet
    }

    /// Excel's day `serial` as a date: days since 1899-12-30 (the 1900 system, whose false
    /// 29 February 1900 the base absorbs for every date after it), or since 1904-01-01.
    static func date(serial: Double, date1904: Bool) -> (year: Int, month: Int, day: Int) {
        // Days from 1970-01-01, then the civil date (Howard Hinnant's algorithm).
        let z = Int(serial.rounded(.down)) + (date1904 ? -24107 : -25569) + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private final class Reader: NSObject, XMLParserDelegate {
        let strings: [String]
        let styles: CellStyles
        let date1904: Bool
        var sheet = Workbook.Sheet(name: "")
        var rowNumber = 0
        var cells: [(column: Int, cell: Workbook.Cell)] = []
        var column = -1
        var type = "", style = 0
        var text = ""
        var collecting = false
        var inInline = false
        var hasValue = false

        init(strings: [String], styles: CellStyles, date1904: Bool) {
            self.strings = strings
            self.styles = styles
            self.date1904 = date1904
        }

        func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
            switch local(element) {
            case "row":
                rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
                cells = []
                column = -1
            case "c":
                column = attributes["r"].flatMap(Workbook.reference)?.column ?? column + 1
                type = attributes["t"] ?? "n"
                style = attributes["s"].flatMap(Int.init) ?? 0
                text = ""
                hasValue = false
            case "v":
                collecting = true
                text = ""
            case "is": inInline = true
            case "t" where inInline: collecting = true
            case "rPh" where inInline: inInline = false
            case "mergeCell":
                let range = attributes["ref"] ?? ""
                let ends = range.split(separator: ":").compactMap { Workbook.reference(String($0))?.row }
                if let first = ends.first { sheet.merges.append((range, first...(ends.last ?? first))) }
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if collecting { text += string }
        }

        func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
            switch local(element) {
            case "v", "t":
                if collecting { hasValue = true }
                collecting = false
            case "is": inInline = false
            case "c":
                if hasValue, let cell = cell() { cells.append((column, cell)) }
            case "row":
                if !cells.isEmpty { sheet.rows.append((rowNumber, cells)) }
            default: break
            }
        }

        func cell() -> Workbook.Cell? {
            switch type {
            case "s": return Int(text).flatMap { $0 >= 0 && $0 < strings.count ? .text(strings[$0]) : nil }
            case "inlineStr", "str": return .text(text)
            case "b": return .bool(text == "1" || text == "true")
            case "e": return .error(text)
            default:
                guard let n = Double(text.trimmingCharacters(in: .whitespaces)), n.isFinite else { return .text(text) }
                if styles.dates.contains(style), n >= 1, n < 2_958_466 {
                    let d = WorksheetReader.date(serial: n, date1904: date1904)
                    return .date(year: d.year, month: d.month, day: d.day)
                }
                return styles.percents.contains(style) ? .percent(n) : .number(n)
            }
        }
    }
}
