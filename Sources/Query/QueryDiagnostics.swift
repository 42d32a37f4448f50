import Catalogue

extension Diagnostic {
    /// The diagnostic with the offending source line and a caret under the offending token,
    /// as compilers print them:
    ///
    ///     <query>:1:23: error: unknown field 'acheivement' for indicators
    ///     show indicators where acheivement < 80%
    ///                           ^~~~~~~~~~~
    ///         did you mean achievement?
    public func rendered(source: String) -> String {
        guard let location, location.line >= 1 else { return description }
        // "\r\n" is one Character in Swift: split on it too, as the lexer counts lines (CRLF scripts).
        let lines = source.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        var head = "\(location.file):\(location.line):\(location.column): \(severity.rawValue): \(message)"
        let index = location.line - 1
        if index >= 0, index < lines.count {
            let line = String(lines[index]).replacingOccurrences(of: "\r", with: "")
            let prefix = line.prefix(max(0, location.column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
            head += "\n" + line + "\n" + prefix + "^" + String(repeating: "~", count: max(0, min(length, max(1, line.count - location.column + 1)) - 1))
        }
        for note in notes { head += "\n    " + note }
        return head
    }
}
