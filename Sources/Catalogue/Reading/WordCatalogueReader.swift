import Foundation

/// Reads a catalogue from the office's own Word file (`.docx`): the body of `word/document.xml`
/// (see `WordDocument`) is walked paragraph by paragraph and table by table and handed to the
/// builder as the same `CatalogueEvent`s the text reader sends for the same document, so both
/// give the same catalogue. Paragraphs are classified with the text reader's rules (`TextLine`);
/// a Word-numbered paragraph is a list item whatever its text, and a table is the indicator table
/// when its header row names `INDIKATOR KINERJA`, else (a borderless signature table) its text is
/// read as paragraphs.
///
/// Events carry a place number as their `line`; `places` turns it back into what a user can find
/// in Word (`paragraph 7`, `table 3, row 4, column 3`) with the text there.
struct WordCatalogueReader {
    private enum Section { case header, tasks, functions, table, outside }

    /// Where each event's `line` points: the place in the document and the text there.
    struct Place {
        var name: String
        var text: String
        /// A table row's cells, for a diagnostic pointing at one of them.
        var cells: [String] = []
    }

    private var builder: CatalogueBuilder
    private var section: Section = .outside
    private var listBroken = false
    /// The open block has had its table: a second table without a header row continues it.
    private var blockHasTable = false
    private(set) var places: [Place] = []

    private init(builder: CatalogueBuilder) { self.builder = builder }

    /// Reads `document` into `builder`; returns the places its events' lines point to.
    static func read(_ document: WordDocument, into builder: inout CatalogueBuilder) -> [Place] {
        var reader = WordCatalogueReader(builder: builder)
        builder = CatalogueBuilder(file: builder.file)
        for (index, block) in document.blocks.enumerated() {
            for problem in document.equationProblems where problem.block == index {
                reader.reportEquation(problem, block: block)
            }
            switch block {
            case .paragraph(let paragraph):
                for (i, line) in paragraph.lines.enumerated() {
                    let number = reader.place("paragraph \(paragraph.number)", line)
                    reader.consume(line, numbered: paragraph.numbered && i == 0, number: number)
                }
            case .table(let table):
                reader.consume(table)
            }
        }
        builder = reader.builder
        return reader.places
    }

    private mutating func place(_ name: String, _ text: String, cells: [String] = []) -> Int {
        places.append(Place(name: name, text: Text.collapse(text), cells: cells))
        return places.count
    }

    private mutating func reportEquation(_ problem: WordDocument.EquationProblem, block: WordDocument.Block) {
        var name = "", text = problem.text
        switch block {
        case .paragraph(let p):
            name = "paragraph \(p.number)"
            text = p.lines.joined(separator: " ")
        case .table(let t):
            name = "table \(t.number), row \(problem.row), column \(problem.column)"
            if problem.row >= 1 && problem.row <= t.rows.count && problem.column >= 1 && problem.column <= t.rows[problem.row - 1].count {
                text = t.rows[problem.row - 1][problem.column - 1].text
            }
        }
        let number = place(name, text)
        builder.consume(.diagnostic(.error(.equationWithoutDenominator, at: SourceLocation(file: builder.file, line: number))))
    }

    // MARK: - Paragraphs

    private mutating func consume(_ text: String, numbered: Bool, number: Int) {
        var text = text
        text.withUTF8 { bytes in consume(bytes, numbered: numbered, number: number) }
    }

    private mutating func consume(_ raw: Text.Bytes, numbered: Bool, number: Int) {
        let trimmed = Text.trim(raw)
        let line = TextLine(bytes: trimmed, isASCII: Text.isASCII(trimmed))
        if trimmed.isEmpty {
            if section == .table { section = .outside }
            if section == .tasks || section == .functions { listBroken = true }
            return
        }
        if line.isHeading(trimmed) {
            builder.consume(.block(line: number))
            section = .header
            blockHasTable = false
            return
        }
        if let (field, rest, _) = line.headerField() {
            headerField(field, rest: rest, number: number)
            return
        }
        // A Word-numbered `JABATAN`/`TUGAS`/`FUNGSI` has its "1." in the numbering, not the text.
        if numbered {
            var numberedText = "1. " + String(decoding: trimmed, as: UTF8.self)
            let found = numberedText.withUTF8 { bytes -> Bool in
                guard let (field, rest, _) = TextLine(bytes: bytes, isASCII: line.isASCII).headerField() else { return false }
                headerField(field, rest: rest, number: number)
                return true
            }
            if found { return }
        }
        switch section {
        case .tasks, .functions:
            if numbered {
                listBroken = false
                builder.consume(.listText(trimmed, newEntry: true))
            } else if listBroken && !TextLine.isListItem(trimmed, isASCII: line.isASCII) {
                section = .outside
                builder.consume(.loose(String(decoding: trimmed, as: UTF8.self), line: number))
            } else {
                listBroken = false
                addListText(trimmed, isASCII: line.isASCII)
            }
        case .header:
            builder.consume(.diagnostic(.warning(.textBetweenHeadingFields(String(decoding: trimmed, as: UTF8.self)),
                                                 at: SourceLocation(file: builder.file, line: number))))
        case .table, .outside:
            section = .outside
            builder.consume(.loose(String(decoding: trimmed, as: UTF8.self), line: number))
        }
    }

    private mutating func headerField(_ field: TextLine.Field, rest: Text.Bytes, number: Int) {
        switch field {
        case .jabatan:
            let started = builder.startedPositions
            builder.consume(.title(rest, line: number, column: 1))
            if builder.startedPositions != started { blockHasTable = false }
            section = .header
        case .tugas:
            guard builder.consume(.list(.tasks, line: number)) else { return }
            listBroken = false
            section = .tasks
            addListText(rest, isASCII: Text.isASCII(rest))
        case .fungsi:
            guard builder.consume(.list(.functions, line: number)) else { return }
            listBroken = false
            section = .functions
            if !(rest.count == 1 && rest[0] == UInt8(ascii: "-")) { addListText(rest, isASCII: Text.isASCII(rest)) }
        }
    }

    private mutating func addListText(_ text: Text.Bytes, isASCII: Bool) {
        guard !text.isEmpty else { return }
        let (isItem, start) = isASCII ? TextLine.listItemStart(text) : TextLine.listItemStart(String(decoding: text, as: UTF8.self))
        builder.consume(.listText(Text.Bytes(rebasing: text[start...]), newEntry: isItem))
    }

    // MARK: - Tables

    private mutating func consume(_ table: WordDocument.Table) {
        var started = false
        for (r, row) in table.rows.enumerated() {
            let texts = row.map(\.text)
            let name = "table \(table.number), row \(r + 1)"
            if !started {
                if Self.isHeader(texts) {
                    let number = place(name, texts.joined(separator: " | "), cells: texts)
                    guard builder.consume(.tableHeader(line: number)) else { return }
                    started = true
                    blockHasTable = true
                    section = .table
                    continue
                }
                // Rows without a header row are kept, as the text reader keeps them, when a block
                // is open and the row has objective, indicator and formula cells.
                let looksLikeRow = texts.count >= 3 && !texts[1].isEmpty
                if looksLikeRow && (section == .tasks || section == .functions || section == .header) {
                    let number = place(name, texts.joined(separator: " | "), cells: texts)
                    builder.consume(.diagnostic(.warning(.rowWithoutTableHeader, at: SourceLocation(file: builder.file, line: number))))
                    started = true
                } else if looksLikeRow && section == .outside && blockHasTable {
                    // The table went on in a second Word table.
                    started = true
                } else {
                    // A table that only lays text out (the signature beside an empty cell).
                    for (c, cell) in row.enumerated() {
                        for line in cell.lines where !Text.collapse(line).isEmpty {
                            consume(line, numbered: false, number: place(name + ", column \(c + 1)", line))
                        }
                    }
                    continue
                }
                blockHasTable = true
                section = .table
            }
            guard texts.contains(where: { !$0.isEmpty }) else { continue }
            addRow(texts, number: place(name, texts.joined(separator: " | "), cells: texts))
        }
        if started { section = .outside }
    }

    /// Hands the builder a row: the cells' bytes in one buffer, valid for the call.
    private mutating func addRow(_ texts: [String], number: Int) {
        var joined: [UInt8] = []
        var bounds: [Range<Int>] = []
        for text in texts {
            let start = joined.count
            joined += text.utf8
            bounds.append(start..<joined.count)
        }
        joined.withUnsafeBufferPointer { buffer in
            let cells = bounds.enumerated().map { CatalogueCell(text: Text.Bytes(rebasing: buffer[$0.element]), column: $0.offset + 1) }
            builder.consume(.row(cells, line: number))
        }
    }

    /// The header row: its second cell `INDIKATOR KINERJA` (or `INDIKATOR`, `INDIKATOR KINERJA
    /// INDIVIDU`), whatever the first (`SASARAN STRATEGIS`, `KINERJA`, ...).
    private static func isHeader(_ texts: [String]) -> Bool {
        guard texts.count >= 2 else { return false }
        var line = texts[0] + "\t" + texts[1]
        return line.withUTF8 { TextLine(bytes: $0, isASCII: Text.isASCII($0)).isTableHeader() }
    }
}
