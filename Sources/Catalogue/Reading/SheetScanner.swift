// Over 400 lines because it is one byte scanner with its checks of well-formedness, entities and cell
// typing side by side: split, the state shared between tags, texts and cells would be passed around.

import Foundation

/// A worksheet part (`xl/worksheets/sheetN.xml`) scanned as bytes, fed in the chunks the zip
/// inflates: rows (`row`), cells (`c` with `r`, `t`, `s`), values (`v`) and inline strings
/// (`is/t`, rich-text runs joined, phonetic runs left out), merged ranges (`mergeCell`). Why not
/// `XMLParser`: a sheet is one element per cell, and its callbacks, attribute dictionaries and
/// Strings cost five times the CSV of the same rows, with the whole part held inflated. This scan
/// knows the few elements a sheet has, checks that tags nest and close, decodes the five entities
/// and character references, and fails at the cell it was reading when the part is cut short or
/// malformed. Small parts (workbook, styles, shared strings) stay with `XMLElements`.
struct SheetScanner {
    enum Problem: Equatable {
        /// The part ends inside an element (`c`) or a tag.
        case cutShort(inside: String)
        /// An end tag that does not close the element open (`</v>` while `c` is open).
        case mismatchedEnd(found: String, open: String?)
        /// `&nbsp;` and other entities SpreadsheetML never writes, or a bad character reference.
        case badEntity(String)
        /// A tag that is not `<name attr="value" ...>`.
        case malformedTag(String)
    }

    struct Failure: Error {
        var problem: Problem
        /// The row and 0-based column being read, when the scan had reached one.
        var row: Int?
        var column: Int?
    }

    private enum Kind { case row, c, v, inlineString, t, phonetic, mergeCell, sheetData, other }
    private enum CellType { case number, shared, inline, formulaString, bool, error }

    private(set) var sheet: Workbook.Sheet
    private let strings: [String]
    private let styles: CellStyles
    private let date1904: Bool
    /// Bytes of an unfinished tag or text, kept for the next chunk.
    private var pending: [UInt8] = []
    private(set) var failure: Failure?
    // Open elements: their qualified names side by side, to check each end tag.
    private var names: [UInt8] = []
    private var nameEnds: [Int] = []
    private var sawRoot = false
    // Where the scan is.
    private var inSheetData = false
    private var rowNumber = 0
    private var column = -1
    private var cells: [(column: Int, cell: Workbook.Cell)] = []
    private var type = CellType.number
    private var style = 0
    private var text: [UInt8] = []
    private var collecting = false
    private var inInline = false
    private var inPhonetic = false
    private var hasValue = false
    // Attributes of the tag being read (only those of row, c and mergeCell), where they are in
    // the bytes being scanned: read before the scan moves on, never copied.
    private var attributeR = 0..<0
    private var attributeT = 0..<0
    private var attributeS = 0..<0
    private var attributeRef = 0..<0
    // Which cell formats (`s`) are dates and percentages, by index: looked up once per number.
    private let dateStyles: [Bool]
    private let percentStyles: [Bool]

    init(name: String, strings: [String], styles: CellStyles, date1904: Bool) {
        sheet = Workbook.Sheet(name: name)
        self.strings = strings
        self.styles = styles
        self.date1904 = date1904
        let count = (styles.dates.union(styles.percents).max() ?? -1) + 1
        dateStyles = (0..<count).map { styles.dates.contains($0) }
        percentStyles = (0..<count).map { styles.percents.contains($0) }
    }

    /// Scans a chunk; after a failure, further chunks are ignored (`failure` says what and where).
    mutating func feed(_ chunk: UnsafeRawBufferPointer) {
        guard failure == nil, !chunk.isEmpty else { return }
        let bytes = chunk.bindMemory(to: UInt8.self)
        if pending.isEmpty {
            let consumed = scan(bytes)
            if failure == nil && consumed < bytes.count { pending.append(contentsOf: bytes[consumed...]) }
            return
        }
        var buffer = pending
        pending = []
        buffer.append(contentsOf: bytes)
        let consumed = buffer.withUnsafeBufferPointer { scan($0) }
        if failure == nil && consumed < buffer.count { pending = Array(buffer[consumed...]) }
    }

    mutating func feed(_ data: Data) {
        data.withUnsafeBytes { feed($0) }
    }

    /// The sheet, once the whole part has been fed; a part cut short is a failure.
    mutating func finish() -> Result<Workbook.Sheet, Failure> {
        if let failure { return .failure(failure) }
        if let start = pending.firstIndex(where: { !Self.isSpace($0) }), pending[start] == Self.lt {
            // Cut inside a tag: the tag's name.
            let tag = pending[(start + 1)...].prefix(while: { !Self.isSpace($0) && $0 != Self.gt && $0 != Self.slash }).prefix(40)
            fail(.cutShort(inside: String(decoding: tag, as: UTF8.self)))
        } else if let open = nameEnds.last {
            let start = nameEnds.count > 1 ? nameEnds[nameEnds.count - 2] : 0
            fail(.cutShort(inside: String(decoding: names[start..<open], as: UTF8.self)))
        } else if !sawRoot {
            fail(.cutShort(inside: "worksheet"))
        }
        if let failure { return .failure(failure) }
        return .success(sheet)
    }

    private mutating func fail(_ problem: Problem) {
        guard failure == nil else { return }
        failure = Failure(problem: problem, row: rowNumber > 0 ? rowNumber : nil, column: column >= 0 ? column : nil)
    }

    /// Base's `Text.isSpace`, here so it inlines in the scan's loops (XML's spaces are these four).
    @inline(__always) private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    private static let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), slash = UInt8(ascii: "/")
    private static let amp = UInt8(ascii: "&"), semicolon = UInt8(ascii: ";")

    /// Scans as far as whole tags and texts go; returns how many bytes were used.
    private mutating func scan(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        let n = b.count
        var i = 0
        while i < n, failure == nil {
            if b[i] != Self.lt {
                // Text runs to the next tag; its entities are decoded once it is whole.
                guard let next = Text.index(of: Self.lt, in: b, from: i) else { return i }
                if collecting { appendText(b, i, next) }
                i = next
                continue
            }
            guard i + 1 < n else { return i }
            switch b[i + 1] {
            case UInt8(ascii: "?"):
                guard let end = Self.find("?>", b, from: i + 2) else { return i }
                i = end + 2
            case UInt8(ascii: "!"):
                guard let next = special(b, i) else { return i }
                i = next
            case Self.slash:
                guard let end = Text.index(of: Self.gt, in: b, from: i + 2) else { return i }
                var last = end
                while last > i + 2 && Self.isSpace(b[last - 1]) { last -= 1 }
                close(UnsafeBufferPointer(rebasing: b[(i + 2)..<last]))
                i = end + 1
            default:
                guard let next = startTag(b, i) else { return i }
                i = next
            }
        }
        return failure == nil ? i : n
    }

    /// `<!-- -->`, `<![CDATA[ ]]>` (its text taken as is) or a DOCTYPE; nil when not yet whole.
    private mutating func special(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        let rest = b.count - i
        if Self.hasPrefix(b, i, "<!--") {
            return Self.find("-->", b, from: i + 4).map { $0 + 3 }
        }
        if Self.hasPrefix(b, i, "<![CDATA[") {
            guard let end = Self.find("]]>", b, from: i + 9) else { return nil }
            if collecting { text.append(contentsOf: b[(i + 9)..<end]) }
            return end + 3
        }
        if rest < 9 && (Self.hasPrefix(b, i, String("<![CDATA[".prefix(rest))) || Self.hasPrefix(b, i, String("<!--".prefix(rest)))) { return nil }
        // A DOCTYPE, with or without an internal subset in brackets.
        var depth = 0
        for k in (i + 2)..<b.count {
            if b[k] == UInt8(ascii: "[") { depth += 1 }
            else if b[k] == UInt8(ascii: "]") { depth -= 1 }
            else if b[k] == Self.gt && depth <= 0 { return k + 1 }
        }
        return nil
    }

    /// A start tag from `<`: its name, its attributes, `/>` or `>`; nil when not yet whole.
    private mutating func startTag(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        let n = b.count
        var j = i + 1
        while j < n && !Self.isSpace(b[j]) && b[j] != Self.slash && b[j] != Self.gt { j += 1 }
        guard j < n else { return nil }
        let name = UnsafeBufferPointer(rebasing: b[(i + 1)..<j])
        guard !name.isEmpty else { fail(.malformedTag(Self.snippet(b, i))); return nil }
        let kind = Self.kind(name)
        let keeps = kind == .row || kind == .c || kind == .mergeCell
        if keeps { (attributeR, attributeT, attributeS, attributeRef) = (0..<0, 0..<0, 0..<0, 0..<0) }
        var selfClosing = false
        while true {
            while j < n && Self.isSpace(b[j]) { j += 1 }
            guard j < n else { return nil }
            if b[j] == Self.gt { j += 1; break }
            if b[j] == Self.slash {
                guard j + 1 < n else { return nil }
                guard b[j + 1] == Self.gt else { fail(.malformedTag(Self.snippet(b, i))); return nil }
                j += 2
                selfClosing = true
                break
            }
            let attributeStart = j
            while j < n && b[j] != UInt8(ascii: "=") && !Self.isSpace(b[j]) && b[j] != Self.gt && b[j] != Self.slash { j += 1 }
            let attributeEnd = j
            while j < n && Self.isSpace(b[j]) { j += 1 }
            guard j + 1 < n else { return nil }
            guard attributeEnd > attributeStart, b[j] == UInt8(ascii: "=") else { fail(.malformedTag(Self.snippet(b, i))); return nil }
            j += 1
            while j < n && Self.isSpace(b[j]) { j += 1 }
            guard j < n else { return nil }
            let quote = b[j]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { fail(.malformedTag(Self.snippet(b, i))); return nil }
            guard let end = Text.index(of: quote, in: b, from: j + 1) else { return nil }
            if keeps {
                let attribute = UnsafeBufferPointer(rebasing: b[attributeStart..<attributeEnd])
                let value = (j + 1)..<end
                if attribute.count == 1 && attribute[0] == UInt8(ascii: "r") { attributeR = value }
                else if attribute.count == 1 && attribute[0] == UInt8(ascii: "t") { attributeT = value }
                else if attribute.count == 1 && attribute[0] == UInt8(ascii: "s") { attributeS = value }
                else if Text.equals(attribute, "ref") { attributeRef = value }
            }
            j = end + 1
        }
        sawRoot = true
        open(kind, b)
        if selfClosing { end(kind) } else { names.append(contentsOf: name); nameEnds.append(names.count) }
        return j
    }

    /// An end tag: it must close the element open, by the same qualified name.
    private mutating func close(_ name: UnsafeBufferPointer<UInt8>) {
        guard let top = nameEnds.last else {
            fail(.mismatchedEnd(found: String(decoding: name, as: UTF8.self), open: nil))
            return
        }
        let start = nameEnds.count > 1 ? nameEnds[nameEnds.count - 2] : 0
        var same = top - start == name.count
        for k in 0..<name.count where same && names[start + k] != name[k] { same = false }
        guard same else {
            fail(.mismatchedEnd(found: String(decoding: name, as: UTF8.self), open: String(decoding: names[start..<top], as: UTF8.self)))
            return
        }
        names.removeLast(top - start)
        nameEnds.removeLast()
        end(Self.kind(name))
    }

    private mutating func open(_ kind: Kind, _ b: UnsafeBufferPointer<UInt8>) {
        func bytes(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: b[range]) }
        switch kind {
        case .sheetData: inSheetData = true
        case .row where inSheetData:
            rowNumber = Self.integer(bytes(attributeR)) ?? rowNumber + 1
            cells.removeAll(keepingCapacity: true)
            column = -1
        case .c where inSheetData:
            column = Workbook.reference(bytes: bytes(attributeR))?.column ?? column + 1
            type = Self.cellType(bytes(attributeT))
            style = Self.integer(bytes(attributeS)) ?? 0
            text.removeAll(keepingCapacity: true)
            hasValue = false
        case .v where inSheetData:
            collecting = true
            text.removeAll(keepingCapacity: true)
        case .inlineString where inSheetData: inInline = true
        case .t where inInline && !inPhonetic: collecting = true
        case .phonetic where inInline: inPhonetic = true
        case .mergeCell:
            let range = String(decoding: bytes(attributeRef), as: UTF8.self)
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

    /// Text between tags, entities and character references decoded.
    private mutating func appendText(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) {
        var k = from
        while k < to {
            guard let amp = Text.index(of: Self.amp, in: UnsafeBufferPointer(rebasing: b[..<to]), from: k) else {
                text.append(contentsOf: b[k..<to])
                return
            }
            text.append(contentsOf: b[k..<amp])
            guard let semicolon = Text.index(of: Self.semicolon, in: UnsafeBufferPointer(rebasing: b[..<min(to, amp + 12)]), from: amp + 1),
                  let scalar = Self.entity(UnsafeBufferPointer(rebasing: b[(amp + 1)..<semicolon])) else {
                fail(.badEntity(String(decoding: b[amp..<min(to, amp + 12)], as: UTF8.self)))
                return
            }
            text.append(contentsOf: String(Character(scalar)).utf8)
            k = semicolon + 1
        }
    }

    /// `amp`, `lt`, `gt`, `quot`, `apos`, `#65`, `#x41`: the character; nil for anything else.
    static func entity(_ name: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        if Text.equals(name, "amp") { return "&" }
        if Text.equals(name, "lt") { return "<" }
        if Text.equals(name, "gt") { return ">" }
        if Text.equals(name, "quot") { return "\"" }
        if Text.equals(name, "apos") { return "'" }
        guard name.count >= 2, name[0] == UInt8(ascii: "#") else { return nil }
        let hex = name[1] == UInt8(ascii: "x")
        let digits = name.dropFirst(hex ? 2 : 1)
        guard !digits.isEmpty, digits.count <= 8 else { return nil }
        var value: UInt32 = 0
        for d in digits {
            guard let digit = hex ? Self.hexDigit(d) : (Text.isDigit(d) ? UInt32(d - 0x30) : nil) else { return nil }
            value = value * (hex ? 16 : 10) + digit
        }
        // XML allows tab, line ends and everything from the space up (not NUL or other controls).
        guard value == 0x9 || value == 0xA || value == 0xD || value >= 0x20 else { return nil }
        return Unicode.Scalar(value)
    }

    private static func hexDigit(_ b: UInt8) -> UInt32? {
        if Text.isDigit(b) { return UInt32(b - 0x30) }
        let lower = b | 0x20
        return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "f") ? UInt32(lower - UInt8(ascii: "a") + 10) : nil
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

    private static func kind(_ qualified: UnsafeBufferPointer<UInt8>) -> Kind {
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

    private static func hasPrefix(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ prefix: String) -> Bool {
        let p = Array(prefix.utf8)
        guard b.count - i >= p.count else { return false }
        for k in 0..<p.count where b[i + k] != p[k] { return false }
        return true
    }

    private static func find(_ needle: String, _ b: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard from <= b.count else { return nil }
        return Text.find(needle, in: b, from: from)
    }

    /// The start of a bad tag, for the message.
    private static func snippet(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> String {
        String(decoding: b[i..<min(b.count, i + 30)], as: UTF8.self)
    }
}

extension SheetScanner.Problem {
    var message: Message {
        switch self {
        case .cutShort(let inside): .sheetCutShort(inside: inside)
        case .mismatchedEnd(let found, let open): .sheetMismatchedEnd(found, open: open)
        case .badEntity(let text): .sheetBadEntity(text)
        case .malformedTag(let text): .sheetMalformedTag(text)
        }
    }
}
