import Foundation

/// One worksheet part (`xl/worksheets/sheetN.xml`) -> its cells, by `SheetScanner` (a sheet can
/// hold hundreds of thousands of cells): `c` elements with their `r`, type `t` and style `s`, the
/// value in `v` (a formula's cached result too) or inline in `is/t`; `mergeCell` ranges. A part
/// cut short or malformed is an error at the cell being read (`sheet Realisasi, cell C12`).
enum WorksheetReader {
    static func read(_ data: Data, name: String, part: String, file: String,
                     strings: [String], styles: CellStyles, date1904: Bool) throws(Diagnostic) -> Workbook.Sheet {
        var scanner = SheetScanner(name: name, strings: strings, styles: styles, date1904: date1904)
        scanner.feed(data)
        return try finish(&scanner, part: part, file: file)
    }

    /// The sheet a scanner has read, or its failure as a diagnostic at the cell (or row) it names.
    static func finish(_ scanner: inout SheetScanner, part: String, file: String) throws(Diagnostic) -> Workbook.Sheet {
        switch scanner.finish() {
        case .success(let sheet): return sheet
        case .failure(let failure):
            let name = scanner.sheet.name
            let place: String, location: SourceLocation
            if let row = failure.row, let column = failure.column {
                place = "sheet \(name), cell \(SpreadsheetText.columnName(column))\(row)"
                location = SourceLocation(file: file, line: row, column: column + 1, place: place)
            } else if let row = failure.row {
                location = SourceLocation(file: file, line: row, place: "sheet \(name), row \(row)")
            } else {
                location = SourceLocation(file: file, line: 1, place: "sheet \(name)")
            }
            throw .error(.workbookSheetMalformed(part: part, failure.problem.message), at: location)
        }
    }

    /// Excel's day `serial` as a date: days since 1899-12-30 (the 1900 system, whose false
    /// 29 February 1900 the base absorbs for every date after it), or since 1904-01-01.
    static func date(serial: Double, date1904: Bool) -> (year: Int, month: Int, day: Int) {
        // Days from 1970-01-01, then the civil date.
        CivilTime.date(daysSince1970: Int(serial.rounded(.down)) + (date1904 ? -24107 : -25569))
    }
}
