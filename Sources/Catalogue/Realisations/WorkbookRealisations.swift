import Foundation

/// Realisations and targets from an Excel workbook: every sheet whose header (its first row) has
/// a `code` column, read by header as the CSV is (the same `FileReader`), in one of two layouts:
/// long (`code`, `period`, `value`, ...), or wide (`code` and one column per period, headed
/// `Januari`, `Jan`, `2026-01`, `TW I`, `Semester I`...; a header without a year takes it from a
/// `tahun`/`year` column or from a sheet named by its year). Cells are typed: numbers stay
/// numbers, a percentage cell (0.85 shown as 85%) is 85, a date under `period` is its month.
/// A workbook with any error loads nothing, so a half-read workbook never reaches a report.
enum WorkbookRealisations {
    /// `progress` is told how far the sheets have come as they are unpacked, the slow part.
    static func read(path: String, catalogue: Catalogue, progress: FileProgress? = nil,
                     cancellation: LoadCancellation = .never) -> [RealisationFile] {
        let book: Workbook
        var diagnostics: [Diagnostic]
        do {
            (book, diagnostics) = try Workbook.read(path: path) { progress?.tell(bytes: $0, rows: $1) }
        } catch {
            return [RealisationFile(name: path, failure: error)]
        }
        var files: [RealisationFile] = []
        for sheet in book.sheets {
            if cancellation.isCancelled() { return [RealisationFile(name: path, failure: .error(.interrupted, at: SourceLocation(file: path, line: 1)))] }
            if let file = read(sheet, path: path, catalogue: catalogue, cancellation: cancellation, &diagnostics) { files.append(file) }
        }
        if files.isEmpty && !diagnostics.hasErrors {
            diagnostics.append(.error(.workbookWithoutCodeSheet(path), at: SourceLocation(file: path, line: 1), notes: [.workbookHeaderHint]))
        }
        // Every sheet's own problems, in row order, after the workbook's.
        for file in files {
            var found = file.refusals.map(\.1) + file.problems.flatMap(\.1)
            if let failure = file.failure { found.append(failure) }
            diagnostics += found.enumerated().sorted { ($0.1.location?.line ?? 0, $0.1.location?.column ?? 0, $0.0) < ($1.1.location?.line ?? 0, $1.1.location?.column ?? 0, $1.0) }.map(\.1)
        }
        guard diagnostics.hasErrors else { return files }
        let last = diagnostics.lastIndex { $0.severity == .error }!
        diagnostics[last].notes.append(Message.workbookNothingLoaded.text)
        return [RealisationFile(name: path, refusals: diagnostics.map { (0, $0) })]
    }

    /// One sheet as a file of rows; nil for a sheet without a `code` column (notes, a cover).
    static func read(_ sheet: Workbook.Sheet, path: String, catalogue: Catalogue, cancellation: LoadCancellation = .never,
                     _ diagnostics: inout [Diagnostic]) -> RealisationFile? {
        guard let header = sheet.rows.first else { return nil }
        var names: [Int: String] = [:]
        for (column, cell) in header.cells { names[column] = Text.trim(text(cell, forPeriod: true)).lowercased() }
        guard let codeColumn = names.filter({ $0.value == "code" }).keys.min() else { return nil }
        func place(_ column: Int, _ row: Int) -> SourceLocation {
            SourceLocation(file: path, line: row, column: column + 1, place: "sheet \(sheet.name), cell \(SpreadsheetText.columnName(column))\(row)")
        }
        var failed = false
        for merge in sheet.merges where merge.rows.contains(header.number) {
            let first = merge.range.split(separator: ":").first.flatMap { Workbook.reference(String($0)) }
            diagnostics.append(.error(.workbookMergedHeader(merge.range), at: place(first?.column ?? 0, header.number)))
            failed = true
        }
        var reader = FileReader(file: path, format: NumberFormat(), codeIndex: catalogue.codeIndex,
                                unknown: UnknownCodes(suggestions: CodeSuggestions(indicators: catalogue.indicators)))
        reader.result.sheet = sheet.name
        reader.cancellation = cancellation
        let long = names.values.contains("period")
        let yearColumn = names.filter { ["tahun", "year"].contains($0.value) }.keys.min()
        let sheetYear = Int(Text.trim(sheet.name)).flatMap { (1900...2999).contains($0) ? $0 : nil }
        // Wide: the columns that name a period, with or without their year.
        var periods: [(column: Int, period: Period?, header: String)] = []
        if !long {
            for (column, name) in names.sorted(by: { $0.key < $1.key }) where column != codeColumn && column != yearColumn {
                let original = Text.trim(header.cells.first { $0.column == column }.map { text($0.cell, forPeriod: true) } ?? name)
                if let period = Period(parsing: original) {
                    periods.append((column, period, original))
                } else if Period(parsing: original + " 2000") != nil {
                    if let sheetYear { periods.append((column, Period(parsing: "\(original) \(sheetYear)"), original)) }
                    else if yearColumn != nil { periods.append((column, nil, original)) }
                    else {
                        diagnostics.append(.error(.workbookHeaderWithoutYear(original), at: place(column, header.number)))
                        failed = true
                    }
                }
            }
        }
        if failed { return nil }
        let width = (sheet.rows.flatMap { $0.cells.map(\.column) }.max() ?? 0) + 1
        if long {
            reader.header(CellRecord(texts: (0..<width).map { names[$0] ?? "" }, columns: Array(1...width), line: header.number, sheet: sheet.name))
        } else {
            reader.header(CellRecord(texts: ["code", "period", "value"], columns: [codeColumn + 1, 1, 1], line: header.number, sheet: sheet.name))
        }
        catalogue.indicators.withUnsafeBufferPointer { indicators in
            // A row's cells by column, reused row after row (no dictionary per row).
            var cells = [Workbook.Cell?](repeating: nil, count: width)
            let allColumns = Array(1...width)
            let periodColumns = (0..<width).map { names[$0] == "period" }
            for row in sheet.rows.dropFirst() {
                if reader.checkpoint(bytes: nil) {
                    reader.result.failure = .error(.interrupted, at: place(codeColumn, row.number))
                    break
                }
                defer { for (column, _) in row.cells { cells[column] = nil } }
                for (column, cell) in row.cells { cells[column] = cell }
                if case .date(let y, let m, let d)? = cells[codeColumn] {
                    reader.refuse(.error(.workbookDateAsCode(dateText(y, m, d)), at: place(codeColumn, row.number)))
                    continue
                }
                if long {
                    let texts = (0..<width).map { column in cells[column].map { text($0, forPeriod: periodColumns[column]) } ?? "" }
                    reader.row(CellRecord(texts: texts, columns: allColumns, line: row.number, sheet: sheet.name), indicators: indicators)
                    continue
                }
                let code = cells[codeColumn].map { text($0, forPeriod: false) } ?? ""
                let year = yearColumn.flatMap { cells[$0] }.map { text($0, forPeriod: false) }
                let refused = reader.result.refusals.count
                for (column, period, heading) in periods {
                    // An unknown code is said once for its row, not once per period.
                    if reader.result.refusals.count > refused,
                       ["unknown-indicator-code", "row-without-code"].contains(reader.result.refusals.last?.1.id ?? "") { break }
                    guard let cell = cells[column] else { continue }
                    let value = text(cell, forPeriod: false)
                    if Text.trim(value).isEmpty { continue }
                    // A period from the row's own year; a missing year is the row's error, at its year cell.
                    let periodText = period?.description ?? year.map { "\(heading) \($0)" } ?? heading
                    reader.row(CellRecord(texts: [code, periodText, value], columns: [codeColumn + 1, (period == nil ? yearColumn! : column) + 1, column + 1],
                                          line: row.number, sheet: sheet.name), indicators: indicators)
                }
            }
        }
        return reader.result
    }

    static func dateText(_ y: Int, _ m: Int, _ d: Int) -> String {
        "\(y)-" + (m < 10 ? "0" : "") + "\(m)-" + (d < 10 ? "0" : "") + "\(d)"
    }

    /// A cell as the text the CSV reader would see: numbers in full with a decimal point, a
    /// percentage on 0-100, a date as `2026-11-01` (a period where the column is one).
    static func text(_ cell: Workbook.Cell, forPeriod: Bool) -> String {
        switch cell {
        case .number(let n): return number(n)
        // 0.85 shown as 85% is 85; rounded to 9 decimals, so it does not read 85.00000000000001.
        case .percent(let n): return number((n * 100 * 1e9).rounded() / 1e9)
        case .date(let y, let m, let d): return dateText(y, m, d)
        case .text(let s): return s
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .error(let e): return e
        }
    }

    static func number(_ n: Double) -> String {
        if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        return "\(n)"
    }
}

/// A workbook row's fields as one record for `FileReader`: the texts' bytes side by side, each
/// field with its sheet column, so diagnostics name the cell (`sheet Realisasi, cell C4`).
struct CellRecord: RecordFields {
    private let bytes: [UInt8]
    private let ranges: [Range<Int>]
    private let columns: [Int]
    let line: Int
    let sheet: String

    init(texts: [String], columns: [Int], line: Int, sheet: String) {
        var bytes: [UInt8] = [], ranges: [Range<Int>] = []
        for text in texts {
            let start = bytes.count
            bytes += text.utf8
            ranges.append(start..<bytes.count)
        }
        self.bytes = bytes
        self.ranges = ranges
        self.columns = columns
        self.line = line
        self.sheet = sheet
    }

    var count: Int { ranges.count }

    /// Valid while the record lives: `FileReader` reads a record's cells before it returns.
    subscript(i: Int) -> UnsafeBufferPointer<UInt8> {
        bytes.withUnsafeBufferPointer { UnsafeBufferPointer(rebasing: $0[ranges[i]]) }
    }

    func string(_ i: Int) -> String { String(decoding: bytes[ranges[i]], as: UTF8.self) }

    func location(_ i: Int?, file: String) -> SourceLocation {
        guard let i, i < count else { return SourceLocation(file: file, line: line, place: "sheet \(sheet), row \(line)") }
        return SourceLocation(file: file, line: line, column: columns[i], place: "sheet \(sheet), cell \(SpreadsheetText.columnName(columns[i] - 1))\(line)")
    }

    func column(_ i: Int) -> Int { i < count ? columns[i] : 1 }
}
