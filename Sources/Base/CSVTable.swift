/// A header-driven view of CSV records: columns are found by name (case-insensitive, surrounding
/// spaces ignored), their order is free, and columns nobody asks for are ignored.
package struct CSVTable {
    package let file: String
    package let header: [String: Int]
    package let rows: ArraySlice<CSVRecord>

    package init(records: [CSVRecord], file: String) {
        self.file = file
        var header: [String: Int] = [:]
        if let first = records.first {
            for (i, name) in first.fields.enumerated() {
                let key = Text.trim(name).lowercased()
                if header[key] == nil { header[key] = i }
            }
        }
        self.header = header
        self.rows = records.dropFirst()
    }

    package func has(_ column: String) -> Bool { header[column] != nil }

    /// The trimmed cell of `column` in `row`, "" when the column or cell is absent.
    package func cell(_ row: CSVRecord, _ column: String) -> String {
        cell(row, header[column])
    }

    /// The same by a column index found once with `header[name]`, for the row loop.
    package func cell(_ row: CSVRecord, _ index: Int?) -> String {
        guard let i = index, i < row.fields.count else { return "" }
        let field = row.fields[i]
        if let first = field.utf8.first, let last = field.utf8.last, !Text.isSpace(first), !Text.isSpace(last) { return field }
        return Text.trim(field)
    }

    package func location(_ row: CSVRecord, _ column: String) -> SourceLocation {
        guard let i = header[column], i < row.columns.count else { return SourceLocation(file: file, line: row.line, column: 1) }
        return SourceLocation(file: file, line: row.line, column: row.columns[i])
    }
}

import Foundation
