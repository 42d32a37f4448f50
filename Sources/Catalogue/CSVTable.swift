/// A header-driven view of CSV records: columns are found by name (case-insensitive, surrounding
/// spaces ignored), their order is free, and columns nobody asks for are ignored.
struct CSVTable {
    let file: String
    let header: [String: Int]
    let rows: ArraySlice<CSVRecord>

    init(records: [CSVRecord], file: String) {
        self.file = file
        var header: [String: Int] = [:]
        if let first = records.first {
            for (i, name) in first.fields.enumerated() {
                let key = name.trimmingCharacters(in: .whitespaces).lowercased()
                if header[key] == nil { header[key] = i }
            }
        }
        self.header = header
        self.rows = records.dropFirst()
    }

    func has(_ column: String) -> Bool { header[column] != nil }

    /// The trimmed cell of `column` in `row`, "" when the column or cell is absent.
    func cell(_ row: CSVRecord, _ column: String) -> String {
        guard let i = header[column], i < row.fields.count else { return "" }
        return row.fields[i].trimmingCharacters(in: .whitespaces)
    }

    func location(_ row: CSVRecord, _ column: String) -> SourceLocation {
        guard let i = header[column], i < row.columns.count else { return SourceLocation(file: file, line: row.line, column: 1) }
        return SourceLocation(file: file, line: row.line, column: row.columns[i])
    }
}

import Foundation
