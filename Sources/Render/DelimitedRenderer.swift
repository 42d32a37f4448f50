import Catalogue
import Query

/// CSV (RFC 4180: a header row, quotes only where needed, `"` doubled, missing as an empty cell)
/// and TSV (tabs and newlines inside values become spaces).
enum DelimitedRenderer {
    static func csv(_ result: ResultSet, decimalComma: Bool) -> String {
        let delimiter: Character = decimalComma ? ";" : ","
        // One buffer for the whole document, not a String per line.
        let records = [result.columns.map(\.name)] + result.rows.map { row in
            row.map { value in
                var text = Renderer.machineText(value) ?? ""
                if decimalComma, case .number = value { text = text.replacingOccurrences(of: ".", with: ",") }
                return text
            }
        }
        return CSVWriter.document(records, delimiter: delimiter)
    }

    static func tsv(_ result: ResultSet) -> String {
        // A lone CR ends a record for TSV readers too.
        func clean(_ s: String) -> String { oneLine(s) }
        var out = result.columns.map { clean($0.name) }.joined(separator: "\t") + "\n"
        for row in result.rows {
            out += row.map { clean(Renderer.machineText($0) ?? "") }.joined(separator: "\t") + "\n"
        }
        return out
    }
}

import Foundation
