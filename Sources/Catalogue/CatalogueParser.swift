import Foundation

/// Reads a catalogue in the text format offices export from their word processor: blocks headed
/// `INDIKATOR KINERJA INDIVIDU`, each with `1. JABATAN`, `2. TUGAS`, `3. FUNGSI` and a tab-separated
/// table of objectives, indicators, formulas and data sources, then a signature block.
///
/// The parser never throws: what it cannot understand becomes a diagnostic with file:line:column,
/// and every position and indicator it saw is kept.
public struct CatalogueParser {
    public private(set) var diagnostics: [Diagnostic] = []
    let file: String

    private enum Section { case header, tasks, functions, table, outside }

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

    public init(file: String) { self.file = file }

    /// Parses a catalogue file's bytes (UTF-8, with or without BOM, LF or CRLF).
    public static func parse(_ bytes: [UInt8], file: String) -> (Catalogue, [Diagnostic]) {
        var parser = CatalogueParser(file: file)
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        var lineNumber = 0
        var start = body.startIndex
        while start <= body.endIndex {
            let end = body[start...].firstIndex(of: 0x0A) ?? body.endIndex
            lineNumber += 1
            var lineBytes = body[start..<end]
            if lineBytes.last == 0x0D { lineBytes = lineBytes.dropLast() }
            if let line = String(validating: lineBytes, as: UTF8.self) {
                parser.consume(line, number: lineNumber)
            } else {
                parser.diagnostics.append(.error("line is not valid UTF-8; save the file as UTF-8",
                                                 at: SourceLocation(file: file, line: lineNumber)))
                parser.consume(String(decoding: lineBytes, as: UTF8.self), number: lineNumber)
            }
            if end == body.endIndex { break }
            start = body.index(after: end)
        }
        return parser.finish()
    }

    public static func parse(_ text: String, file: String) -> (Catalogue, [Diagnostic]) {
        parse(Array(text.utf8), file: file)
    }

    /// Reads and parses a file; an unreadable file is an error diagnostic and an empty catalogue.
    public static func load(path: String) -> (Catalogue, [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            return (Catalogue(file: path), [.error("cannot read catalogue file '\(path)'")])
        }
        return parse([UInt8](data), file: path)
    }

    private func location(_ line: Int, _ column: Int = 1) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    // MARK: - Lines

    private mutating func consume(_ line: String, number: Int) {
        let trimmed = Text.trim(line)
        if trimmed.isEmpty {
            if section == .table { section = .outside }
            // A list continues across a blank line only with a new item, so a block without a table
            // does not swallow the signature that follows it.
            if section == .tasks || section == .functions { listBroken = true }
            return
        }
        if trimmed.utf8.count == 26, trimmed.uppercased() == "INDIKATOR KINERJA INDIVIDU" {
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
            case "JABATAN":
                if current == nil || !(current!.title.isEmpty) {
                    finishPosition()
                    reportLoose()
                    diagnostics.append(.warning("position starts without an 'INDIKATOR KINERJA INDIVIDU' heading", at: location(number)))
                    current = Position(title: "", location: location(number))
                    objective = nil
                    blockHasTable = false
                }
                current!.title = collapse(rest)
                current!.location = location(number, restColumn)
                if rest.isEmpty {
                    diagnostics.append(.error("'JABATAN' has no title; kept as an untitled position", at: location(number, restColumn)))
                    current!.title = "(untitled position at line \(number))"
                }
                section = .header
            case "TUGAS":
                guard requireBlock(number, what: "TUGAS") else { return }
                listBroken = false
                section = .tasks
                addListText(rest, number: number)
            default:
                guard requireBlock(number, what: "FUNGSI") else { return }
                listBroken = false
                section = .functions
                if rest != "-" { addListText(rest, number: number) }
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
            } else if listBroken && !isListItem(trimmed) {
                section = .outside
                loose.append((trimmed, number))
            } else {
                listBroken = false
                addListText(trimmed, number: number)
            }
        case .table:
            if line.contains("\t") {
                addRow(line, number: number)
            } else {
                section = .outside
                loose.append((trimmed, number))
            }
        case .header:
            diagnostics.append(.warning("text between the position's heading fields is ignored: '\(clip(trimmed))'", at: location(number)))
        case .outside:
            if current != nil && blockHasTable && looksLikeRow(line) {
                // A blank line inside the table: the row still belongs to it.
                section = .table
                addRow(line, number: number)
            } else {
                loose.append((trimmed, number))
            }
        }
    }

    /// Whether a line outside the table (after a blank line inside it, or where the header line is
    /// missing) is a table row: at least objective, indicator and formula cells, with an indicator
    /// name. (A signature laid out in two tab-separated columns is not taken for one.)
    private func looksLikeRow(_ line: String) -> Bool {
        guard line.utf8.contains(0x09) else { return false }
        let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
        return cells.count >= 3 && !Text.trim(cells[1]).isEmpty
    }

    /// The header row: tab-separated, second cell "INDIKATOR KINERJA" (also "INDIKATOR",
    /// "INDIKATOR KINERJA INDIVIDU"; the first cell varies: SASARAN STRATEGIS, SASARAN SATRATEGIS, KINERJA).
    private func isTableHeader(_ line: String) -> Bool {
        guard line.utf8.contains(0x09) else { return false }
        let cells = line.utf8.split(separator: 0x09, maxSplits: 2, omittingEmptySubsequences: false).map(Substring.init)
        guard cells.count >= 2 else { return false }
        let second = FormulaParser.collapse(cells[1].uppercased())
        return ["INDIKATOR KINERJA", "INDIKATOR", "INDIKATOR KINERJA INDIVIDU"].contains(second)
    }

    private mutating func requireBlock(_ number: Int, what: String) -> Bool {
        if current == nil {
            diagnostics.append(.error("\(what) outside a position block (no 'JABATAN' before it)", at: location(number)))
            return false
        }
        return true
    }

    /// `1. JABATAN : X`, `- 2. TUGAS :`, `3.FUNGSI : -`: the field name, the text after the colon
    /// and that text's column.
    private func headerField(_ line: String) -> (String, String, Int)? {
        // Most lines start with neither '-' nor a digit: reject them on the first byte.
        guard let first = line.utf8.first(where: { $0 != 0x20 && $0 != 0x09 }), first == 0x2D || (first >= 0x30 && first <= 0x39) else { return nil }
        var s = Substring(line).drop(while: { $0 == " " || $0 == "\t" })
        if s.first == "-" { s = s.dropFirst().drop(while: { $0 == " " }) }
        let digits = s.prefix(while: { $0.isNumber })
        guard !digits.isEmpty else { return nil }
        s = s.dropFirst(digits.count).drop(while: { $0 == " " })
        guard s.first == "." else { return nil }
        s = s.dropFirst().drop(while: { $0 == " " })
        let word = s.prefix(while: { $0.isLetter }).uppercased()
        guard ["JABATAN", "TUGAS", "FUNGSI"].contains(word) else { return nil }
        s = s.dropFirst(word.count).drop(while: { $0 == " " })
        if s.first == ":" { s = s.dropFirst() }
        s = s.drop(while: { $0 == " " || $0 == "\t" })
        let column = line.distance(from: line.startIndex, to: s.startIndex) + 1
        return (word, Text.trim(s), column)
    }

    /// `a. ...`, `- b. ...`, `c) ...`: a letter, a dot or parenthesis, then a space or tab.
    private func isListItem(_ text: String) -> Bool {
        var s = Substring(text)
        if s.first == "-" { s = s.dropFirst().drop(while: { $0 == " " }) }
        guard let letter = s.first, letter.isLetter else { return false }
        let mark = s.dropFirst().first, gap = s.dropFirst(2).first
        return (mark == "." || mark == ")") && (gap == " " || gap == "\t")
    }

    /// A list item (`a. ...`, `- b. ...`) starts a new entry; other text continues the last one.
    private mutating func addListText(_ text: String, number: Int) {
        guard !text.isEmpty, current != nil else { return }
        var s = Substring(text)
        if s.first == "-" { s = s.dropFirst().drop(while: { $0 == " " }) }
        var isItem = false
        if isListItem(String(s)) {
            isItem = true
            s = s.dropFirst(2).drop(while: { $0 == " " || $0 == "\t" })
        }
        let item = collapse(String(s))
        guard !item.isEmpty else { return }
        if section == .tasks {
            if isItem || current!.tasks.isEmpty { current!.tasks.append(item) } else { current!.tasks[current!.tasks.count - 1] += " " + item }
        } else {
            if isItem || current!.functions.isEmpty { current!.functions.append(item) } else { current!.functions[current!.functions.count - 1] += " " + item }
        }
    }

    // MARK: - Table rows

    private mutating func addRow(_ line: String, number: Int) {
        guard let position = current else { return }
        var cells: [(text: String, column: Int)] = []
        var column = 1
        // Cells split on tab bytes; columns count characters only when a cell is not ASCII.
        for rawBytes in line.utf8.split(separator: 0x09, omittingEmptySubsequences: false) {
            let raw = Substring(rawBytes)
            let text = Text.trim(raw)
            // The column where the cell's text starts, so a diagnostic points at it.
            let lead = text.isEmpty ? 0 : rawBytes.prefix(while: { $0 == 0x20 }).count
            cells.append((text, column + lead))
            column += (rawBytes.allSatisfy { $0 < 0x80 } ? rawBytes.count : raw.count) + 1
        }
        while cells.count > 4, cells.last!.text.isEmpty { cells.removeLast() }
        if cells.count > 4 {
            let extra = cells[4...].map(\.text).joined(separator: " | ")
            diagnostics.append(.warning("row has \(cells.count) cells, expected 4 (objective, indicator, formula, source); extra text kept in the source: '\(clip(extra))'", at: location(number, cells[4].column)))
            cells[3].text = ([cells[3].text] + cells[4...].map(\.text)).filter { !$0.isEmpty }.joined(separator: " ")
            cells.removeLast(cells.count - 4)
        }
        let cell = { (i: Int) -> String in i < cells.count ? cells[i].text : "" }
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
        let objectiveCell = stripNumbering(FormulaParser.stripMarkup(cell(0)))
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
            source: FormulaParser.stripMarkup(cell(3)), positionIndex: positions.count, ordinal: ordinal,
            location: location(number, cells.count > 1 ? cells[1].column : 1)))
        current!.indicatorIndices.append(indicators.count - 1)
    }

    /// "1. Meningkatnya ..." / "a. ..." -> "Meningkatnya ...": numbering is not part of the name.
    private func stripNumbering(_ text: String) -> String {
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
        return collapse(String(s.dropFirst()))
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

    private mutating func finish() -> (Catalogue, [Diagnostic]) {
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
        IndicatorCodes.assign(&catalogue)
        OrganisationInference.infer(&catalogue)
        catalogue.offices = [Office(metadata: catalogue.metadata, file: file, code: "")]
        return (catalogue, diagnostics)
    }

    private func collapse(_ s: String) -> String { FormulaParser.collapse(s) }
}

func clip(_ text: String, _ limit: Int = 60) -> String {
    text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
}

/// The closing block: title lines (`KEPALA DINAS`, `KOPERASI DAN USAHA MIKRO`, `KABUPATEN MALANG`),
/// then the head's name, rank and `NIP. ...`.
enum Signature {
    static func parse(_ lines: [String]) -> Metadata? {
        guard let nipIndex = lines.lastIndex(where: { $0.uppercased().hasPrefix("NIP") }) else { return nil }
        var metadata = Metadata()
        let nip = lines[nipIndex].dropFirst(3).drop(while: { $0 == "." || $0 == ":" || $0 == " " })
        metadata.nip = Text.trim(nip)
        if nipIndex >= 1 { metadata.rank = lines[nipIndex - 1] }
        if nipIndex >= 2 { metadata.head = lines[nipIndex - 2] }
        let titleLines = nipIndex >= 2 ? Array(lines[..<(nipIndex - 2)]) : []
        let regionStart = titleLines.firstIndex(where: { line in
            ["KABUPATEN", "KOTA", "PROVINSI"].contains { line.uppercased().hasPrefix($0 + " ") }
        })
        let officeLines = titleLines[..<(regionStart ?? titleLines.count)]
        if let regionStart {
            metadata.region = titleCase(titleLines[regionStart...].joined(separator: " "))
        }
        var office = officeLines.joined(separator: " ")
        if office.uppercased().hasPrefix("KEPALA ") { office = String(office.dropFirst(7)) }
        if !office.isEmpty {
            metadata.office = titleCase(office)
            metadata.headTitle = "Kepala " + titleCase(office)
        }
        return metadata
    }
}
