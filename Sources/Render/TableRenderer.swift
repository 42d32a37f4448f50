import Base
import Query

/// Aligned columns for a terminal: numbers right, text left, widths by display columns (wide
/// characters count two), missing (and a number that is not finite) as `-`, a row count
/// underneath. Control characters in the data are shown escaped (`\x1b`, see `TerminalText`), so
/// nothing in a cell acts on the terminal.
///
/// With a width (`RenderOptions.width`) the table fits it as `TableFit` says: text columns narrowed
/// and their texts wrapped on word boundaries, numbers whole. Without one nothing is narrowed:
/// every text is printed whole.
enum TableRenderer {
    /// The cells as the terminal shows them, and what fitting needs to know of the columns.
    struct Prepared {
        var header: [String]
        var cells: [[String]]
        var numeric: [Bool]
        var shrinkable: [Bool]
        var natural: [Int]
        var minimum: [Int]

        init(_ result: ResultSet, isCancelled: () -> Bool = { false }) {
            let columns = result.columns
            cells = []
            cells.reserveCapacity(result.rows.count)
            for (r, row) in result.rows.enumerated() {
                // Cancelled: the rows so far, which the caller throws away.
                if r % 4096 == 4095 && isCancelled() { break }
                cells.append(zip(row, columns).map { value, column in
                    if let picture = column.picture { return Pictures.cell(value, picture) ?? "-" }
                    return terminalCell(Renderer.humanText(value.finite, column.type))
                })
            }
            header = columns.map { terminalCell(Renderer.header($0.name)) }
            natural = header.map(displayWidth)
            for row in cells { for (i, cell) in row.enumerated() { natural[i] = max(natural[i], displayWidth(cell)) } }
            numeric = columns.map { $0.type == .number || $0.type == .percent }
            shrinkable = columns.map { ($0.type == .text || $0.type == .unit) && ($0.picture == nil || $0.picture == .state) }
            minimum = natural
            for i in columns.indices where shrinkable[i] {
                minimum[i] = TableFit.minimum(header: header[i], cells: cells.map { $0[i] })
            }
        }

        /// The widths within `width` (nil: no limit), or nil when the table cannot fit.
        func widths(within width: Int?) -> [Int]? {
            guard let width else { return natural }
            return TableFit.widths(natural: natural, minimum: minimum, shrinkable: shrinkable, width: width)
        }
    }

    /// A table, as narrow as it can be made when it cannot fit (`set format table`).
    static func render(_ result: ResultSet, _ options: RenderOptions) -> String {
        let prepared = Prepared(result, isCancelled: options.isCancelled)
        return draw(result, prepared, prepared.widths(within: options.width) ?? prepared.minimum, options)
    }

    /// A table when it fits, else one record a block (`set format auto`, the default).
    static func auto(_ result: ResultSet, _ options: RenderOptions) -> String {
        let prepared = Prepared(result, isCancelled: options.isCancelled)
        guard let widths = prepared.widths(within: options.width) else { return RecordRenderer.render(result, options) }
        return draw(result, prepared, widths, options)
    }

    static func draw(_ result: ResultSet, _ prepared: Prepared, _ widths: [Int], _ options: RenderOptions) -> String {
        let numeric = prepared.numeric
        func line(_ row: [String], header: Bool = false, numbers: Bool = true, values: [Value]? = nil) -> String {
            var parts: [String] = []
            for (i, cell) in row.enumerated() {
                let pad = asciiRun(0x20, count: max(0, widths[i] - displayWidth(cell)))
                var text = numeric[i] && !header ? pad + cell : (i == row.count - 1 ? cell : cell + pad)
                if options.colour {
                    if header { text = "\u{1B}[1m" + text + "\u{1B}[0m" }
                    else if cell == "-" && numbers { text = text.replacingOccurrences(of: "-", with: "\u{1B}[2m-\u{1B}[0m") }
                    else if case .bar(let bands) = result.columns[i].picture, let values, let code = Pictures.colour(values[i], bands: bands) {
                        text = code + text + "\u{1B}[0m"
                    }
                }
                parts.append(text)
            }
            var out = joinedText(parts, separator: "  ")
            while out.hasSuffix(" ") { out.removeLast() }
            return out
        }
        var out = line(prepared.header, header: true) + "\n"
        out += joinedText(widths.map { asciiRun(0x2D, count: $0) }, separator: "  ") + "\n"
        for (r, row) in prepared.cells.enumerated() {
            if r % 4096 == 4095 && options.isCancelled() { break }
            // A text wider than its column goes on as many lines as it needs, in its column.
            let wrapped = row.enumerated().map { i, cell in displayWidth(cell) > widths[i] ? TableFit.wrap(cell, width: widths[i]) : [cell] }
            let height = wrapped.map { $0.count }.max() ?? 1
            for k in 0..<height {
                out += line(wrapped.map { k < $0.count ? $0[k] : "" }, numbers: k == 0, values: k == 0 ? result.rows[r] : nil) + "\n"
            }
        }
        return out + footer(result)
    }

    /// `(23 rows, period 2026-10)` under a table or records.
    static func footer(_ result: ResultSet) -> String {
        let evaluated = result.columns.contains(where: { $0.name == "achievement" || $0.name == "realisation" || $0.name == "target" })
        return Message.rowsFooter(result.rows.count, period: evaluated ? result.period?.description : nil).text + "\n"
    }
}

/// A cell on one line: line breaks (LF, CRLF, a lone CR) and tabs become spaces, since a terminal
/// would act on them (a CR returns to the start of the line) and break the alignment.
func oneLine(_ text: String) -> String {
    // On bytes: tab, CR and LF are each a Character of their own (or CR LF together) whatever
    // surrounds them, so a byte test finds them without breaking the text into Characters.
    guard text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else { return text }
    return String(text.map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\t" ? " " : $0 })
}

/// A cell for a terminal: on one line, then its control characters escaped.
func terminalCell(_ text: String) -> String { TerminalText.escaped(oneLine(text)) }

/// Columns a string takes on a terminal: East Asian wide and emoji characters take two.
public func displayWidth(_ text: String) -> Int {
    // ASCII (nearly every cell) on bytes: a Character is then one byte (or CR LF, both controls),
    // one column unless a control, as `charWidth` gives, without breaking the text into Characters.
    var width = 0
    for byte in text.utf8 {
        if byte >= 0x80 { return text.reduce(0) { $0 + charWidth($1) } }
        if byte >= 0x20 && byte != 0x7F { width += 1 }
    }
    return width
}

/// `count` copies of an ASCII byte (a pad of spaces, a rule of dashes) written straight into the
/// String: `String(repeating:count:)` took ~2.7 k instructions a call, 49 calls in the bundled
/// query's table.
func asciiRun(_ byte: UInt8, count: Int) -> String {
    String(unsafeUninitializedCapacity: count) { buffer in
        buffer.initialize(repeating: byte)
        return count
    }
}

func charWidth(_ c: Character) -> Int {
    guard let scalar = c.unicodeScalars.first else { return 0 }
    let v = scalar.value
    if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
    let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
        0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD,
    ]
    return wide.contains { $0.contains(v) } ? 2 : 1
}
