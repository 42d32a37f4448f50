import Base
import Query

/// Aligned columns for a terminal: numbers right, text left, widths by display columns (wide
/// characters count two), missing (and a number that is not finite) as `-`, a row count
/// underneath. Control characters in the data are shown escaped (`\x1b`, see `TerminalText`), so
/// nothing in a cell acts on the terminal.
enum TableRenderer {
    static func render(_ result: ResultSet, _ options: RenderOptions) -> String {
        let columns = result.columns
        var cells: [[String]] = result.rows.map { row in
            zip(row, columns).map { value, column in
                var text = terminalCell(Renderer.humanText(value.finite, column.type))
                if let limit = options.maxTextWidth, column.type == .text, displayWidth(text) > limit { text = truncate(text, to: limit) }
                return text
            }
        }
        let header = columns.map { terminalCell(Renderer.header($0.name)) }
        var widths = header.map(displayWidth)
        for row in cells { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], displayWidth(cell)) } }
        let numeric = columns.map { $0.type == .number || $0.type == .percent }
        func line(_ row: [String], header: Bool = false) -> String {
            var parts: [String] = []
            for (i, cell) in row.enumerated() {
                let pad = String(repeating: " ", count: widths[i] - displayWidth(cell))
                var text = numeric[i] && !header ? pad + cell : (i == row.count - 1 ? cell : cell + pad)
                if options.colour {
                    if header { text = "\u{1B}[1m" + text + "\u{1B}[0m" }
                    else if cell == "-" { text = text.replacingOccurrences(of: "-", with: "\u{1B}[2m-\u{1B}[0m") }
                }
                parts.append(text)
            }
            var out = parts.joined(separator: "  ")
            while out.hasSuffix(" ") { out.removeLast() }
            return out
        }
        var out = line(header, header: true) + "\n"
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in cells { out += line(row) + "\n" }
        cells.removeAll()
        let count = result.rows.count
        let evaluated = columns.contains(where: { $0.name == "achievement" || $0.name == "realisation" || $0.name == "target" })
        return out + Message.rowsFooter(count, period: evaluated ? result.period?.description : nil).text + "\n"
    }

    static func truncate(_ text: String, to limit: Int) -> String {
        var out = ""
        var width = 0
        for c in text {
            let w = charWidth(c)
            if width + w > limit - 1 { break }
            out.append(c)
            width += w
        }
        return out + "…"
    }
}

/// A cell on one line: line breaks (LF, CRLF, a lone CR) and tabs become spaces, since a terminal
/// would act on them (a CR returns to the start of the line) and break the alignment.
func oneLine(_ text: String) -> String {
    guard text.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\t" }) else { return text }
    return String(text.map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\t" ? " " : $0 })
}

/// A cell for a terminal: on one line, then its control characters escaped.
func terminalCell(_ text: String) -> String { TerminalText.escaped(oneLine(text)) }

/// Columns a string takes on a terminal: East Asian wide and emoji characters take two.
public func displayWidth(_ text: String) -> Int {
    text.reduce(0) { $0 + charWidth($1) }
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
