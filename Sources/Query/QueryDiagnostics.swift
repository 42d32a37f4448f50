import Catalogue

extension Diagnostic {
    /// The one way to report an error at a token: the caret spans the whole token.
    public static func error(_ message: Message, at token: Token, notes: [Message?] = []) -> Diagnostic {
        .error(message, at: token.location, length: token.length, notes: notes)
    }

    /// The diagnostic with the offending source line and a caret under the offending token,
    /// as compilers print them:
    ///
    ///     <query>:1:23: error: unknown field 'acheivement' for indicators
    ///     show indicators where acheivement < 80%
    ///                           ^~~~~~~~~~~
    ///         did you mean achievement?
    public func rendered(source: String) -> String {
        rendered(lines: SourceLines(source))
    }

    /// The same, with the source's lines split once for every diagnostic of a script.
    public func rendered(lines: SourceLines) -> String {
        guard let location, location.line >= 1, location.place == nil else { return description }
        // Names, messages and source lines can hold text from the data or the script: control
        // characters are shown escaped, never sent to the terminal (see TerminalText).
        func safe(_ text: String) -> String { TerminalText.escaped(text, keepTabs: true, keepNewlines: true) }
        var head = "\(safe(location.file)):\(location.line):\(location.column): \(severity.word): \(safe(message))"
        if let line = lines.line(location.line - 1) {
            let (shown, caret) = TerminalText.sourceLine(String(line), column: location.column, length: length)
            head += "\n" + shown + "\n" + caret
        }
        for note in notes { head += "\n    " + safe(note) }
        return head
    }
}

/// The lines of a source text, split when first needed and then kept: rendering a diagnostic
/// must not cost the length of the whole script each time.
public final class SourceLines {
    private let source: String
    private lazy var lines: [Substring] =
        // "\r\n" is one Character in Swift: split on it too, as the lexer counts lines (CRLF scripts).
        source.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })

    public init(_ source: String) { self.source = source }

    /// The line at a 0-based index, carriage returns removed.
    public func line(_ index: Int) -> String? {
        guard index >= 0, index < lines.count else { return nil }
        return String(lines[index]).replacingOccurrences(of: "\r", with: "")
    }
}
