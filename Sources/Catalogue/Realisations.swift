import Foundation

/// One row of a realisations/targets file: what was achieved (or planned) for one indicator in one
/// period. A nil value means *not reported*, which is not zero.
public struct Realisation: Sendable {
    public var indicator: Int
    public var period: Period
    public var value: Double?
    public var numerator: Double?
    public var denominator: Double?
    public var target: Double?
    public var note: String
    public var location: SourceLocation

    /// Whether the row reports a realisation (rather than only a target).
    public var isReported: Bool { value != nil || (numerator != nil && denominator != nil) }

    /// The row's realisation as a percentage (ratio) or number (count).
    public var percentageOrValue: Double? {
        if let value { return value }
        if let n = numerator, let d = denominator, d != 0 { return n / d * 100 }
        return nil
    }
}

/// How a row is kept: 48 bytes, no Strings, so millions of rows cost little memory and no
/// reference counting. An absent number is NaN (loaded numbers are always finite); the file and
/// the note live in the store's side tables. Rows of one indicator are chained through
/// `previous`, which fills what would be padding, instead of a list per indicator.
struct StoredRow {
    var indicator: Int32
    var period: UInt32
    var line: Int32
    /// The indicator's row loaded before this one; -1 for its first.
    var previous: Int32 = -1
    var value: Double
    var numerator: Double
    var denominator: Double
    var target: Double

    var isReported: Bool { !value.isNaN || (!numerator.isNaN && !denominator.isNaN) }
    var hasTarget: Bool { !target.isNaN }

    var percentageOrValue: Double? {
        if !value.isNaN { return value }
        if !numerator.isNaN, !denominator.isNaN, denominator != 0 { return numerator / denominator * 100 }
        return nil
    }
}

private func optional(_ x: Double) -> Double? { x.isNaN ? nil : x }

/// How numbers are written in a file. `decimalComma` is Excel in Indonesian locale: `;` between
/// cells, `87,5` and `1.250,5`. It is never guessed.
public struct NumberFormat: Sendable, Equatable {
    public var decimalComma: Bool
    public init(decimalComma: Bool = false) { self.decimalComma = decimalComma }
    public var delimiter: UInt8 { decimalComma ? UInt8(ascii: ";") : UInt8(ascii: ",") }

    private static let powersOfTen: [Double] = (0...15).map { k in (0..<k).reduce(1.0) { x, _ in x * 10 } }

    /// The same as `parse(_:)` on a trimmed, non-empty cell's bytes. Most cells of a big file
    /// are plain decimals of at most 15 digits; their digits make an exact integer and 10^k is
    /// exact, so one division gives the correctly rounded value, as `Double(String)` does.
    public func parse(bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var mantissa: UInt64 = 0
        var digits = 0, fraction = 0
        var dot = false
        for b in bytes {
            let d = b &- 0x30
            if d <= 9 {
                mantissa = mantissa &* 10 &+ UInt64(d)
                digits += 1
                if dot { fraction += 1 }
            } else if b == 0x2E, !decimalComma, !dot, digits > 0 {
                dot = true
            } else {
                return parse(String(decoding: bytes, as: UTF8.self))
            }
        }
        guard digits > 0, digits <= 15, !dot || fraction > 0 else { return parse(String(decoding: bytes, as: UTF8.self)) }
        return Double(mantissa) / Self.powersOfTen[fraction]
    }

    /// Parses "87.5", "87.5%", "1250"; with decimal comma "87,5" and "1.250,5".
    public func parse(_ raw: String) -> Double? {
        var s = Text.trim(raw)
        if s.hasSuffix("%") { s = String(s.dropLast()).trimmingCharacters(in: .whitespaces) }
        guard !s.isEmpty else { return nil }
        if decimalComma {
            let parts = s.split(separator: ",", omittingEmptySubsequences: false)
            guard parts.count <= 2 else { return nil }
            let groups = parts[0].split(separator: ".", omittingEmptySubsequences: false)
            if groups.count > 1 {
                guard groups.dropFirst().allSatisfy({ $0.count == 3 }), !groups[0].isEmpty else { return nil }
            }
            s = groups.joined() + (parts.count == 2 ? "." + parts[1] : "")
        } else if s.contains(",") {
            return nil
        }
        guard s.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E") }),
              let value = Double(s), value.isFinite else { return nil }
        return value
    }
}

/// The loaded rows, as `Realisation` values (made on access from the compact storage).
public struct RealisationRows: RandomAccessCollection, Sendable {
    let store: RealisationStore
    public var startIndex: Int { 0 }
    public var endIndex: Int { store.stored.count }
    public subscript(i: Int) -> Realisation { store.realisation(i) }
}

/// All loaded rows, indexed by indicator, with per-indicator settings declared in the files.
public struct RealisationStore: Sendable {
    var stored: [StoredRow] = []
    /// Per indicator, its last row (-1 for none) and how many rows it has.
    var lastRow: [Int32]
    var rowCount: [Int32]
    /// The files rows came from, and the first row of each (rows are appended file by file).
    var files: [String] = []
    var fileStarts: [Int] = []
    /// Notes, kept by row only where given; the same text (a file's "target in percent" on
    /// every row) is kept once.
    var notes: [Int32: Int32] = [:]
    var noteTexts: [String] = []
    var noteNumbers: [String: Int32] = [:]
    var declared: [Int: [String: (String, SourceLocation)]] = [:]

    public init(indicatorCount: Int) {
        lastRow = Array(repeating: -1, count: indicatorCount)
        rowCount = Array(repeating: 0, count: indicatorCount)
    }

    /// The indicator's row for exactly `period` (packed); a store has at most one.
    func firstRow(of index: Int, period: UInt32) -> Int? {
        var row = lastRow[index]
        while row >= 0 {
            if stored[Int(row)].period == period { return Int(row) }
            row = stored[Int(row)].previous
        }
        return nil
    }

    /// The rows of indicator `index`, as row indices in file order.
    public func rowIndices(of index: Int) -> [Int32] { withRowIndices(of: index) { Array($0) } }

    /// Calls `body` with the indicator's row indices in file order, without allocating.
    func withRowIndices<R>(of index: Int, _ body: (UnsafeBufferPointer<Int32>) -> R) -> R {
        let count = Int(rowCount[index])
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: count) { buffer in
            var row = lastRow[index]
            for k in stride(from: count - 1, through: 0, by: -1) {
                buffer[k] = row
                row = stored[Int(row)].previous
            }
            return body(UnsafeBufferPointer(buffer))
        }
    }

    public var rows: RealisationRows { RealisationRows(store: self) }

    /// Room for about `rows` rows, so a big load does not copy its rows as the array grows (and
    /// hold old and new at once). Pages never written stay unused, so a generous guess is cheap.
    public mutating func reserveCapacity(rows: Int) {
        stored.reserveCapacity(stored.count + rows)
    }

    func realisation(_ i: Int) -> Realisation {
        let row = stored[i]
        // The last file whose first row is at or before i.
        var low = 0, high = fileStarts.count
        while high - low > 1 {
            let mid = (low + high) / 2
            if fileStarts[mid] <= i { low = mid } else { high = mid }
        }
        return Realisation(indicator: Int(row.indicator), period: Period(packed: row.period), value: optional(row.value),
                           numerator: optional(row.numerator), denominator: optional(row.denominator), target: optional(row.target),
                           note: notes[Int32(i)].map { noteTexts[Int($0)] } ?? "", location: SourceLocation(file: files[low], line: Int(row.line)))
    }

    /// The rows of indicator `index`, in file order.
    public func rows(of index: Int) -> [Realisation] { rowIndices(of: index).map { realisation(Int($0)) } }

    /// Each row's indicator and period, and whether it reports or gives a target: for listings
    /// that need no numbers, without making `Realisation` values.
    public func forEachRow(_ body: (_ indicator: Int, _ period: Period, _ isReported: Bool, _ hasTarget: Bool) -> Void) {
        for row in stored { body(Int(row.indicator), Period(packed: row.period), row.isReported, row.hasTarget) }
    }

    /// Periods that have at least one reported row, ascending.
    public var reportedPeriods: [Period] {
        Set(stored.lazy.filter(\.isReported).map(\.period)).map(Period.init(packed:)).sorted()
    }

    /// The latest month (or other period) that has realisations: the default period of queries.
    /// Of periods ending in the same month, the shortest (the month rather than its quarter).
    public var latestPeriod: Period? { latestReported }

    /// Kept as rows load, so statements do not scan every row for their default period.
    private var latestReported: Period?

    private mutating func noteReported(_ period: Period) {
        let key = { (p: Period) in (p.year, p.lastMonth, -p.months) }
        if latestReported.map({ key($0) < key(period) }) ?? true { latestReported = period }
    }

    /// Loads one CSV file into the store, declaring settings on the catalogue's indicators.
    /// Returns every problem; rows with errors are not loaded, everything else is.
    public mutating func load(path: String, catalogue: inout Catalogue, format: NumberFormat = NumberFormat()) -> [Diagnostic] {
        do {
            return try CSVReader.withContents(ofFile: path) { bytes throws(Diagnostic) in
                try load(bytes: bytes, file: path, catalogue: &catalogue, format: format)
            }
        } catch {
            return [error]
        }
    }

    /// Loads CSV text as file `file` (tests, and text already in memory).
    public mutating func load(text: String, file: String, catalogue: inout Catalogue, format: NumberFormat = NumberFormat()) -> [Diagnostic] {
        var text = text
        let result = text.withUTF8 { bytes in
            Result { () throws(Diagnostic) in try load(bytes: bytes, file: file, catalogue: &catalogue, format: format) }
        }
        switch result {
        case .success(let diagnostics): return diagnostics
        case .failure(let error): return [error]
        }
    }

    /// A file that is not valid CSV loads nothing: its rows are taken back and only the syntax
    /// error is reported, as if it had been found before the first row.
    mutating func load(bytes: UnsafeBufferPointer<UInt8>, file: String, catalogue: inout Catalogue, format: NumberFormat) throws(Diagnostic) -> [Diagnostic] {
        let before = (rows: stored.count, latest: latestReported)
        var loader = FileLoader(file: file, format: format, codeIndex: catalogue.codeIndex)
        files.append(file)
        fileStarts.append(stored.count)
        do {
            try loader.read(bytes, into: &self, indicators: catalogue.indicators)
        } catch {
            for i in stride(from: stored.count - 1, through: before.rows, by: -1) {
                let indicator = Int(stored[i].indicator)
                lastRow[indicator] = stored[i].previous
                rowCount[indicator] -= 1
                notes[Int32(i)] = nil
            }
            stored.removeLast(stored.count - before.rows)
            files.removeLast()
            fileStarts.removeLast()
            latestReported = before.latest
            for (index, name) in loader.firstDeclarations { declared[index]?[name] = nil }
            throw error
        }
        // Settings reach the catalogue only once the whole file has been read.
        for (index, polarity) in loader.polarities { catalogue.indicators[index].polarity = polarity }
        for (index, consolidation) in loader.consolidations { catalogue.indicators[index].consolidation = consolidation }
        return loader.diagnostics
    }

    fileprivate mutating func append(_ row: StoredRow, note: String?) {
        if let note, !note.isEmpty {
            let number = noteNumbers[note] ?? Int32(noteTexts.count)
            if number == noteTexts.count {
                noteTexts.append(note)
                noteNumbers[note] = number
            }
            notes[Int32(stored.count)] = number
        }
        var row = row
        let indicator = Int(row.indicator)
        row.previous = lastRow[indicator]
        lastRow[indicator] = Int32(stored.count)
        rowCount[indicator] += 1
        stored.append(row)
        if row.isReported { noteReported(Period(packed: row.period)) }
    }
}

/// The column names a realisations file may have; others are ignored.
private enum Field: Int, CaseIterable {
    case code, period, value, numerator, denominator, target, note, polarity, consolidation
    static let names = ["code", "period", "value", "numerator", "denominator", "target", "note", "polarity", "consolidation"]
    var name: String { Field.names[rawValue] }
}

/// Reads the records of one realisations file: the header finds the columns, every other record
/// becomes a row or a diagnostic.
private struct FileLoader {
    let file: String
    let format: NumberFormat
    var column: [Int?] = []
    var isHeader = true
    var failed = false
    var diagnostics: [Diagnostic] = []
    var polarities: [Int: Polarity] = [:]
    var consolidations: [Int: Consolidation] = [:]
    /// Declarations this file made first, to take back if the file turns out not to be CSV.
    var firstDeclarations: [(Int, String)] = []
    /// The previous row's code and indicator: rows of one indicator usually come together, so
    /// most rows need no lookup.
    var lastCode: [UInt8] = []
    var lastIndicator = -1
    var codeIndex: [String: Int]

    init(file: String, format: NumberFormat, codeIndex: [String: Int]) {
        self.file = file
        self.format = format
        self.codeIndex = codeIndex
    }

    /// The indicators are borrowed for the read, not kept: the catalogue changes afterwards.
    mutating func read(_ bytes: UnsafeBufferPointer<UInt8>, into store: inout RealisationStore, indicators: [Indicator]) throws(Diagnostic) {
        try CSVReader.forEachRecord(in: bytes, file: file, delimiter: format.delimiter) { (record: CSVFields) throws(Diagnostic) in
            if isHeader {
                isHeader = false
                header(record)
            } else if !failed {
                row(record, into: &store, indicators: indicators)
            }
        }
    }

    mutating func header(_ record: CSVFields) {
        var found: [String: Int] = [:]
        for i in 0..<record.count {
            let key = Text.trim(record.string(i)).lowercased()
            if found[key] == nil { found[key] = i }
        }
        column = Field.allCases.map { found[$0.name] }
        for required in [Field.code, .period] where column[required.rawValue] == nil {
            var notes: [String] = []
            if !format.decimalComma, record.count == 1, record.string(0).contains(";") {
                notes.append("the header is separated by ';': for files from Excel in Indonesian locale use --decimal-comma")
            }
            diagnostics.append(.error("no '\(required.name)' column; the header must name code, period and value/numerator/denominator/target (any order)",
                                      at: SourceLocation(file: file, line: 1), notes: notes))
            failed = true
        }
    }

    /// The trimmed bytes of a field; empty when the column or the cell is absent.
    func cell(_ record: CSVFields, _ field: Field) -> UnsafeBufferPointer<UInt8> {
        guard let i = column[field.rawValue], i < record.count else { return UnsafeBufferPointer(start: nil, count: 0) }
        let bytes = record[i]
        var start = 0, end = bytes.count
        while start < end, Text.isSpace(bytes[start]) { start += 1 }
        while end > start, Text.isSpace(bytes[end - 1]) { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    func text(_ record: CSVFields, _ field: Field) -> String { String(decoding: cell(record, field), as: UTF8.self) }

    func location(_ record: CSVFields, _ field: Field) -> SourceLocation {
        guard let i = column[field.rawValue], i < record.columns.count else { return SourceLocation(file: file, line: record.line) }
        return SourceLocation(file: file, line: record.line, column: record.columns[i])
    }

    mutating func indicator(_ record: CSVFields, indicators: [Indicator]) -> Int? {
        let code = cell(record, .code)
        if lastIndicator >= 0, code.count == lastCode.count,
           code.isEmpty || lastCode.withUnsafeBufferPointer({ memcmp($0.baseAddress!, code.baseAddress!, code.count) == 0 }) {
            return lastIndicator
        }
        let text = String(decoding: code, as: UTF8.self)
        guard let index = codeIndex[text] ?? codeIndex[text.uppercased()] else {
            let near = Nearest.names(to: text, in: indicators.map(\.code), limit: 3, always: true)
            diagnostics.append(.error(text.isEmpty ? "row has no code" : "unknown indicator code '\(text)'", at: location(record, .code),
                                      notes: near.isEmpty ? [] : ["nearest: " + near.joined(separator: ", ")]))
            return nil
        }
        lastCode = Array(code)
        lastIndicator = index
        return index
    }

    mutating func row(_ record: CSVFields, into store: inout RealisationStore, indicators: [Indicator]) {
        if (0..<record.count).allSatisfy({ record[$0].allSatisfy(Text.isSpace) }) { return }
        guard let indicatorIndex = indicator(record, indicators: indicators) else { return }
        let periodBytes = cell(record, .period)
        guard let period = Period.common(bytes: periodBytes) ?? Period(parsing: String(decoding: periodBytes, as: UTF8.self)) else {
            let periodText = text(record, .period)
            diagnostics.append(.error(periodText.isEmpty ? "row has no period" : "malformed period '\(periodText)'", at: location(record, .period),
                                      notes: ["periods are written " + Period.acceptedForms]))
            return
        }
        var problems: [Diagnostic] = []
        func number(_ field: Field) -> Double? {
            let bytes = cell(record, field)
            guard !bytes.isEmpty else { return nil }
            if let value = format.parse(bytes: bytes) { return value }
            let text = String(decoding: bytes, as: UTF8.self)
            var hint = ""
            if !format.decimalComma && text.contains(",") { hint = "; for decimal commas (87,5) use --decimal-comma" }
            problems.append(.error("\(field.name) '\(text)' is not a number\(hint)", at: location(record, field)))
            return nil
        }
        let value = number(.value), numerator = number(.numerator), denominator = number(.denominator), target = number(.target)
        // Read in place: copying the Indicator would retain all its Strings, on every row.
        let kind = indicators[indicatorIndex].kind
        func code() -> String { indicators[indicatorIndex].code }
        if kind == .count && (numerator != nil || denominator != nil) {
            problems.append(.error("\(code()) is a count: give its realisation in 'value', not numerator/denominator",
                                   at: location(record, numerator != nil ? .numerator : .denominator)))
        }
        if (numerator == nil) != (denominator == nil) && kind == .ratio && problems.isEmpty {
            problems.append(.error("give both numerator and denominator, or neither", at: location(record, numerator == nil ? .numerator : .denominator)))
        }
        if let d = denominator, d < 0 {
            problems.append(.error("denominator is negative", at: location(record, .denominator)))
        }
        if let v = value, let n = numerator, let d = denominator, d != 0, abs(n / d * 100 - v) > 0.05 {
            problems.append(.error("value \(v) disagrees with numerator/denominator = \(String(format: "%.2f", n / d * 100))%", at: location(record, .value)))
        }
        if column[Field.polarity.rawValue] != nil || column[Field.consolidation.rawValue] != nil {
            declare(record, indicatorIndex, code(), into: &store, problems: &problems)
        }
        let packed = period.packed
        if problems.isEmpty, let first = store.firstRow(of: indicatorIndex, period: packed) {
            let at = store.realisation(first).location
            problems.append(.error("second row for \(code()) in \(period); the first is at \(at.file):\(at.line)", at: location(record, .period)))
        }
        guard problems.isEmpty else {
            diagnostics += problems
            return
        }
        store.append(StoredRow(indicator: Int32(indicatorIndex), period: packed, line: Int32(record.line),
                               value: value ?? .nan, numerator: numerator ?? .nan, denominator: denominator ?? .nan, target: target ?? .nan),
                     note: column[Field.note.rawValue] == nil ? nil : text(record, .note))
    }

    /// Settings an indicator declares: the same in every row that gives them.
    mutating func declare(_ record: CSVFields, _ index: Int, _ code: String, into store: inout RealisationStore, problems: inout [Diagnostic]) {
        for field in [Field.polarity, .consolidation] where column[field.rawValue] != nil {
            let name = field.name
            let text = text(record, field).lowercased()
            guard !text.isEmpty else { continue }
            let polarity = Polarity(rawValue: text), consolidation = Consolidation(rawValue: text)
            guard field == .polarity ? polarity != nil : consolidation != nil else {
                let options = field == .polarity ? Polarity.allCases.map(\.rawValue) : Consolidation.allCases.map(\.rawValue)
                problems.append(.error("\(name) '\(text)' is not one of \(options.joined(separator: ", "))", at: location(record, field)))
                continue
            }
            if let (earlier, at) = store.declared[index]?[name], earlier != text {
                problems.append(.error("\(name) of \(code) was declared '\(earlier)' at \(at.file):\(at.line)", at: location(record, field)))
                continue
            }
            // The first declaration is the one later conflicts point at.
            if store.declared[index]?[name] == nil {
                store.declared[index, default: [:]][name] = (text, location(record, field))
                firstDeclarations.append((index, name))
            }
            if let polarity { polarities[index] = polarity }
            if let consolidation { consolidations[index] = consolidation }
        }
    }
}
