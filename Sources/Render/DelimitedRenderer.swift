import Base
import Catalogue
import Query

/// CSV (RFC 4180: a header row, quotes only where needed, `"` doubled, missing as an empty cell)
/// and TSV (tabs and newlines inside values become spaces). A number that is not finite is
/// missing. Other bytes are kept as they are, control characters included: these are for programs.
///
/// `guardFormulas`, for files people open in a spreadsheet (an export to .csv or .tsv): a text cell
/// a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, tab, CR first; not a number) gets a
/// `'` in front, and in CSV is quoted (see `SpreadsheetText`). CSV with decimal commas is for
/// Excel, so it is always guarded. Otherwise the cells are the data, for programs reading
/// standard output.
enum DelimitedRenderer {
    static func csv(_ result: ResultSet, decimalComma: Bool, guardFormulas: Bool = false) -> String {
        csvHeader(result.columns, decimalComma: decimalComma, guardFormulas: guardFormulas)
            + csvRows(result.rows[...], decimalComma: decimalComma, guardFormulas: guardFormulas)
    }

    /// The header line (after a BOM for Excel's locale); `csvRows` writes the rest, a slice at a time.
    static func csvHeader(_ columns: [Column], decimalComma: Bool, guardFormulas: Bool = false) -> String {
        // Excel opens a UTF-8 file by double-click as UTF-8 only with a BOM (else `×` and `é` come
        // out garbled); our reader, Python's `utf-8-sig` and DuckDB skip it.
        let bom = decimalComma ? "\u{FEFF}" : ""
        return bom + CSVWriter.document([columns.map(\.name)], delimiter: decimalComma ? ";" : ",", guardFormulas: guardFormulas || decimalComma)
    }

    static func csvRows(_ rows: ArraySlice<[Value]>, decimalComma: Bool, guardFormulas: Bool = false) -> String {
        let delimiter: Character = decimalComma ? ";" : ","
        // One buffer for the slice, not a String per line.
        let records = rows.map { row in
            row.map { value in
                var text = Renderer.machineText(value.finite) ?? ""
                if decimalComma, case .number = value { text = text.replacingOccurrences(of: ".", with: ",") }
                return text
            }
        }
        return CSVWriter.document(records, delimiter: delimiter, guardFormulas: guardFormulas || decimalComma)
    }

    static func tsv(_ result: ResultSet, guardFormulas: Bool = false) -> String {
        tsvHeader(result.columns, guardFormulas: guardFormulas) + tsvRows(result.rows[...], guardFormulas: guardFormulas)
    }

    static func tsvHeader(_ columns: [Column], guardFormulas: Bool = false) -> String {
        columns.map { tsvCell($0.name, guardFormulas) }.joined(separator: "\t") + "\n"
    }

    static func tsvRows(_ rows: ArraySlice<[Value]>, guardFormulas: Bool = false) -> String {
        var out = ""
        for row in rows {
            out += row.map { tsvCell(Renderer.machineText($0.finite) ?? "", guardFormulas) }.joined(separator: "\t") + "\n"
        }
        return out
    }

    /// A lone CR ends a record for TSV readers too. TSV has no quoting: a guarded cell only gets its `'`.
    private static func tsvCell(_ s: String, _ guardFormulas: Bool) -> String {
        guardFormulas ? SpreadsheetText.guarded(oneLine(s)) : oneLine(s)
    }
}

import Foundation
