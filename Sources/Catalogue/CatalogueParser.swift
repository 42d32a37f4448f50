import Foundation

/// Reads a catalogue in the text format offices export from their word processor: blocks headed
/// `INDIKATOR KINERJA INDIVIDU`, each with `1. JABATAN`, `2. TUGAS`, `3. FUNGSI` and a tab-separated
/// table of objectives, indicators, formulas and data sources, then a signature block.
///
/// The parser never throws: what it cannot understand becomes a diagnostic with file:line:column,
/// and every position and indicator it saw is kept.
///
/// It scans the file's bytes once and classifies each line on its bytes; Strings are made only for
/// the text the model keeps. Where letters, digits or case decide (a list item's letter, a
/// heading's number), an ASCII line is read on bytes and a line with other characters on
/// Characters, so both read as they always have.
public struct CatalogueParser {
    public private(set) var diagnostics: [Diagnostic] = []
    let file: String

    private typealias Bytes = Text.Bytes
    private enum Section { case header, tasks, functions, table, outside }
    private enum Field { case jabatan, tugas, fungsi }

    /// One line of the file, without its line end.
    private struct Line {
        var bytes: Bytes
        var isASCII: Bool
    }

    /// A table cell: its trimmed text and the column where that text starts.
    private struct Cell {
        var text: Bytes
        var column: Int
    }

    private var positions: [Position] = []
    private var indicators: [Indicator] = []
    private var current: Position?
    private var section: Section = .outside
    private var objective: String?
    /// A blank line came after the last list item.
    private var listBroken = false
    /// Whether the current block has had its table header: a blank line inside the table does not
    /// end it for rows that follow (see `looksLikeRow`).
    private var blockHasTable = false
    /// Non-blank lines outside any block: the signature block when they come last.
    private var loose: [(text: String, line: Int)] = []
    /// The cells of the row being read, kept between rows so a row allocates no array.
    private var cells: [Cell] = []
    /// The last data source read: consecutive rows mostly repeat it, and then share its String.
    private var lastSource: String = ""

    public init(file: String) { self.file = file }

    /// Parses a catalogue file's bytes (UTF-8, with or without BOM, LF or CRLF).
    public static func parse(_ bytes: [UInt8], file: String) -> (Catalogue, [Diagnostic]) {
        parse(bytes, file: file, indexingCodes: true)
    }

    /// `indexingCodes`: whether to build `Catalogue.codeIndex`; a catalogue about to be merged
    /// does without, as the merge builds its own.
    static func parse(_ bytes: [UInt8], file: String, indexingCodes: Bool) -> (Catalogue, [Diagnostic]) {
        var parser = CatalogueParser(file: file)
        bytes.withUnsafeBufferPointer { parser.scan($0) }
        return parser.finish(indexingCodes: indexingCodes)
    }

    public static func parse(_ text: String, file: String) -> (Catalogue, [Diagnostic]) {
        parse(Array(text.utf8), file: file)
    }

    /// Reads and parses a file; an unreadable file is an error diagnostic and an empty catalogue.
    public static func load(path: String) -> (Catalogue, [Diagnostic]) {
        load(path: path, indexingCodes: true)
    }

    static func load(path: String, indexingCodes: Bool) -> (Catalogue, [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            return (Catalogue(file: path), [.error("cannot read catalogue file '\(path)'")])
        }
        return parse([UInt8](data), file: path, indexingCodes: indexingCodes)
    }

    private func location(_ line: Int, _ column: Int = 1) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    // MARK: - Lines

    /// Splits the bytes into lines (LF or CRLF) and consumes each.
    private mutating func scan(_ body: Bytes) {
        var start = body.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var number = 0
        while true {
            let end = newline(in: body, from: start)
            number += 1
            var lineEnd = end
            if lineEnd > start && body[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            let bytes = Bytes(rebasing: body[start..<lineEnd])
            if Text.isASCII(bytes) {
                consume(Line(bytes: bytes, isASCII: true), number: number)
            } else if String(validating: bytes, as: UTF8.self) != nil {
                consume(Line(bytes: bytes, isASCII: false), number: number)
            } else {
                diagnostics.append(.error("line is not valid UTF-8; save the file as UTF-8", at: location(number)))
                Array(String(decoding: bytes, as: UTF8.self).utf8).withUnsafeBufferPointer {
                    consume(Line(bytes: $0, isASCII: false), number: number)
                }
            }
            if end == body.count { break }
            start = end + 1
        }
    }

    /// The offset of the next line feed, or the end; memchr scans many bytes at a time.
    private func newline(in body: Bytes, from start: Int) -> Int {
        guard let base = body.baseAddress, start < body.count,
              let found = memchr(base + start, 0x0A, body.count - start) else { return body.count }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    private mutating func consume(_ line: Line, number: Int) {
        let trimmed = Text.trim(line.bytes)
        if trimmed.isEmpty {
            if section == .table { section = .outside }
            // A list continues across a blank line only with a new item, so a block without a table
            // does not swallow the signature that follows it.
            if section == .tasks || section == .functions { listBroken = true }
            return
        }
        // ASCII case-insensitive: no other characters upper-case into this heading.
        if Text.equals(trimmed, "INDIKATOR KINERJA INDIVIDU") {
            finishPosition()
            reportLoose()
            current = Position(title: "", location: location(number))
            section = .header
            objective = nil
            blockHasTable = false
            return
        }
        if let (field, rest, restColumn) = headerField(line) {
            switch field {
            case .jabatan:
                if current == nil || !(current!.title.isEmpty) {
                    finishPosition()
                    reportLoose()
                    diagnostics.append(.warning("position starts without an 'INDIKATOR KINERJA INDIVIDU' heading", at: location(number)))
                    current = Position(title: "", location: location(number))
                    objective = nil
                    blockHasTable = false
                }
                current!.title = Text.collapse(rest)
                current!.location = location(number, restColumn)
                if rest.isEmpty {
                    diagnostics.append(.error("'JABATAN' has no title; kept as an untitled position", at: location(number, restColumn)))
                    current!.title = "(untitled position at line \(number))"
                }
                section = .header
            case .tugas:
                guard requireBlock(number, what: "TUGAS") else { return }
                listBroken = false
                section = .tasks
                addListText(rest, isASCII: line.isASCII)
            case .fungsi:
                guard requireBlock(number, what: "FUNGSI") else { return }
                listBroken = false
                section = .functions
                if !(rest.count == 1 && rest[0] == UInt8(ascii: "-")) { addListText(rest, isASCII: line.isASCII) }
            }
            return
        }
        if isTableHeader(line) {
            guard requireBlock(number, what: "table header") else { return }
            section = .table
            blockHasTable = true
            return
        }
        switch section {
        case .tasks, .functions:
            if looksLikeRow(line) {
                // The table's header line is missing: keep the rows rather than read them as text.
                diagnostics.append(.warning("table row without a table header line above it; read as an indicator", at: location(number)))
                section = .table
                blockHasTable = true
                addRow(line, number: number)
            } else if listBroken && !isListItem(trimmed, isASCII: line.isASCII) {
                section = .outside
                loose.append((String(decoding: trimmed, as: UTF8.self), number))
            } else {
                listBroken = false
                addListText(trimmed, isASCII: line.isASCII)
            }
        case .table:
            if Text.index(of: 0x09, in: line.bytes) != nil {
                addRow(line, number: number)
            } else {
                section = .outside
                loose.append((String(decoding: trimmed, as: UTF8.self), number))
            }
        case .header:
            diagnostics.append(.warning("text between the position's heading fields is ignored: '\(clip(String(decoding: trimmed, as: UTF8.self)))'", at: location(number)))
        case .outside:
            if current != nil && blockHasTable && looksLikeRow(line) {
                // A blank line inside the table: the row still belongs to it.
                section = .table
                addRow(line, number: number)
            } else {
                loose.append((String(decoding: trimmed, as: UTF8.self), number))
            }
        }
    }

    /// Whether a line outside the table (after a blank line inside it, or where the header line is
    /// missing) is a table row: at least objective, indicator and formula cells, with an indicator
    /// name. (A signature laid out in two tab-separated columns is not taken for one.)
    private func looksLikeRow(_ line: Line) -> Bool {
        let bytes = line.bytes
        guard let first = Text.index(of: 0x09, in: bytes),
              let second = Text.index(of: 0x09, in: bytes, from: first + 1) else { return false }
        return !Text.trim(Bytes(rebasing: bytes[(first + 1)..<second])).isEmpty
    }

    /// The header row: tab-separated, second cell "INDIKATOR KINERJA" (also "INDIKATOR",
    /// "INDIKATOR KINERJA INDIVIDU"; the first cell varies: SASARAN STRATEGIS, SASARAN SATRATEGIS, KINERJA).
    private func isTableHeader(_ line: Line) -> Bool {
        let bytes = line.bytes
        guard let tab = Text.index(of: 0x09, in: bytes) else { return false }
        let end = Text.index(of: 0x09, in: bytes, from: tab + 1) ?? bytes.count
        let cell = Bytes(rebasing: bytes[(tab + 1)..<end])
        // Most rows are told apart by the cell's first letter, before any String is made.
        let text = Text.trim(cell)
        guard let first = text.first, first == UInt8(ascii: "I") || first == UInt8(ascii: "i") || first >= 0x80 else { return false }
        let second = Text.isASCII(cell)
            ? Text.upperCollapsedASCII(cell)
            : FormulaParser.collapse(String(decoding: cell, as: UTF8.self).uppercased())
        return ["INDIKATOR KINERJA", "INDIKATOR", "INDIKATOR KINERJA INDIVIDU"].contains(second)
    }

    private mutating func requireBlock(_ number: Int, what: String) -> Bool {
        if current == nil {
            diagnostics.append(.error("\(what) outside a position block (no 'JABATAN' before it)", at: location(number)))
            return false
        }
        return true
    }

    /// `1. JABATAN : X`, `- 2. TUGAS :`, `3.FUNGSI : -`: the field, the text after the colon and
    /// that text's column.
    private func headerField(_ line: Line) -> (Field, Bytes, Int)? {
        let b = line.bytes
        var i = 0
        func skip(tabs: Bool = false) { while i < b.count && (b[i] == 0x20 || (tabs && b[i] == 0x09)) { i += 1 } }
        skip(tabs: true)
        // Most lines start with neither '-' nor a digit: reject them on the first byte.
        guard i < b.count, b[i] == UInt8(ascii: "-") || Text.isDigit(b[i]) else { return nil }
        guard line.isASCII else { return headerFieldUnicode(line) }
        if b[i] == UInt8(ascii: "-") { i += 1; skip() }
        let digits = i
        while i < b.count && Text.isDigit(b[i]) { i += 1 }
        guard i > digits else { return nil }
        skip()
        guard i < b.count, b[i] == UInt8(ascii: ".") else { return nil }
        i += 1
        skip()
        let wordStart = i
        while i < b.count && Text.isLetter(b[i]) { i += 1 }
        guard let field = Self.field(Bytes(rebasing: b[wordStart..<i])) else { return nil }
        skip()
        if i < b.count && b[i] == UInt8(ascii: ":") { i += 1 }
        skip(tabs: true)
        return (field, Text.trim(Bytes(rebasing: b[i...])), i + 1)
    }

    private static func field(_ word: Bytes) -> Field? {
        if Text.equals(word, "JABATAN") { return .jabatan }
        if Text.equals(word, "TUGAS") { return .tugas }
        if Text.equals(word, "FUNGSI") { return .fungsi }
        return nil
    }

    /// `headerField` on Characters, for a line that is not all ASCII: digits and letters are
    /// Unicode's, and the word is upper-cased by Unicode's rules.
    private func headerFieldUnicode(_ line: Line) -> (Field, Bytes, Int)? {
        let text = String(decoding: line.bytes, as: UTF8.self)
        var s = Substring(text).drop(while: { $0 == " " || $0 == "\t" })
        if s.first == "-" { s = s.dropFirst().drop(while: { $0 == " " }) }
        let digits = s.prefix(while: { $0.isNumber })
        guard !digits.isEmpty else { return nil }
        s = s.dropFirst(digits.count).drop(while: { $0 == " " })
        guard s.first == "." else { return nil }
        s = s.dropFirst().drop(while: { $0 == " " })
        let word = s.prefix(while: { $0.isLetter }).uppercased()
        let fields: [String: Field] = ["JABATAN": .jabatan, "TUGAS": .tugas, "FUNGSI": .fungsi]
        guard let field = fields[word] else { return nil }
        s = s.dropFirst(word.count).drop(while: { $0 == " " })
        if s.first == ":" { s = s.dropFirst() }
        s = s.drop(while: { $0 == " " || $0 == "\t" })
        let column = text.distance(from: text.startIndex, to: s.startIndex) + 1
        return (field, Text.trim(Bytes(rebasing: line.bytes[text.utf8.distance(from: text.startIndex, to: s.startIndex)...])), column)
    }

    /// `a. ...`, `- b. ...`, `c) ...`: a letter, a dot or parenthesis, then a space or tab.
    private func isListItem(_ text: Bytes, isASCII: Bool) -> Bool {
        guard isASCII else { return isListItem(String(decoding: text, as: UTF8.self)) }
        var i = 0
        if text.first == UInt8(ascii: "-") {
            i = 1
            while i < text.count && text[i] == 0x20 { i += 1 }
        }
        guard i + 2 < text.count, Text.isLetter(text[i]) else { return false }
        let mark = text[i + 1], gap = text[i + 2]
        return (mark == UInt8(ascii: ".") || mark == UInt8(ascii: ")")) && (gap == 0x20 || gap == 0x09)
    }

    /// `isListItem` on Characters, for text that is not all ASCII.
    private func isListItem(_ text: String) -> Bool {
        var s = Substring(text)
        if s.first == "-" { s = s.dropFirst().drop(while: { $0 == " " }) }
        guard let letter = s.first, letter.isLetter else { return false }
        let mark = s.dropFirst().first, gap = s.dropFirst(2).first
        return (mark == "." || mark == ")") && (gap == " " || gap == "\t")
    }

    /// A list item (`a. ...`, `- b. ...`) starts a new entry; other text continues the last one.
    private mutating func addListText(_ text: Bytes, isASCII: Bool) {
        guard !text.isEmpty, current != nil else { return }
        let (isItem, start) = isASCII ? listItemStart(text) : listItemStart(String(decoding: text, as: UTF8.self))
        let item = Text.collapse(Bytes(rebasing: text[start...]))
        guard !item.isEmpty else { return }
        if section == .tasks {
            if isItem || current!.tasks.isEmpty { current!.tasks.append(item) } else { current!.tasks[current!.tasks.count - 1] += " " + item }
        } else {
            if isItem || current!.functions.isEmpty { current!.functions.append(item) } else { current!.functions[current!.functions.count - 1] += " " + item }
        }
    }

    /// Whether the text is a list item, and the offset where its text starts (after `- a. `).
    private func listItemStart(_ text: Bytes) -> (Bool, Int) {
        var i = 0
        if text.first == UInt8(ascii: "-") {
            i = 1
            while i < text.count && text[i] == 0x20 { i += 1 }
        }
        guard isListItem(Bytes(rebasing: text[i...]), isASCII: true) else { return (false, i) }
        i += 2
        while i < text.count && (text[i] == 0x20 || text[i] == 0x09) { i += 1 }
        return (true, i)
    }

    /// `listItemStart` on Characters, for text that is not all ASCII.
    private func listItemStart(_ text: String) -> (Bool, Int) {
        var s = Substring(text)
        if s.first == "-" { s = s.dropFirst().drop(while: { $0 == " " }) }
        let isItem = isListItem(String(s))
        if isItem { s = s.dropFirst(2).drop(while: { $0 == " " || $0 == "\t" }) }
        return (isItem, text.utf8.distance(from: text.startIndex, to: s.startIndex))
    }

    // MARK: - Table rows

    private mutating func addRow(_ line: Line, number: Int) {
        guard let position = current else { return }
        splitCells(line)
        var source: String?
        while cells.count > 4, cells.last!.text.isEmpty { cells.removeLast() }
        if cells.count > 4 {
            let texts = cells.map { String(decoding: $0.text, as: UTF8.self) }
            let extra = texts[4...].joined(separator: " | ")
            diagnostics.append(.warning("row has \(cells.count) cells, expected 4 (objective, indicator, formula, source); extra text kept in the source: '\(clip(extra))'", at: location(number, cells[4].column)))
            source = FormulaParser.stripMarkup(texts[3...].filter { !$0.isEmpty }.joined(separator: " "))
            cells.removeLast(cells.count - 4)
        }
        let cells = self.cells
        let cell = { (i: Int) -> Bytes in i < cells.count ? cells[i].text : Bytes(start: nil, count: 0) }
        let name = FormulaParser.stripMarkup(cell(1))
        if name.isEmpty {
            if cells.contains(where: { !$0.text.isEmpty }) {
                diagnostics.append(.error("table row has no indicator name (second cell is empty)", at: location(number, cells.count > 1 ? cells[1].column : 1)))
            }
            return
        }
        if cells.count < 4 {
            diagnostics.append(.warning("row has \(cells.count) cells, expected 4 (objective, indicator, formula, source)", at: location(number, cells.last!.column)))
        }
        let objectiveCell = cell(0).isEmpty ? "" : stripNumbering(FormulaParser.stripMarkup(cell(0)))
        if !objectiveCell.isEmpty {
            objective = objectiveCell
        } else if objective == nil {
            diagnostics.append(.warning("indicator '\(clip(name))' has no objective (first cell empty and no row above it)", at: location(number)))
        }
        let (formula, problem) = FormulaParser.parse(cell(2))
        if case .unbalancedFraction(let offset)? = problem, cells.count > 2 {
            diagnostics.append(.error("formula has a \\frac whose braces do not close; read as a count", at: location(number, cells[2].column + offset)))
        }
        if cell(2).isEmpty {
            diagnostics.append(.warning("indicator '\(clip(name))' has no formula; read as a count", at: location(number)))
        }
        let ordinal = position.indicatorIndices.count + 1
        indicators.append(Indicator(
            code: "", name: name, objective: objective ?? "", formula: formula,
            source: source ?? sharedSource(cell(3)), positionIndex: positions.count, ordinal: ordinal,
            location: location(number, cells.count > 1 ? cells[1].column : 1)))
        current!.indicatorIndices.append(indicators.count - 1)
    }

    /// Splits a row on tabs into `cells`, each trimmed, with the column its text starts at.
    private mutating func splitCells(_ line: Line) {
        cells.removeAll(keepingCapacity: true)
        let bytes = line.bytes
        var column = 1, start = 0
        while true {
            let end = Text.index(of: 0x09, in: bytes, from: start) ?? bytes.count
            let raw = Bytes(rebasing: bytes[start..<end])
            let text = Text.trim(raw)
            // The column where the cell's text starts, so a diagnostic points at it.
            var lead = 0
            if !text.isEmpty { while lead < raw.count && raw[lead] == 0x20 { lead += 1 } }
            cells.append(Cell(text: text, column: column + lead))
            // Columns count characters: bytes, unless the cell is not ASCII.
            column += (line.isASCII || Text.isASCII(raw) ? raw.count : String(decoding: raw, as: UTF8.self).count) + 1
            if end == bytes.count { break }
            start = end + 1
        }
    }

    /// The data source, sharing the previous row's String when it is the same text.
    private mutating func sharedSource(_ cell: Bytes) -> String {
        let source = FormulaParser.stripMarkup(cell)
        if source == lastSource { return lastSource }
        lastSource = source
        return source
    }

    /// "1. Meningkatnya ..." / "a. ..." -> "Meningkatnya ...": numbering is not part of the name.
    private func stripNumbering(_ text: String) -> String {
        text.withBytes { bytes, isASCII in
            guard isASCII else { return stripNumberingUnicode(text) }
            var i = 0
            while i < bytes.count && Text.isDigit(bytes[i]) { i += 1 }
            if i == 0 {
                guard bytes.count > 1, Text.isLetter(bytes[0]), bytes[1] == UInt8(ascii: ".") || bytes[1] == UInt8(ascii: ")") else { return text }
                i = 1
            }
            guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: ")"), bytes[i + 1] == 0x20 else { return text }
            return Text.collapse(Bytes(rebasing: bytes[(i + 1)...]))
        }
    }

    /// `stripNumbering` on Characters, for text that is not all ASCII.
    private func stripNumberingUnicode(_ text: String) -> String {
        var s = Substring(text)
        let digits = s.prefix(while: { $0.isNumber })
        if !digits.isEmpty {
            s = s.dropFirst(digits.count)
        } else if let first = s.first, first.isLetter, s.dropFirst().first == "." || s.dropFirst().first == ")" {
            s = s.dropFirst()
        } else {
            return text
        }
        guard s.first == "." || s.first == ")", s.dropFirst().first == " " else { return text }
        return Text.collapse(String(s.dropFirst()))
    }

    // MARK: - Finishing

    private mutating func finishPosition() {
        guard var position = current else { return }
        current = nil
        if position.title.isEmpty {
            diagnostics.append(.error("position block has no 'JABATAN' line; kept as an untitled position", at: position.location))
            position.title = "(untitled position at line \(position.location.line))"
        }
        if position.indicatorIndices.isEmpty {
            diagnostics.append(.warning("position '\(position.title)' has no indicators", at: position.location))
        }
        positions.append(position)
        section = .outside
    }

    private mutating func reportLoose() {
        for (text, line) in loose {
            diagnostics.append(.warning("text outside any position block is ignored: '\(clip(text))'", at: location(line)))
        }
        loose.removeAll()
    }

    private mutating func finish(indexingCodes: Bool) -> (Catalogue, [Diagnostic]) {
        finishPosition()
        var catalogue = Catalogue(file: file)
        if !loose.isEmpty {
            if let metadata = Signature.parse(loose.map(\.text)) {
                catalogue.metadata = metadata
                loose.removeAll()
            } else {
                diagnostics.append(.warning("closing signature block not recognised (no 'NIP' line); office metadata unknown", at: location(loose[0].line)))
                reportLoose()
            }
        } else {
            diagnostics.append(.warning("no closing signature block; office metadata unknown", at: location(1)))
        }
        if positions.isEmpty {
            diagnostics.append(.error("no positions found: expected blocks headed 'INDIKATOR KINERJA INDIVIDU' with a '1. JABATAN :' line", at: location(1)))
        }
        catalogue.positions = positions
        catalogue.indicators = indicators
        IndicatorCodes.assign(&catalogue, indexing: indexingCodes)
        OrganisationInference.infer(&catalogue)
        catalogue.offices = [Office(metadata: catalogue.metadata, file: file, code: "")]
        return (catalogue, diagnostics)
    }
}

func clip(_ text: String, _ limit: Int = 60) -> String {
    text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
}
