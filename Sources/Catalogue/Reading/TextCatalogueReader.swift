import Foundation

/// Reads a catalogue in the text format offices export from their word processor: blocks headed
/// `INDIKATOR KINERJA INDIVIDU`, each with `1. JABATAN`, `2. TUGAS`, `3. FUNGSI` and a tab-separated
/// table of objectives, indicators, formulas and data sources, then a signature block. It
/// classifies each line and hands the builder a `CatalogueEvent` for it; the builder makes the
/// model.
///
/// It scans the file's bytes once and classifies each line on its bytes; Strings are made only for
/// the text the model keeps. Where letters, digits or case decide (a list item's letter, a
/// heading's number), an ASCII line is read on bytes and a line with other characters on
/// Characters, so both read as they always have (see `TextLine`).
struct TextCatalogueReader {
    private enum Section { case header, tasks, functions, table, outside }

    private var builder: CatalogueBuilder
    private var section: Section = .outside
    /// A blank line came after the last list item.
    private var listBroken = false
    /// Whether the current block has had its table header: a blank line inside the table does not
    /// end it for rows that follow (see `TextLine.looksLikeRow`).
    private var blockHasTable = false
    /// The cells of the row being read, kept between rows so a row allocates no array.
    private var cells: [CatalogueCell] = []

    /// Reads a catalogue file's bytes (UTF-8, with or without BOM, LF or CRLF) into `builder`.
    static func read(_ bytes: [UInt8], into builder: inout CatalogueBuilder) {
        var reader = TextCatalogueReader(builder: builder)
        // The builder moves into the reader and back, so its arrays are not copied on write.
        builder = CatalogueBuilder(file: builder.file)
        bytes.withUnsafeBufferPointer { reader.scan($0) }
        builder = reader.builder
    }

    private init(builder: CatalogueBuilder) { self.builder = builder }

    private func location(_ line: Int) -> SourceLocation { SourceLocation(file: builder.file, line: line) }

    /// Splits the bytes into lines (LF or CRLF) and consumes each.
    private mutating func scan(_ body: Text.Bytes) {
        var start = body.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var number = 0
        while true {
            let end = newline(in: body, from: start)
            number += 1
            var lineEnd = end
            if lineEnd > start && body[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            let bytes = Text.Bytes(rebasing: body[start..<lineEnd])
            if Text.isASCII(bytes) {
                consume(TextLine(bytes: bytes, isASCII: true), number: number)
            } else if String(validating: bytes, as: UTF8.self) != nil {
                consume(TextLine(bytes: bytes, isASCII: false), number: number)
            } else {
                builder.consume(.diagnostic(.error(.lineNotUTF8, at: location(number))))
                Array(String(decoding: bytes, as: UTF8.self).utf8).withUnsafeBufferPointer {
                    consume(TextLine(bytes: $0, isASCII: false), number: number)
                }
            }
            if end == body.count { break }
            start = end + 1
        }
    }

    /// The offset of the next line feed, or the end; memchr scans many bytes at a time.
    private func newline(in body: Text.Bytes, from start: Int) -> Int {
        guard let base = body.baseAddress, start < body.count,
              let found = memchr(base + start, 0x0A, body.count - start) else { return body.count }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    private mutating func consume(_ line: TextLine, number: Int) {
        let trimmed = Text.trim(line.bytes)
        if trimmed.isEmpty {
            if section == .table { section = .outside }
            // A list continues across a blank line only with a new item, so a block without a table
            // does not swallow the signature that follows it.
            if section == .tasks || section == .functions { listBroken = true }
            return
        }
        if line.isHeading(trimmed) {
            builder.consume(.block(line: number))
            section = .header
            blockHasTable = false
            return
        }
        if let (field, rest, restColumn) = line.headerField() {
            switch field {
            case .jabatan:
                let started = builder.startedPositions
                builder.consume(.title(rest, line: number, column: restColumn))
                if builder.startedPositions != started { blockHasTable = false }
                section = .header
            case .tugas:
                guard builder.consume(.list(.tasks, line: number)) else { return }
                listBroken = false
                section = .tasks
                addListText(rest, isASCII: line.isASCII)
            case .fungsi:
                guard builder.consume(.list(.functions, line: number)) else { return }
                listBroken = false
                section = .functions
                // `FUNGSI : -`: none.
                if !(rest.count == 1 && rest[0] == UInt8(ascii: "-")) { addListText(rest, isASCII: line.isASCII) }
            }
            return
        }
        if line.isTableHeader() {
            guard builder.consume(.tableHeader(line: number)) else { return }
            section = .table
            blockHasTable = true
            return
        }
        switch section {
        case .tasks, .functions:
            if line.looksLikeRow() {
                // The table's header line is missing: keep the rows rather than read them as text.
                builder.consume(.diagnostic(.warning(.rowWithoutTableHeader, at: location(number))))
                section = .table
                blockHasTable = true
                addRow(line, number: number)
            } else if listBroken && !TextLine.isListItem(trimmed, isASCII: line.isASCII) {
                section = .outside
                builder.consume(.loose(String(decoding: trimmed, as: UTF8.self), line: number))
            } else {
                listBroken = false
                addListText(trimmed, isASCII: line.isASCII)
            }
        case .table:
            if Text.index(of: 0x09, in: line.bytes) != nil {
                addRow(line, number: number)
            } else {
                section = .outside
                builder.consume(.loose(String(decoding: trimmed, as: UTF8.self), line: number))
            }
        case .header:
            builder.consume(.diagnostic(.warning(.textBetweenHeadingFields(String(decoding: trimmed, as: UTF8.self)), at: location(number))))
        case .outside:
            // `blockHasTable`: a block is open (a table header needs one) and had its table.
            if blockHasTable && line.looksLikeRow() {
                // A blank line inside the table: the row still belongs to it.
                section = .table
                addRow(line, number: number)
            } else {
                builder.consume(.loose(String(decoding: trimmed, as: UTF8.self), line: number))
            }
        }
    }

    /// A list item (`a. ...`, `- b. ...`) starts a new entry; other text continues the last one.
    private mutating func addListText(_ text: Text.Bytes, isASCII: Bool) {
        guard !text.isEmpty else { return }
        let (isItem, start) = isASCII ? TextLine.listItemStart(text) : TextLine.listItemStart(String(decoding: text, as: UTF8.self))
        builder.consume(.listText(Text.Bytes(rebasing: text[start...]), newEntry: isItem))
    }

    private mutating func addRow(_ line: TextLine, number: Int) {
        line.splitCells(into: &cells)
        builder.consume(.row(cells, line: number))
    }
}
