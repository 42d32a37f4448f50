import Catalogue
import Query

extension Renderer {
    /// Rows rendered into one piece of a streamed result.
    public static let rowsPerPiece = 4096

    /// The text `render` gives, handed to `write` a slice of rows at a time, so an export of a
    /// million rows never holds its whole text (it was 1.4 GB of memory for a 214 MB file). CSV,
    /// TSV, JSON and Markdown stream; a table or records need every row's width first and come
    /// whole. `write` may throw (a failed write, Ctrl-C) to stop.
    public static func pieces(_ result: ResultSet, _ options: RenderOptions, rowsPerPiece: Int = rowsPerPiece,
                              _ write: (String) throws(Diagnostic) -> Void) throws(Diagnostic) {
        let rows = result.rows
        func slices(_ body: (ArraySlice<[Value]>) -> String) throws(Diagnostic) {
            var start = 0
            while start < rows.count {
                let end = min(start + max(1, rowsPerPiece), rows.count)
                try write(body(rows[start..<end]))
                start = end
            }
        }
        switch options.format {
        case .csv:
            try write(DelimitedRenderer.csvHeader(result.columns, decimalComma: options.decimalComma, guardFormulas: options.guardFormulas))
            try slices { DelimitedRenderer.csvRows($0, decimalComma: options.decimalComma, guardFormulas: options.guardFormulas) }
        case .tsv:
            try write(DelimitedRenderer.tsvHeader(result.columns, guardFormulas: options.guardFormulas))
            try slices { DelimitedRenderer.tsvRows($0, guardFormulas: options.guardFormulas) }
        case .json:
            guard !rows.isEmpty else { return try write("[]\n") }
            try write("[\n")
            try slices { JSONRenderer.objects($0, result.columns, last: rows.count - 1) }
            try write("]\n")
        case .markdown:
            try write(MarkdownRenderer.header(result.columns))
            try slices { MarkdownRenderer.rows($0, result.columns) }
        case .table, .auto, .record, .xlsx:
            try write(render(result, options))
        }
    }
}
