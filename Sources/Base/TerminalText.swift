/// Text from the data made safe to print on a terminal.
///
/// A catalogue, a CSV or a query can hold control characters; printed as they are, ESC starts
/// escape sequences (colours, moving the cursor, clearing the screen, an OSC 8 link or an OSC 52
/// write to the clipboard, a new window title), BEL rings, backspace and CR overwrite what was
/// printed. So text shown to people on a terminal (tables, cards, diagnostics with their source
/// line) has every C0 control (U+0000-U+001F), DEL (U+007F) and C1 control (U+0080-U+009F, the
/// 8-bit forms of ESC [ and friends) written as `\x` and two lower-case hex digits, as Python's
/// `repr` writes them: ESC is `\x1b`, BEL `\x07`, CSI `\x9b`. Tab and line breaks are escaped
/// too unless the caller keeps them (a table makes them spaces first; a diagnostic keeps its
/// line breaks). A backslash is left as it is (formulas are full of them), so `\x1b` in the data
/// reads the same as an escaped ESC: the point is that nothing acts on the terminal.
///
/// Machine formats keep the bytes: CSV and TSV as they are, JSON with `\u` escapes.
public enum TerminalText {
    /// Whether `scalar` is escaped: a C0 control, DEL or a C1 control.
    @inline(__always)
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// `text` with its control characters escaped (`\x1b`); tabs kept with `keepTabs`, LF and CR LF
    /// kept with `keepNewlines` (a lone CR is always escaped).
    public static func escaped(_ text: String, keepTabs: Bool = false, keepNewlines: Bool = false) -> String {
        guard hasControl(text) else { return text }
        let scalars = text.unicodeScalars
        var out = String.UnicodeScalarView()
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            if !isControl(scalar)
                || (keepTabs && scalar == "\t")
                || (keepNewlines && (scalar == "\n" || (scalar == "\r" && next < scalars.endIndex && scalars[next] == "\n"))) {
                out.append(scalar)
            } else {
                out.append(contentsOf: escape(scalar).unicodeScalars)
            }
            index = next
        }
        return String(out)
    }

    /// Whether `text` holds a scalar `isControl` escapes, on its UTF-8 bytes: C0 controls and DEL
    /// are single bytes below 0x80, the C1 controls U+0080-U+009F are C2 80 to C2 9F (0xC2 is
    /// only ever a lead byte), so no scalar is decoded for the text of nearly every cell.
    static func hasControl(_ text: String) -> Bool {
        var afterC2 = false
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x7F || (afterC2 && byte <= 0x9F) { return true }
            afterC2 = byte == 0xC2
        }
        return false
    }

    /// `\x` and two lower-case hex digits.
    static func escape(_ scalar: Unicode.Scalar) -> String {
        let digits = Array("0123456789abcdef")
        return "\\x" + String(digits[Int(scalar.value >> 4)]) + String(digits[Int(scalar.value & 0xF)])
    }

    /// A diagnostic's source line, escaped, and the caret line that marks `length` Characters from
    /// the 1-based `column` of the line as it was (before escaping): spaces under what comes
    /// before, tabs under tabs, one column per Character and four for an escaped one, so the caret
    /// stays under the offending text. The mark is `^` then `~`, at least one Character, cut at
    /// the end of the line.
    ///
    ///     let (shown, caret) = TerminalText.sourceLine(line, column: 7, length: 3)
    public static func sourceLine(_ line: String, column: Int, length: Int) -> (line: String, caret: String) {
        var shown = "", caret = ""
        var marked = 0
        for (offset, character) in line.enumerated() {
            let text = character == "\t" ? "\t" : escaped(String(character))
            shown += text
            if offset < column - 1 {
                caret += character == "\t" ? "\t" : String(repeating: " ", count: text.count)
            } else if offset < column - 1 + max(1, length) {
                marked += text.count
            }
        }
        return (shown, caret + "^" + String(repeating: "~", count: max(0, marked - 1)))
    }
}
