/// Assembles positions, their tasks and functions, objectives, indicators and formulas from a
/// reader's `CatalogueEvent`s, whatever the file format, and reports what does not fit (a block
/// without `JABATAN`, a row without an indicator name, a formula that does not parse). It never
/// throws: every position and indicator it was given is kept.
///
/// It stops at the document: codes and the organisation are later steps (`Catalogue.assemble`).
package struct CatalogueBuilder {
    package private(set) var diagnostics: [Diagnostic] = []
    package let file: String
    /// How many positions have been started. A reader that keeps state per block (the text
    /// reader's table continuing across a blank line) resets it when this changes.
    package private(set) var startedPositions = 0

    private var positions: [Position] = []
    private var indicators: [Indicator] = []
    private var current: Position?
    private var list: CatalogueList = .tasks
    /// The objective of the rows below, until a row names another.
    private var objective: String?
    /// Text outside any block, kept until it turns out to be the signature or is reported.
    private var loose: [(text: String, line: Int)] = []
    /// The last data source read: consecutive rows mostly repeat it, and then share its String.
    private var lastSource: String = ""
    /// The positions kept, by the hash of their block's content (title, tasks, functions,
    /// indicator rows): a block repeated word for word (pasted twice) is loaded once, with a
    /// warning. Hashed in place, compared text by text only when the hashes match.
    private var blocks: [UInt64: [Int]] = [:]

    package init(file: String) { self.file = file }

    private func location(_ line: Int, _ column: Int = 1) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    /// Takes one event. Returns false when the event needs an open position block and none is
    /// open: it is then reported and dropped, and the reader should not read on as if it were in.
    @discardableResult
    package mutating func consume(_ event: CatalogueEvent) -> Bool {
        switch event {
        case .block(let line):
            startPosition(at: location(line))
        case .title(let text, let line, let column):
            if current == nil || !(current!.title.isEmpty) {
                startPosition(at: location(line))
                diagnostics.append(.warning(.positionWithoutHeading, at: location(line)))
            }
            current!.title = Text.collapse(text)
            current!.location = location(line, column)
            if text.isEmpty {
                diagnostics.append(.error(.untitledJabatan, at: location(line, column)))
                current!.title = "(untitled position at line \(line))"
            }
        case .list(let kind, let line):
            guard requireBlock(line, what: kind == .tasks ? "TUGAS" : "FUNGSI") else { return false }
            list = kind
        case .listText(let text, let newEntry):
            addListText(text, newEntry: newEntry)
        case .tableHeader(let line):
            return requireBlock(line, what: "table header")
        case .row(let cells, let line):
            addRow(cells, line: line)
        case .loose(let text, let line):
            loose.append((text, line))
        case .diagnostic(let diagnostic):
            diagnostics.append(diagnostic)
        }
        return true
    }

    private mutating func startPosition(at location: SourceLocation) {
        finishPosition()
        reportLoose()
        current = Position(title: "", location: location)
        objective = nil
        startedPositions += 1
    }

    private mutating func requireBlock(_ line: Int, what: String) -> Bool {
        if current == nil {
            diagnostics.append(.error(.outsidePositionBlock(what), at: location(line)))
            return false
        }
        return true
    }

    private mutating func addListText(_ text: Text.Bytes, newEntry: Bool) {
        guard current != nil else { return }
        let item = Text.collapse(text)
        guard !item.isEmpty else { return }
        if list == .tasks {
            if newEntry || current!.tasks.isEmpty { current!.tasks.append(item) } else { current!.tasks[current!.tasks.count - 1] += " " + item }
        } else {
            if newEntry || current!.functions.isEmpty { current!.functions.append(item) } else { current!.functions[current!.functions.count - 1] += " " + item }
        }
    }

    // MARK: - Table rows

    private mutating func addRow(_ given: [CatalogueCell], line: Int) {
        guard let position = current else { return }
        var kept = given
        var source: String?
        while kept.count > 4, kept.last!.text.isEmpty { kept.removeLast() }
        if kept.count > 4 {
            let texts = kept.map { String(decoding: $0.text, as: UTF8.self) }
            let extra = texts[4...].joined(separator: " | ")
            diagnostics.append(.warning(.extraCells(kept.count, extra: extra), at: location(line, kept[4].column)))
            source = FormulaParser.stripMarkup(texts[3...].filter { !$0.isEmpty }.joined(separator: " "))
            kept.removeLast(kept.count - 4)
        }
        let cells = kept
        let cell = { (i: Int) -> Text.Bytes in i < cells.count ? cells[i].text : Text.Bytes(start: nil, count: 0) }
        let name = FormulaParser.stripMarkup(cell(1))
        if name.isEmpty {
            if cells.contains(where: { !$0.text.isEmpty }) {
                diagnostics.append(.error(.rowWithoutIndicatorName, at: location(line, cells.count > 1 ? cells[1].column : 1)))
            }
            return
        }
        if cells.count < 4 {
            diagnostics.append(.warning(.fewCells(cells.count), at: location(line, cells.last!.column)))
        }
        let objectiveCell = cell(0).isEmpty ? "" : ObjectiveText.stripNumbering(FormulaParser.stripMarkup(cell(0)))
        if !objectiveCell.isEmpty {
            objective = objectiveCell
        } else if objective == nil {
            diagnostics.append(.warning(.indicatorWithoutObjective(name), at: location(line)))
        }
        let (formula, problem) = FormulaParser.parse(cell(2))
        if case .unbalancedFraction(let offset)? = problem, cells.count > 2 {
            diagnostics.append(.error(.unbalancedFraction, at: location(line, cells[2].column + offset)))
        }
        if cell(2).isEmpty {
            diagnostics.append(.warning(.indicatorWithoutFormula(name), at: location(line)))
        }
        let ordinal = position.indicatorIndices.count + 1
        indicators.append(Indicator(
            code: "", name: name, objective: objective ?? "", formula: formula,
            source: source ?? sharedSource(cell(3)), positionIndex: positions.count, ordinal: ordinal,
            location: location(line, cells.count > 1 ? cells[1].column : 1)))
        current!.indicatorIndices.append(indicators.count - 1)
    }

    /// The data source, sharing the previous row's String when it is the same text.
    private mutating func sharedSource(_ cell: Text.Bytes) -> String {
        let source = FormulaParser.stripMarkup(cell)
        if source == lastSource { return lastSource }
        lastSource = source
        return source
    }

    // MARK: - Finishing

    private mutating func finishPosition() {
        guard var position = current else { return }
        current = nil
        if position.title.isEmpty {
            diagnostics.append(.error(.positionWithoutJabatan, at: position.location))
            position.title = "(untitled position at line \(position.location.line))"
        }
        if position.indicatorIndices.isEmpty {
            diagnostics.append(.warning(.positionWithoutIndicators(position.title), at: position.location))
        }
        let rows = indicators[(indicators.count - position.indicatorIndices.count)...]
        let hash = BlockContent.hash(position, rows)
        if let first = blocks[hash]?.first(where: { BlockContent.same(positions[$0], indicators, as: position, rows) }) {
            diagnostics.append(.warning(.repeatedBlock(position.title, first: positions[first].location.shortDescription), at: position.location))
            indicators.removeLast(position.indicatorIndices.count)
            return
        }
        blocks[hash, default: []].append(positions.count)
        positions.append(position)
    }

    private mutating func reportLoose() {
        for (text, line) in loose {
            diagnostics.append(.warning(.textOutsideBlocks(text), at: location(line)))
        }
        loose.removeAll()
    }

    /// The document as read: positions and indicators (without codes), and the office from the
    /// signature block. No organisation yet.
    package mutating func finish() -> (Catalogue, [Diagnostic]) {
        finishPosition()
        var catalogue = Catalogue(file: file)
        if !loose.isEmpty {
            if let metadata = Signature.parse(loose.map(\.text)) {
                catalogue.metadata = metadata
                loose.removeAll()
            } else {
                diagnostics.append(.warning(.signatureNotRecognised, at: location(loose[0].line)))
                reportLoose()
            }
        } else {
            diagnostics.append(.warning(.noSignature, at: location(1)))
        }
        if positions.isEmpty {
            diagnostics.append(.error(.noPositions, at: location(1)))
        }
        catalogue.positions = positions
        catalogue.indicators = indicators
        positions = []
        indicators = []
        return (catalogue, diagnostics)
    }
}

/// What makes two position blocks the same: every text a reader gave, in order, compared as
/// Strings compare. A block with the same title and other content is another position (codes tell
/// them apart).
private enum BlockContent {
    static func hash(_ position: Position, _ rows: ArraySlice<Indicator>) -> UInt64 {
        var h: UInt64 = 0
        position.hashTexts(into: &h)
        for row in rows { row.hashTexts(into: &h) }
        return h
    }

    /// Objective, name, formula and source of an indicator row.
    static func texts(_ row: Indicator) -> [String] { [row.objective, row.name, row.formula.text, row.source] }

    static func same(_ kept: Position, _ indicators: [Indicator], as position: Position, _ rows: ArraySlice<Indicator>) -> Bool {
        kept.title == position.title && kept.tasks == position.tasks && kept.functions == position.functions
            && kept.indicatorIndices.count == rows.count
            && zip(kept.indicatorIndices, rows).allSatisfy { texts(indicators[$0]) == texts($1) }
    }
}

extension Position {
    /// Its title, tasks and functions (each list's count first) mixed into a `Text.hash`: what
    /// makes two blocks (`BlockContent`) or two offices (`SameOffice`) the same.
    func hashTexts(into h: inout UInt64) {
        Text.hash(title, into: &h)
        Text.hash(tasks.count, into: &h)
        for text in tasks { Text.hash(text, into: &h) }
        Text.hash(functions.count, into: &h)
        for text in functions { Text.hash(text, into: &h) }
    }
}

extension Indicator {
    /// Its objective, name, formula and source mixed into a `Text.hash`.
    func hashTexts(into h: inout UInt64) {
        Text.hash(objective, into: &h)
        Text.hash(name, into: &h)
        Text.hash(formula.text, into: &h)
        Text.hash(source, into: &h)
    }
}

/// An objective cell's text: "1. Meningkatnya ..." / "a. ..." -> "Meningkatnya ...": numbering is
/// not part of the name.
enum ObjectiveText {
    static func stripNumbering(_ text: String) -> String {
        text.withBytes { bytes, isASCII in
            guard isASCII else { return stripNumberingUnicode(text) }
            var i = 0
            while i < bytes.count && Text.isDigit(bytes[i]) { i += 1 }
            if i == 0 {
                guard bytes.count > 1, Text.isLetter(bytes[0]), bytes[1] == UInt8(ascii: ".") || bytes[1] == UInt8(ascii: ")") else { return text }
                i = 1
            }
            guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: ")"), bytes[i + 1] == 0x20 else { return text }
            return Text.collapse(Text.Bytes(rebasing: bytes[(i + 1)...]))
        }
    }

    /// `stripNumbering` on Characters, for text that is not all ASCII.
    private static func stripNumberingUnicode(_ text: String) -> String {
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
}
