import Query

/// A GitHub-flavoured Markdown table: numbers right-aligned, `|` escaped, missing (and a number
/// that is not finite) as `-`; control characters escaped as in a table (`\x1b`), since Markdown
/// is read on terminals too.
enum MarkdownRenderer {
    static func render(_ result: ResultSet) -> String {
        func cell(_ s: String) -> String {
            // Foundation's replacing is slow; most cells have no `|`.
            let text = terminalCell(s)
            return text.contains("|") ? text.replacingOccurrences(of: "|", with: "\\|") : text
        }
        var out = "| " + result.columns.map { cell(Renderer.header($0.name)) }.joined(separator: " | ") + " |\n"
        out += "|" + result.columns.map { $0.type == .number || $0.type == .percent ? " ---: |" : " --- |" }.joined() + "\n"
        for row in result.rows {
            out += "| " + zip(row, result.columns).map { cell($1.picture == .state ? Picture.stateWords($0) ?? Renderer.humanText($0, $1.type) : Renderer.humanText($0.finite, $1.type)) }.joined(separator: " | ") + " |\n"
        }
        return out
    }
}
