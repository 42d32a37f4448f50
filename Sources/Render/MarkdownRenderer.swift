import Query

/// A GitHub-flavoured Markdown table: numbers right-aligned, `|` escaped, missing (and a number
/// that is not finite) as `-`; control characters escaped as in a table (`\x1b`), since Markdown
/// is read on terminals too.
enum MarkdownRenderer {
    static func render(_ result: ResultSet) -> String {
        header(result.columns) + rows(result.rows[...], result.columns)
    }

    /// The header line and the alignment line; `rows` writes the rest, a slice at a time.
    static func header(_ columns: [Column]) -> String {
        "| " + columns.map { cell(Renderer.header($0.name)) }.joined(separator: " | ") + " |\n"
            + "|" + columns.map { $0.type == .number || $0.type == .percent ? " ---: |" : " --- |" }.joined() + "\n"
    }

    static func rows(_ rows: ArraySlice<[Value]>, _ columns: [Column]) -> String {
        var out = ""
        for row in rows {
            out += "| " + zip(row, columns).map { cell($1.picture == .state ? Picture.stateWords($0) ?? Renderer.humanText($0, $1.type) : Renderer.humanText($0.finite, $1.type)) }.joined(separator: " | ") + " |\n"
        }
        return out
    }

    private static func cell(_ s: String) -> String {
        // Foundation's replacing is slow; most cells have no `|`.
        let text = terminalCell(s)
        return text.contains("|") ? text.replacingOccurrences(of: "|", with: "\\|") : text
    }
}
