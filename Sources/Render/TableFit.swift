/// How a table fits a width: numbers (and periods, yes/no) keep their width, text columns are
/// narrowed, the widest first, never below their longest word (up to `longestUnbroken`) nor their
/// header; a text then wraps on word boundaries inside its column. When even the narrowest
/// columns do not fit, the table does not fit (the auto format then prints records).
public enum TableFit {
    /// A word longer than this may be broken inside a narrow column rather than widen it.
    static let longestUnbroken = 20
    /// Two spaces between columns.
    static let gap = 2

    /// The widths of the columns within `width`, or nil when they cannot fit. `natural` are the
    /// widths the columns want, `minimum` the narrowest each may be, `shrinkable` which may narrow.
    static func widths(natural: [Int], minimum: [Int], shrinkable: [Bool], width: Int) -> [Int]? {
        var widths = natural
        let total = { widths.reduce(0, +) + gap * max(0, widths.count - 1) }
        var excess = total() - width
        while excess > 0 {
            // The widest column that may still narrow gives up a column.
            guard let widest = widths.indices.filter({ shrinkable[$0] && widths[$0] > minimum[$0] }).max(by: { widths[$0] < widths[$1] })
            else { return nil }
            widths[widest] -= 1
            excess -= 1
        }
        return widths
    }

    /// The narrowest a text column may be: its header, and its longest word up to `longestUnbroken`.
    static func minimum(header: String, cells: [String]) -> Int {
        var longest = 0
        for cell in cells { longest = max(longest, longestWord(cell)) }
        return max(displayWidth(header), min(longest, longestUnbroken))
    }

    /// The display width of the widest word of `cell` (words split at spaces). An ASCII cell on its
    /// bytes, where a Character is a byte (CR LF aside, a control either way), without splitting it
    /// into Substrings of Characters: the bundled query's table spent ~0.2 M instructions there.
    static func longestWord(_ cell: String) -> Int {
        var longest = 0, word = 0
        for byte in cell.utf8 {
            if byte >= 0x80 { return cell.split(separator: " ").reduce(0) { max($0, displayWidth(String($1))) } }
            if byte == 0x20 { word = 0; continue }
            if byte > 0x20 && byte != 0x7F { word += 1 }
            longest = max(longest, word)
        }
        return longest
    }

    /// `text` in lines of at most `width` columns, broken at spaces; a word longer than the width
    /// is broken inside. Nothing is dropped but the spaces the lines are broken at.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0, displayWidth(text) > width else { return [text] }
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for piece in text.split(separator: " ") {
            var word = Substring(piece)
            var wordWidth = displayWidth(String(word))
            if lineWidth > 0 {
                if lineWidth + 1 + wordWidth <= width {
                    line += " " + word
                    lineWidth += 1 + wordWidth
                    continue
                }
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            // A word wider than the column: as much as fits on each line.
            while wordWidth > width {
                var head = ""
                var headWidth = 0
                while let c = word.first, head.isEmpty || headWidth + charWidth(c) <= width {
                    head.append(c)
                    headWidth += charWidth(c)
                    word = word.dropFirst()
                }
                lines.append(head)
                wordWidth -= headWidth
            }
            line = String(word)
            lineWidth = wordWidth
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
