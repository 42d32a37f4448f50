import Foundation

/// An Excel workbook's cells, read from its parts (SpreadsheetML): sheet names and parts from
/// `xl/workbook.xml` and its relationships, strings from `xl/sharedStrings.xml`, which cells are
/// dates or percentages from `xl/styles.xml`. A cell's place is its `r` reference, never its
/// position in the row (Excel leaves empty cells out).
struct Workbook {
    enum Cell: Equatable {
        case number(Double)
        /// A number whose format is a date: the day it names (serials counted as Excel counts).
        case date(year: Int, month: Int, day: Int)
        /// A number shown as a percentage: stored as a fraction (0.85 for 85%).
        case percent(Double)
        case text(String)
        case bool(Bool)
        /// `#DIV/0!` and the like, as Excel shows them.
        case error(String)
    }

    struct Sheet {
        var name: String
        /// Rows by number (1-based), each cells by column (0-based).
        var rows: [(number: Int, cells: [(column: Int, cell: Cell)])] = []
        /// Merged ranges (`A1:B1`) with their first and last row.
        var merges: [(range: String, rows: ClosedRange<Int>)] = []
    }

    let path: String
    var sheets: [Sheet] = []


    /// `C12` -> (column 2, row 12).
    static func reference(_ r: String) -> (column: Int, row: Int)? {
        var r = r
        return r.withUTF8 { reference(bytes: $0) }
    }

    static func reference(bytes: UnsafeBufferPointer<UInt8>) -> (column: Int, row: Int)? {
        var column = 0, row = 0, letters = 0
        // Excel's last column is XFD and last row 1,048,576: longer references are not cells.
        guard bytes.count <= 12 else { return nil }
        for b in bytes {
            if b >= 65 && b <= 90 && row == 0 { column = column * 26 + Int(b - 64); letters += 1 }
            else if b >= 48 && b <= 57 { row = row * 10 + Int(b - 48) }
            else { return nil }
        }
        return letters > 0 && row > 0 ? (column - 1, row) : nil
    }

    /// Reads every sheet; problems (a sheet the workbook names that is missing, XML that does not
    /// parse) are diagnostics naming the sheet or the part. `progress` is told, about every
    /// megabyte unpacked, roughly how many bytes of the workbook file are read (the sheets' packed
    /// bytes in proportion to what is unpacked) and the sheet rows read.
    static func read(path: String, progress: (_ bytes: Int, _ rows: Int) -> Void = { _, _ in }) throws(Diagnostic) -> (Workbook, [Diagnostic]) {
        let archive = try OfficeArchive(path: path)
        var diagnostics: [Diagnostic] = []
        func part(_ name: String) throws(Diagnostic) -> XMLElements? {
            guard let data = try archive.part(name) else { return nil }
            return try XMLElements.parse(data, part: name, file: path)
        }
        guard let workbook = try part("xl/workbook.xml") else {
            throw .error(.notAnExcelWorkbook, at: SourceLocation(file: path, place: ""))
        }
        let relationships = try part("xl/_rels/workbook.xml.rels")
        var targets: [String: String] = [:]
        for r in relationships?.elements ?? [] where r.name == "Relationship" {
            if let id = r.attributes["Id"], let target = r.attributes["Target"] {
                targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            }
        }
        let date1904 = workbook.elements.contains { $0.name == "workbookPr" && ["1", "true"].contains($0.attributes["date1904"] ?? "") }
        let strings = try part("xl/sharedStrings.xml").map(SharedStrings.read) ?? []
        let styles = try part("xl/styles.xml").map(CellStyles.init) ?? CellStyles()
        var book = Workbook(path: path)
        // Packed bytes and rows of the sheets already read, and unpacked bytes of this one.
        var packedBefore = 0, rowsBefore = 0
        for sheet in workbook.elements where sheet.name == "sheet" {
            let name = sheet.attributes["name"] ?? "?"
            let id = sheet.attributes.first { $0.key.hasSuffix(":id") || $0.key == "id" }?.value ?? ""
            var scanner = SheetScanner(name: name, strings: strings, styles: styles, date1904: date1904)
            // Streamed from the zip into the scanner: the inflated part is never held whole.
            let size = targets[id].flatMap(archive.size) ?? (packed: 0, unpacked: 0)
            var unpacked = 0, toldAt = 0
            let told = { (unpacked: Int) in packedBefore + (size.unpacked > 0 ? Int(Double(size.packed) * Double(unpacked) / Double(size.unpacked)) : 0) }
            guard let target = targets[id], try archive.stream(target, into: {
                scanner.feed($0)
                unpacked += $0.count
                if unpacked - toldAt >= 1 << 20 {
                    toldAt = unpacked
                    progress(told(unpacked), rowsBefore + scanner.sheet.rows.count)
                }
            }) else {
                diagnostics.append(.error(.workbookMissingSheet(name, part: targets[id] ?? id),
                                          at: SourceLocation(file: path, line: 1, place: "sheet \(name)")))
                continue
            }
            book.sheets.append(try WorksheetReader.finish(&scanner, part: target, file: path))
            packedBefore += size.packed
            rowsBefore += book.sheets.last?.rows.count ?? 0
        }
        return (book, diagnostics)
    }
}

/// The elements of a small part (workbook, relationships, styles, shared strings) in document
/// order, each with its attributes, its text and how deep it sits.
struct XMLElements {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text = ""
        var depth: Int
    }
    var elements: [Element] = []

    static func parse(_ data: Data, part: String, file: String) throws(Diagnostic) -> XMLElements {
        var collector = Collector()
        if let failure = XMLTokenizer.read(data, into: &collector, root: part) {
            throw .error(.workbookBadXML(part: part, line: failure.line),
                         at: SourceLocation(file: file, line: 1, place: "part \(part), line \(failure.line)"))
        }
        return XMLElements(elements: collector.elements)
    }

    private struct Collector: XMLTokenHandler {
        var elements: [Element] = []
        var open: [Int] = []
        mutating func start(_ name: UnsafeBufferPointer<UInt8>, _ attributes: XMLAttributes) {
            var values: [String: String] = [:]
            for k in 0..<attributes.count { values[String(decoding: attributes.name(k), as: UTF8.self)] = attributes.value(k) ?? "" }
            open.append(elements.count)
            elements.append(Element(name: local(String(decoding: name, as: UTF8.self)), attributes: values, depth: open.count))
        }
        mutating func end(_ name: UnsafeBufferPointer<UInt8>) { open.removeLast() }
        var wantsText: Bool { !open.isEmpty }
        mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
            if let last = open.last { elements[last].text += String(decoding: bytes, as: UTF8.self) }
        }
        /// XMLParser gave CDATA to a callback this never had; Excel does not write it in these parts.
        mutating func cdata(_ bytes: UnsafeBufferPointer<UInt8>) {}
    }
}

/// `x:sheet` -> `sheet`: parts may carry a namespace prefix.
func local(_ name: String) -> String {
    guard let colon = name.lastIndex(of: ":") else { return name }
    return String(name[name.index(after: colon)...])
}

/// `xl/sharedStrings.xml`: each `si`'s text, its runs joined; phonetic runs (`rPh`) left out.
enum SharedStrings {
    static func read(_ part: XMLElements) -> [String] {
        var strings: [String] = []
        var phoneticDepth: Int?
        for e in part.elements {
            if let d = phoneticDepth, e.depth <= d { phoneticDepth = nil }
            switch e.name {
            case "si": strings.append("")
            case "rPh": phoneticDepth = e.depth
            case "t" where phoneticDepth == nil && !strings.isEmpty: strings[strings.count - 1] += e.text
            default: break
            }
        }
        return strings
    }
}

/// `xl/styles.xml`: which cell formats (`s` of a cell, an index into `cellXfs`) show a date or a
/// percentage.
struct CellStyles {
    var dates: Set<Int> = []
    var percents: Set<Int> = []

    init() {}

    init(_ part: XMLElements) {
        var formats: [Int: String] = [:]
        for e in part.elements where e.name == "numFmt" {
            if let id = e.attributes["numFmtId"].flatMap(Int.init) { formats[id] = e.attributes["formatCode"] ?? "" }
        }
        var inCellXfs: Int?, index = 0
        for e in part.elements {
            if let d = inCellXfs, e.depth <= d { inCellXfs = nil }
            if e.name == "cellXfs" { inCellXfs = e.depth; continue }
            guard inCellXfs != nil, e.name == "xf" else { continue }
            let id = e.attributes["numFmtId"].flatMap(Int.init) ?? 0
            let (date, percent) = Self.kind(id, formats[id])
            if date { dates.insert(index) }
            if percent { percents.insert(index) }
            index += 1
        }
    }

    /// Built-in formats 14-22 and 45-47 are dates, 9 and 10 percentages; a custom format is a
    /// date when, outside quotes and `[...]`, it has y, m or d, and a percentage when it has `%`.
    static func kind(_ id: Int, _ code: String?) -> (date: Bool, percent: Bool) {
        if (14...22).contains(id) || (45...47).contains(id) { return (true, false) }
        if id == 9 || id == 10 { return (false, true) }
        guard let code else { return (false, false) }
        var plain = "", quoted = false, bracket = false, escaped = false
        for ch in code {
            if escaped { escaped = false; continue }
            if ch == "\\" { escaped = true; continue }
            if ch == "\"" { quoted.toggle(); continue }
            if !quoted && ch == "[" { bracket = true; continue }
            if bracket { if ch == "]" { bracket = false }; continue }
            if !quoted { plain.append(ch) }
        }
        let lower = plain.lowercased()
        return (lower.contains { "ymd".contains($0) }, lower.contains("%"))
    }
}
