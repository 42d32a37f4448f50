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

/// How numbers are written in a file. `decimalComma` is Excel in Indonesian locale: `;` between
/// cells, `87,5` and `1.250,5`. It is never guessed.
public struct NumberFormat: Sendable, Equatable {
    public var decimalComma: Bool
    public init(decimalComma: Bool = false) { self.decimalComma = decimalComma }
    public var delimiter: UInt8 { decimalComma ? UInt8(ascii: ";") : UInt8(ascii: ",") }

    /// Parses "87.5", "87.5%", "1250"; with decimal comma "87,5" and "1.250,5".
    public func parse(_ raw: String) -> Double? {
        // Plain numbers ("12", "87.5") straight to Double: most cells of a big file are these.
        if !raw.isEmpty, raw.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || (!decimalComma && $0 == 0x2E) }), raw.utf8.first != 0x2E {
            return Double(raw)
        }
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

/// All loaded rows, indexed by indicator, with per-indicator settings declared in the files.
public struct RealisationStore: Sendable {
    public private(set) var rows: [Realisation] = []
    /// Row indices per indicator index, in file order.
    public private(set) var byIndicator: [[Int]]
    /// The row already loaded for an indicator and period, to report a second one.
    var seen: [Key: Int] = [:]
    var declared: [Int: [String: (String, SourceLocation)]] = [:]

    struct Key: Hashable { var indicator: Int; var period: Period }

    public init(indicatorCount: Int) {
        byIndicator = Array(repeating: [], count: indicatorCount)
    }

    /// Periods that have at least one reported row, ascending.
    public var reportedPeriods: [Period] {
        Set(rows.lazy.filter(\.isReported).map(\.period)).sorted()
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
        let records: [CSVRecord]
        do {
            records = try CSVReader.read(path: path, delimiter: format.delimiter)
        } catch {
            return [error]
        }
        return load(records: records, file: path, catalogue: &catalogue, format: format)
    }

    public mutating func load(records: [CSVRecord], file: String, catalogue: inout Catalogue, format: NumberFormat = NumberFormat()) -> [Diagnostic] {
        let table = CSVTable(records: records, file: file)
        var diagnostics: [Diagnostic] = []
        guard !records.isEmpty else { return [] }
        for required in ["code", "period"] where !table.has(required) {
            var notes: [String] = []
            if !format.decimalComma, records[0].fields.count == 1, records[0].fields[0].contains(";") {
                notes.append("the header is separated by ';': for files from Excel in Indonesian locale use --decimal-comma")
            }
            diagnostics.append(.error("no '\(required)' column; the header must name code, period and value/numerator/denominator/target (any order)",
                                      at: SourceLocation(file: file, line: 1), notes: notes))
        }
        guard !diagnostics.hasErrors else { return diagnostics }

        // Columns found once, so the row loop does no lookups by name.
        let column = Dictionary(uniqueKeysWithValues: ["code", "period", "value", "numerator", "denominator", "target", "note", "polarity", "consolidation"]
            .map { ($0, table.header[$0]) })
        for row in table.rows {
            if row.fields.allSatisfy({ $0.utf8.allSatisfy(Text.isSpace) }) { continue }
            var problems: [Diagnostic] = []
            let code = table.cell(row, column["code"]!)
            guard let indicatorIndex = catalogue.codeIndex[code] ?? catalogue.codeIndex[code.uppercased()] else {
                let near = Nearest.names(to: code, in: catalogue.indicators.map(\.code), limit: 3, always: true)
                diagnostics.append(.error(code.isEmpty ? "row has no code" : "unknown indicator code '\(code)'", at: table.location(row, "code"),
                                          notes: near.isEmpty ? [] : ["nearest: " + near.joined(separator: ", ")]))
                continue
            }
            let indicator = catalogue.indicators[indicatorIndex]
            let periodText = table.cell(row, column["period"]!)
            guard let period = Period(parsing: periodText) else {
                diagnostics.append(.error(periodText.isEmpty ? "row has no period" : "malformed period '\(periodText)'", at: table.location(row, "period"),
                                          notes: ["periods are written " + Period.acceptedForms]))
                continue
            }
            func number(_ name: String) -> Double? {
                let text = table.cell(row, column[name]!)
                guard !text.isEmpty else { return nil }
                if let value = format.parse(text) { return value }
                var hint = ""
                if !format.decimalComma && text.contains(",") { hint = "; for decimal commas (87,5) use --decimal-comma" }
                problems.append(.error("\(name) '\(text)' is not a number\(hint)", at: table.location(row, name)))
                return nil
            }
            let value = number("value"), numerator = number("numerator"), denominator = number("denominator"), target = number("target")
            if indicator.kind == .count && (numerator != nil || denominator != nil) {
                problems.append(.error("\(indicator.code) is a count: give its realisation in 'value', not numerator/denominator",
                                       at: table.location(row, numerator != nil ? "numerator" : "denominator")))
            }
            if (numerator == nil) != (denominator == nil) && indicator.kind == .ratio && problems.isEmpty {
                problems.append(.error("give both numerator and denominator, or neither", at: table.location(row, numerator == nil ? "numerator" : "denominator")))
            }
            if let d = denominator, d < 0 {
                problems.append(.error("denominator is negative", at: table.location(row, "denominator")))
            }
            if let v = value, let n = numerator, let d = denominator, d != 0, abs(n / d * 100 - v) > 0.05 {
                problems.append(.error("value \(v) disagrees with numerator/denominator = \(String(format: "%.2f", n / d * 100))%", at: table.location(row, "value")))
            }
            // Settings an indicator declares: the same in every row that gives them.
            for setting in ["polarity", "consolidation"] where column[setting]! != nil {
                let column = setting
                let text = table.cell(row, column).lowercased()
                guard !text.isEmpty else { continue }
                let valid = column == "polarity" ? Polarity(rawValue: text) != nil : Consolidation(rawValue: text) != nil
                guard valid else {
                    let options = column == "polarity" ? Polarity.allCases.map(\.rawValue) : Consolidation.allCases.map(\.rawValue)
                    problems.append(.error("\(column) '\(text)' is not one of \(options.joined(separator: ", "))", at: table.location(row, column)))
                    continue
                }
                if let (earlier, at) = declared[indicatorIndex]?[column], earlier != text {
                    problems.append(.error("\(column) of \(indicator.code) was declared '\(earlier)' at \(at.file):\(at.line)", at: table.location(row, column)))
                    continue
                }
                // The first declaration is the one later conflicts point at.
                if declared[indicatorIndex]?[column] == nil {
                    declared[indicatorIndex, default: [:]][column] = (text, table.location(row, column))
                }
                if column == "polarity" { catalogue.indicators[indicatorIndex].polarity = Polarity(rawValue: text)! }
                else { catalogue.indicators[indicatorIndex].consolidation = Consolidation(rawValue: text)! }
            }
            let key = Key(indicator: indicatorIndex, period: period)
            if problems.isEmpty, let firstRow = seen[key] {
                let first = rows[firstRow].location
                problems.append(.error("second row for \(indicator.code) in \(period); the first is at \(first.file):\(first.line)", at: table.location(row, "period")))
            }
            guard problems.isEmpty else {
                diagnostics += problems
                continue
            }
            seen[key] = rows.count
            rows.append(Realisation(indicator: indicatorIndex, period: period, value: value, numerator: numerator,
                                    denominator: denominator, target: target, note: table.cell(row, column["note"]!),
                                    location: SourceLocation(file: file, line: row.line)))
            byIndicator[indicatorIndex].append(rows.count - 1)
            if rows[rows.count - 1].isReported { noteReported(period) }
        }
        return diagnostics
    }
}
