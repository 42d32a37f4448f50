import Foundation

/// A worksheet part (`xl/worksheets/sheetN.xml`) scanned as bytes, fed in the chunks the zip
/// inflates: rows (`row`), cells (`c` with `r`, `t`, `s`), values (`v`) and inline strings
/// (`is/t`, rich-text runs joined, phonetic runs left out), merged ranges (`mergeCell`). The bytes
/// go through `XMLTokenizer` (tags nest and close, entities and character references decoded);
/// this type knows the few elements a sheet has, and fails at the cell it was reading when the part
/// is cut short or malformed. Why not a parser building Strings and dictionaries per element: a
/// sheet is one element per cell, and they cost five times the CSV of the same rows.
struct SheetScanner {
    typealias Problem = XMLTokenizer.Problem

    struct Failure: Error {
        var problem: Problem
        /// The row and 0-based column being read, when the scan had reached one.
        var row: Int?
        var column: Int?
    }

    private var tokenizer = XMLTokenizer()
    private var cells: Cells

    init(name: String, strings: [String], styles: CellStyles, date1904: Bool) {
        cells = Cells(name: name, strings: strings, styles: styles, date1904: date1904)
    }

    var sheet: Workbook.Sheet { cells.sheet }

    /// What went wrong, at the row and cell being read then (the scan stops at a failure).
    var failure: Failure? {
        tokenizer.failure.map { Failure(problem: $0, row: cells.rowNumber > 0 ? cells.rowNumber : nil, column: cells.column >= 0 ? cells.column : nil) }
    }

    /// Scans a chunk; after a failure, further chunks are ignored (`failure` says what and where).
    mutating func feed(_ chunk: UnsafeRawBufferPointer) {
        tokenizer.feed(chunk, into: &cells)
    }

    mutating func feed(_ data: Data) {
        data.withUnsafeBytes { feed($0) }
    }

    /// The sheet, once the whole part has been fed; a part cut short is a failure.
    mutating func finish() -> Result<Workbook.Sheet, Failure> {
        tokenizer.finish(root: "worksheet")
        if let failure { return .failure(failure) }
        return .success(sheet)
    }
}

/// The sheet's cells as the tokenizer reports tags and text.
private struct Cells: XMLTokenHandler {
    private enum Kind { case row, c, v, inlineString, t, phonetic, mergeCell, sheetData, other }
    private enum CellType { case number, shared, inline, formulaString, bool, error }

    private(set) var sheet: Workbook.Sheet
    private let strings: [String]
    private let date1904: Bool
    // Where the scan is.
    private var inSheetData = false
    private(set) var rowNumber = 0
    private(set) var column = -1
    private var cells: [(column: Int, cell: Workbook.Cell)] = []
    private var type = CellType.number
    private var style = 0
    private var text: [UInt8] = []
    private var collecting = false
    private var inInline = false
    private var inPhonetic = false
    private var hasValue = false
    // Which cell formats (`s`) are dates and percentages, by index: looked up once per number.
    private let dateStyles: [Bool]
    private let percentStyles: [Bool]

    init(name: String, strings: [String], styles: CellStyles, date1904: Bool) {
        sheet = Workbook.Sheet(name: name)
        self.strings = strings
        self.date1904 = date1904
        let count = (styles.dates.union(styles.percents).max() ?? -1) + 1
        dateStyles = (0..<count).map { styles.dates.contains($0) }
        percentStyles = (0..<count).map { styles.percents.contains($0) }
    }

    var wantsText: Bool { collecting }

    // Inlined into the tokenizer's loop: called once or twice per cell.
    @inline(__always) mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) { text.append(contentsOf: bytes) }

    mutating func cdata(_ bytes: UnsafeBufferPointer<UInt8>) {
        if collecting { text.append(contentsOf: bytes) }
    }

    @inline(__always) mutating func start(_ name: UnsafeBufferPointer<UInt8>, _ attributes: XMLAttributes) {
        let kind = Self.kind(name)
        // Only these attributes matter (of row, c and mergeCell), read where they are in the bytes.
        var r = UnsafeBufferPointer<UInt8>(start: nil, count: 0), t = r, s = r, ref = r
        for k in 0..<attributes.count where kind == .row || kind == .c || kind == .mergeCell {
            let attribute = attributes.name(k)
            if attribute.count == 1 && attribute[0] == UInt8(ascii: "r") { r = attributes.rawValue(k) }
            else if attribute.count == 1 && attribute[0] == UInt8(ascii: "t") { t = attributes.rawValue(k) }
            else if attribute.count == 1 && attribute[0] == UInt8(ascii: "s") { s = attributes.rawValue(k) }
            else if Text.equals(attribute, "ref") { ref = attributes.rawValue(k) }
        }
        open(kind, r: r, t: t, s: s, ref: ref)
    }

    @inline(__always) mutating func end(_ name: UnsafeBufferPointer<UInt8>) { end(Self.kind(name)) }

    private mutating func open(_ kind: Kind, r: UnsafeBufferPointer<UInt8>, t: UnsafeBufferPointer<UInt8>, s: UnsafeBufferPointer<UInt8>, ref: UnsafeBufferPointer<UInt8>) {
        switch kind {
        case .sheetData: inSheetData = true
        case .row where inSheetData:
            rowNumber = Self.integer(r) ?? rowNumber + 1
            cells.removeAll(keepingCapacity: true)
            column = -1
        case .c where inSheetData:
            column = Workbook.reference(bytes: r)?.column ?? column + 1
            type = Self.cellType(t)
            style = Self.integer(s) ?? 0
            text.removeAll(keepingCapacity: true)
            hasValue = false
        case .v where inSheetData:
            collecting = true
            text.removeAll(keepingCapacity: true)
        case .inlineString where inSheetData: inInline = true
        case .t where inInline && !inPhonetic: collecting = true
        case .phonetic where inInline: inPhonetic = true
        case .mergeCell:
            let range = String(decoding: ref, as: UTF8.self)
            let ends = range.split(separator: ":").compactMap { Workbook.reference(String($0))?.row }
            if let first = ends.first { sheet.merges.append((range, first...(ends.last ?? first))) }
        default: break
        }
    }

    private mutating func end(_ kind: Kind) {
        switch kind {
        case .sheetData: inSheetData = false
        case .v, .t:
            if collecting { hasValue = true }
            collecting = false
        case .inlineString: inInline = false
        case .phonetic: inPhonetic = false
        case .c where inSheetData:
            if hasValue, let cell = cell() { cells.append((column, cell)) }
        case .row where inSheetData:
            if !cells.isEmpty { sheet.rows.append((rowNumber, cells)) }
        default: break
        }
    }

    /// The cell just closed, typed as `WorksheetReader` documents; nil when it cannot be (a shared
    /// string index out of range).
    private func cell() -> Workbook.Cell? {
        switch type {
        case .shared:
            guard let index = Self.integer(text), index < strings.count else { return nil }
            return .text(strings[index])
        case .inline, .formulaString: return .text(String(decoding: text, as: UTF8.self))
        case .bool: return .bool(text == [UInt8(ascii: "1")] || text.elementsEqual("true".utf8))
        case .error: return .error(String(decoding: text, as: UTF8.self))
        case .number:
            let value: Double? = text.withUnsafeBufferPointer { all in
                let trimmed = Text.trim(all, where: { $0 == 0x20 || $0 == 0x09 })
                // `85%` is text in a number cell, as Double("85%") had it.
                guard !trimmed.isEmpty, Text.index(of: UInt8(ascii: "%"), in: trimmed) == nil else { return nil }
                return NumberFormat().parse(bytes: trimmed)
            }
            guard let n = value else { return .text(String(decoding: text, as: UTF8.self)) }
            if style < dateStyles.count && dateStyles[style], n >= 1, n < 2_958_466 {
                let d = WorksheetReader.date(serial: n, date1904: date1904)
                return .date(year: d.year, month: d.month, day: d.day)
            }
            return style < percentStyles.count && percentStyles[style] ? .percent(n) : .number(n)
        }
    }

    @inline(__always) private static func kind(_ qualified: UnsafeBufferPointer<UInt8>) -> Kind {
        var start = 0
        for (k, b) in qualified.enumerated() where b == UInt8(ascii: ":") { start = k + 1 }
        let name = UnsafeBufferPointer(rebasing: qualified[start...])
        switch name.count {
        case 1:
            switch name[0] {
            case UInt8(ascii: "c"): return .c
            case UInt8(ascii: "v"): return .v
            case UInt8(ascii: "t"): return .t
            default: return .other
            }
        case 2: return Text.equals(name, "is") ? .inlineString : .other
        case 3: return Text.equals(name, "row") ? .row : Text.equals(name, "rPh") ? .phonetic : .other
        case 9: return Text.equals(name, "mergeCell") ? .mergeCell : Text.equals(name, "sheetData") ? .sheetData : .other
        default: return .other
        }
    }

    private static func cellType(_ t: UnsafeBufferPointer<UInt8>) -> CellType {
        switch t.count {
        case 1:
            switch t[0] {
            case UInt8(ascii: "s"): return .shared
            case UInt8(ascii: "b"): return .bool
            case UInt8(ascii: "e"): return .error
            default: return .number
            }
        case 3: return t.elementsEqual("str".utf8) ? .formulaString : .number
        case 9: return t.elementsEqual("inlineStr".utf8) ? .inline : .number
        default: return .number
        }
    }

    /// Digits only (no sign, no spaces), as `Int(String)` reads an index or a row number.
    private static func integer(_ bytes: some Collection<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var value = 0
        for b in bytes {
            guard Text.isDigit(b) else { return nil }
            value = value * 10 + Int(b - 0x30)
        }
        return value
    }
}
