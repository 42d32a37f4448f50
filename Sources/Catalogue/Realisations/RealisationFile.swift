import Foundation

/// Stage one of loading realisations: one file's records read into rows, on any thread. Adding
/// them to the store (duplicates, declarations that must agree across files) is stage two,
/// `RealisationStore.add`, done in file order.
///
/// Rows stay compact (`StoredRow` and its numbers in the file's pool, plus the column of their
/// period cell); what only some rows
/// have is kept aside by row number, in row order, so stage two walks it with a cursor.
struct RealisationFile: Sendable {
    let name: String
    var rows: [StoredRow] = []
    /// The rows' numbers, only those present (`StoredRow.firstNumber` counts from this pool's start).
    var numbers: [Double] = []
    /// Where each row's period cell starts, for the error about a second row (32 bits: a column
    /// past 2^32 characters is named as 4294967295).
    var periodColumns: [UInt32] = []
    /// Problems found in a row itself (stage two may add more): the row is not added.
    var problems: [(row: Int, [Diagnostic])] = []
    var notes: [(row: Int, String)] = []
    /// Range targets (`80-90`): the row's upper bound; its `target` is the lower bound.
    var targetUppers: [(row: Int, Double)] = []
    /// Polarity or consolidation given in a row, lower case; checked in stage two, in order with
    /// the earlier declarations.
    var settings: [(row: Int, [Setting])] = []
    /// Records refused before they made a row (no such code, no period, no such column), with
    /// how many rows came before them, so that diagnostics stay in file order.
    var refusals: [(before: Int, Diagnostic)] = []
    /// Set when the file cannot be read or is not valid CSV: then nothing of it loads.
    var failure: Diagnostic?
    /// The workbook sheet the rows come from (their `line` is the sheet's row); nil for CSV.
    var sheet: String?

    /// Adds a row, its present numbers to the pool.
    mutating func append(indicator: Int32, period: UInt32, line: Int, value: Double?, numerator: Double?, denominator: Double?, target: Double?) {
        // Past 2^32 numbers the store refuses the file (`add`), so the truncation is never seen.
        let first = UInt32(truncatingIfNeeded: numbers.count)
        var present: UInt8 = 0
        if let value { present |= StoredRow.value; numbers.append(value) }
        if let numerator { present |= StoredRow.numerator; numbers.append(numerator) }
        if let denominator { present |= StoredRow.denominator; numbers.append(denominator) }
        if let target { present |= StoredRow.target; numbers.append(target) }
        rows.append(StoredRow(indicator: indicator, period: period, line: line, firstNumber: first, present: present))
    }

    /// The columns a row may declare an indicator's settings in.
    static let settingColumns: [RealisationColumn] = [.polarity, .consolidation]

    struct Setting: Sendable {
        var field: RealisationColumn
        var text: String
        var location: SourceLocation
    }

    /// A CSV file, or an Excel workbook (`.xlsx`: a file per sheet with a `code` column).
    /// `progress` is told how far the file has come as it is read, and when it is done.
    static func read(path: String, catalogue: Catalogue, format: NumberFormat, suggestions: CodeSuggestions? = nil,
                     progress: ProgressReporter? = nil, cancellation: LoadCancellation = .never) -> [RealisationFile] {
        let told = progress.map(FileProgress.init)
        let files = read(path: path, catalogue: catalogue, format: format, suggestions: suggestions, told: told, cancellation: cancellation)
        told?.finish(bytes: ProgressReporter.size(path), rows: files.reduce(0) { $0 + $1.rows.count })
        return files
    }

    private static func read(path: String, catalogue: Catalogue, format: NumberFormat, suggestions: CodeSuggestions?,
                             told: FileProgress?, cancellation: LoadCancellation) -> [RealisationFile] {
        if cancellation.isCancelled() { return [RealisationFile(name: path, failure: .error(.interrupted, at: SourceLocation(file: path, line: 1)))] }
        if Text.fileExtension(path).lowercased() == "xlsx" {
            return WorkbookRealisations.read(path: path, catalogue: catalogue, progress: told, cancellation: cancellation)
        }
        do {
            return [try CSVReader.withMappedContents(ofFile: path) { bytes, releasing throws(Diagnostic) in
                read(bytes: bytes, file: path, catalogue: catalogue, format: format, suggestions: suggestions, progress: told,
                     cancellation: cancellation, releasing: releasing)
            }]
        } catch {
            return [RealisationFile(name: path, failure: error)]
        }
    }

    static func read(text: String, file: String, catalogue: Catalogue, format: NumberFormat) -> RealisationFile {
        var text = text
        return text.withUTF8 { read(bytes: $0, file: file, catalogue: catalogue, format: format) }
    }

    static func read(bytes: UnsafeBufferPointer<UInt8>, file: String, catalogue: Catalogue, format: NumberFormat,
                     suggestions: CodeSuggestions? = nil, progress: FileProgress? = nil,
                     cancellation: LoadCancellation = .never, releasing: Int? = nil) -> RealisationFile {
        let format = format.decimalComma ? format : NumberFormat.detected(in: bytes)
        let unknown = UnknownCodes(suggestions: suggestions ?? CodeSuggestions(indicators: catalogue.indicators))
        var reader = FileReader(file: file, format: format, codeIndex: catalogue.codeIndex, unknown: unknown)
        reader.cancellation = cancellation
        reader.progress = progress
        do {
            try catalogue.indicators.withUnsafeBufferPointer { indicators throws(Diagnostic) in
                try reader.read(bytes, indicators: indicators, releasing: releasing)
            }
        } catch {
            return RealisationFile(name: file, failure: error)
        }
        // An empty file (0 bytes, or nothing but a BOM) is most likely the wrong file.
        if reader.isHeader { reader.refuse(.warning(.emptyRealisationsFile, at: SourceLocation(file: file, line: 1))) }
        return reader.result
    }
}

extension NumberFormat {
    /// A file's own format, from its header line: more `;` than `,` outside quotes is a file
    /// saved by Excel in Indonesian locale (`;` between cells, `87,5`), so such a file and a
    /// comma file load together; `--decimal-comma` still forces the Indonesian form on every file.
    static func detected(in bytes: UnsafeBufferPointer<UInt8>) -> NumberFormat {
        var semicolons = 0, commas = 0, quoted = false
        for b in bytes {
            if b == UInt8(ascii: "\"") { quoted.toggle() }
            if quoted { continue }
            if b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") { break }
            if b == UInt8(ascii: ";") { semicolons += 1 } else if b == UInt8(ascii: ",") { commas += 1 }
        }
        return NumberFormat(decimalComma: semicolons > commas)
    }
}

/// The column names a realisations file may have; others are ignored.
enum RealisationColumn: Int, CaseIterable {
    case code, period, value, numerator, denominator, target, note, polarity, consolidation
    static let names = ["code", "period", "value", "numerator", "denominator", "target", "note", "polarity", "consolidation"]
    var name: String { RealisationColumn.names[rawValue] }
}

/// One record's fields as bytes, and where each is: a CSV record (line and column) or a row of
/// a workbook's sheet (cells).
protocol RecordFields {
    var count: Int { get }
    subscript(i: Int) -> UnsafeBufferPointer<UInt8> { get }
    func string(_ i: Int) -> String
    /// The line (CSV) or the sheet's row number.
    var line: Int { get }
    /// Where field `i` is; the record's start when `i` is nil or past its last field.
    func location(_ i: Int?, file: String) -> SourceLocation
    /// The 1-based column where field `i` starts.
    func column(_ i: Int) -> Int
}

extension CSVFields: RecordFields {
    func location(_ i: Int?, file: String) -> SourceLocation {
        guard let i, i < columns.count else { return SourceLocation(file: file, line: line) }
        return SourceLocation(file: file, line: line, column: columns[i])
    }

    func column(_ i: Int) -> Int { i < columns.count ? columns[i] : 1 }
}

/// Reads the records of one realisations file: the header finds the columns, every other record
/// becomes a row or a refusal.
struct FileReader {
    var cells: RecordCells
    var file: String { cells.file }
    var format: NumberFormat { cells.format }
    /// The header's names, to say which columns a short row lacks.
    var headerNames: [String] = []
    var isHeader = true
    var failed = false
    var result: RealisationFile
    /// The previous row's code and indicator: rows of one indicator usually come together, so
    /// most rows need no lookup.
    var lastCode: [UInt8] = []
    var lastIndicator = -1
    let codeIndex: [String: Int]
    var unknown: UnknownCodes
    /// Asked every `LoadCancellation.rows` records: Ctrl-C stops a big file part way.
    var cancellation = LoadCancellation.never
    /// Told as often how far the file has come: a big file moves the progress line.
    var progress: FileProgress?
    var sinceAsked = 0

    init(file: String, format: NumberFormat, codeIndex: [String: Int], unknown: UnknownCodes) {
        self.unknown = unknown
        result = RealisationFile(name: file)
        cells = RecordCells(file: file, format: format)
        self.codeIndex = codeIndex
    }

    /// The indicators are read in place, through a buffer: copying one would retain its Strings.
    mutating func read(_ bytes: UnsafeBufferPointer<UInt8>, indicators: UnsafeBufferPointer<Indicator>, releasing: Int?) throws(Diagnostic) {
        try CSVReader.forEachRecord(in: bytes, file: file, delimiter: format.delimiter, releasing: releasing) { (record: CSVFields) throws(Diagnostic) in
            if checkpoint(bytes: record.end) { throw .error(.interrupted, at: record.location(nil, file: file)) }
            if isHeader {
                isHeader = false
                header(record)
            } else if !failed {
                row(record, indicators: indicators)
            }
        }
    }

    /// Once every `LoadCancellation.rows` calls: tells the progress the `bytes` read so far (when
    /// the reader knows them), and answers whether the load was cancelled.
    mutating func checkpoint(bytes: Int?) -> Bool {
        sinceAsked += 1
        guard sinceAsked >= LoadCancellation.rows else { return false }
        sinceAsked = 0
        if let bytes { progress?.tell(bytes: bytes, rows: result.rows.count) }
        return cancellation.isCancelled()
    }

    mutating func header<Record: RecordFields>(_ record: Record) {
        var found: [String: Int] = [:]
        headerNames = (0..<record.count).map { Text.trim(record.string($0)) }
        for i in 0..<record.count {
            let key = Text.trim(record.string(i)).lowercased()
            if let first = found[key] {
                // Two columns of the same name: which one holds the data is anybody's guess.
                if RealisationColumn.names.contains(key) {
                    refuse(.error(.duplicateColumn(key, firstColumn: record.column(first)),
                                  at: record.location(i, file: file)))
                    failed = true
                }
                continue
            }
            found[key] = i
        }
        cells.column = RealisationColumn.allCases.map { found[$0.name] }
        for required in [RealisationColumn.code, .period] where cells.column[required.rawValue] == nil {
            let semicolons = !format.decimalComma && record.count == 1 && record.string(0).contains(";")
            refuse(.error(.missingRealisationColumn(required.name), at: SourceLocation(file: file, line: 1),
                          notes: [semicolons ? .semicolonHeader : nil]))
            failed = true
        }
    }

    mutating func refuse(_ problem: Diagnostic) { result.refusals.append((result.rows.count, problem)) }

    mutating func indicator<Record: RecordFields>(_ record: Record, indicators: UnsafeBufferPointer<Indicator>) -> Int? {
        let code = cells.cell(record, .code)
        if lastIndicator >= 0, code.count == lastCode.count,
           code.isEmpty || lastCode.withUnsafeBufferPointer({ memcmp($0.baseAddress!, code.baseAddress!, code.count) == 0 }) {
            return lastIndicator
        }
        let text = String(decoding: code, as: UTF8.self)
        guard let index = codeIndex[text] ?? codeIndex[text.uppercased()] else {
            refuse(.error(text.isEmpty ? .rowWithoutCode : .unknownIndicatorCode(text), at: cells.location(record, .code),
                          notes: unknown.notes(for: text)))
            return nil
        }
        lastCode = Array(code)
        lastIndicator = index
        return index
    }

    mutating func row<Record: RecordFields>(_ record: Record, indicators: UnsafeBufferPointer<Indicator>) {
        if (0..<record.count).allSatisfy({ record[$0].allSatisfy(Text.isSpace) }) { return }
        // A row of another width lost or gained a cell (a comma in an unquoted note, a cut
        // line): its cells may sit under the wrong names, so it is listed and left out.
        if record.count < headerNames.count {
            refuse(.error(.shortRow(record.count, header: headerNames.count, missing: Array(headerNames[record.count...])),
                          at: record.location(nil, file: file)))
            return
        }
        if record.count > headerNames.count {
            refuse(.error(.longRow(record.count, header: headerNames.count), at: record.location(headerNames.count, file: file)))
            return
        }
        guard let indicatorIndex = indicator(record, indicators: indicators) else { return }
        // A copy of the few things a cell needs: calling the reader's own methods from this
        // mutating one copied the whole reader (328 bytes) on every call, eight times a row.
        let cells = self.cells
        let periodBytes = cells.cell(record, .period)
        guard let period = Period.common(bytes: periodBytes) ?? Period(parsing: String(decoding: periodBytes, as: UTF8.self)) else {
            let periodText = cells.text(record, .period)
            refuse(.error(periodText.isEmpty ? .rowWithoutPeriod : .malformedPeriod(periodText), at: cells.location(record, .period),
                          notes: [.periodForms]))
            return
        }
        var problems: [Diagnostic] = []
        let value = cells.number(record, .value, &problems), numerator = cells.number(record, .numerator, &problems)
        let denominator = cells.number(record, .denominator, &problems)
        // A target cell may be a range, `80-90`, `80 - 90` or `80 s.d. 90`: lower and upper bound.
        var target: Double?, targetUpper: Double?
        if let (low, high) = cells.targetRange(cells.cell(record, .target)) { (target, targetUpper) = (low, high) } else { target = cells.number(record, .target, &problems) }
        // Read in place: copying the Indicator would retain all its Strings, on every row.
        let kind = indicators[indicatorIndex].kind
        func code() -> String { indicators[indicatorIndex].code }
        if kind == .count && (numerator != nil || denominator != nil) {
            problems.append(.error(.countWithRatio(code()),
                                   at: cells.location(record, numerator != nil ? .numerator : .denominator)))
        }
        if (numerator == nil) != (denominator == nil) && kind == .ratio && problems.isEmpty {
            problems.append(.error(.halfARatio, at: cells.location(record, numerator == nil ? .numerator : .denominator)))
        }
        if kind == .ratio, let v = value, v > 0, v < 1, problems.isEmpty {
            // A share typed as 0.85 (which Excel shows as 85%): loaded as typed, but said.
            refuse(.warning(.ratioLooksLikeFraction(formatNumber(v), code: code()), at: cells.location(record, .value)))
        }
        if let d = denominator, d < 0 {
            problems.append(.error(.negativeDenominator, at: cells.location(record, .denominator)))
        }
        if let v = value, let n = numerator, let d = denominator, d != 0, abs(n / d * 100 - v) > 0.05 {
            problems.append(.error(.valueDisagrees(v, ratio: printfDecimals(n / d * 100, 2)), at: cells.location(record, .value)))
        }
        let k = result.rows.count
        var settings: [RealisationFile.Setting] = []
        for field in RealisationFile.settingColumns where cells.column[field.rawValue] != nil {
            let text = cells.text(record, field).lowercased()
            if !text.isEmpty { settings.append(RealisationFile.Setting(field: field, text: text, location: cells.location(record, field))) }
        }
        if !settings.isEmpty { result.settings.append((k, settings)) }
        if !problems.isEmpty { result.problems.append((k, problems)) }
        if let targetUpper { result.targetUppers.append((k, targetUpper)) }
        if cells.column[RealisationColumn.note.rawValue] != nil, case let note = cells.text(record, .note), !note.isEmpty { result.notes.append((k, note)) }
        result.append(indicator: Int32(indicatorIndex), period: period.packed, line: record.line,
                      value: value, numerator: numerator, denominator: denominator, target: target)
        result.periodColumns.append(UInt32(clamping: cells.column[RealisationColumn.period.rawValue].map { record.column($0) } ?? 1))
    }
}

/// What reading a record's cells needs: the file, its number format and where each column is.
struct RecordCells {
    let file: String
    let format: NumberFormat
    var column: [Int?] = []

    /// `80-90`, `80 - 90`, `80 s.d. 90`, `80 sampai 90`: two numbers, the first not above the
    /// second; nil for anything else (a plain number, or text reported as not a number).
    func targetRange(_ bytes: UnsafeBufferPointer<UInt8>) -> (Double, Double)? {
        // Every separator has a space, a hyphen or (the en dash) a non-ASCII byte: a plain number
        // or a blank cell, nearly every row, is no range without making a String of it.
        guard bytes.contains(where: { $0 == 0x20 || $0 == 0x2D || $0 >= 0x80 }) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self).lowercased()
        for separator in [" s.d. ", " s.d ", " sd ", " sampai ", "–", "-"] {
            guard let r = text.range(of: separator), r.lowerBound != text.startIndex else { continue }
            let parts = [text[..<r.lowerBound], text[r.upperBound...]].map { $0.trimmingCharacters(in: .whitespaces) }
            let numbers = parts.compactMap { p in Array(p.utf8).withUnsafeBufferPointer { p.isEmpty ? nil : format.parse(bytes: $0) } }
            if numbers.count == 2, numbers[0] <= numbers[1] { return (numbers[0], numbers[1]) }
            return nil
        }
        return nil
    }

    /// The trimmed bytes of a field; empty when the column or the cell is absent.
    func cell<Record: RecordFields>(_ record: Record, _ field: RealisationColumn) -> UnsafeBufferPointer<UInt8> {
        guard let i = column[field.rawValue], i < record.count else { return UnsafeBufferPointer(start: nil, count: 0) }
        let bytes = record[i]
        var start = 0, end = bytes.count
        while start < end, Text.isSpace(bytes[start]) { start += 1 }
        while end > start, Text.isSpace(bytes[end - 1]) { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    func text<Record: RecordFields>(_ record: Record, _ field: RealisationColumn) -> String { String(decoding: cell(record, field), as: UTF8.self) }

    func location<Record: RecordFields>(_ record: Record, _ field: RealisationColumn) -> SourceLocation {
        record.location(column[field.rawValue], file: file)
    }

    /// The number in `field`'s cell; nil for a blank cell or one that is not a number (then a
    /// problem). A method, not a function nested in `row`: one capturing the reader copied it
    /// (and retained its arrays) on every call, a quarter of the instructions of an ingest.
    func number<Record: RecordFields>(_ record: Record, _ field: RealisationColumn, _ problems: inout [Diagnostic]) -> Double? {
        let bytes = cell(record, field)
        guard !bytes.isEmpty else { return nil }
        if let value = format.parse(bytes: bytes) { return value }
        let text = String(decoding: bytes, as: UTF8.self)
        // Zero, not "not reported": `-` is how Excel's accounting format shows 0 (and saves it
        // to CSV), `nihil` the word reports use for none. Not reported is a blank cell.
        if text == "-" || text.lowercased() == "nihil" { return 0 }
        if format.overflows(text) {
            problems.append(.error(.numberTooLarge(field.name, text), at: location(record, field)))
            return nil
        }
        problems.append(.error(.notANumber(field.name, text, decimalCommaHint: !format.decimalComma && text.contains(",")), at: location(record, field)))
        return nil
    }
}
