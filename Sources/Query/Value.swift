import Catalogue

/// A value in a query result. `missing` is SQL's NULL: never zero, never equal to anything.
public enum Value: Hashable, Sendable {
    case missing
    case number(Double)
    case text(String)
    case period(Period)
    case bool(Bool)

    public var number: Double? { if case .number(let n) = self { return n } else { return nil } }
    public var isMissing: Bool { self == .missing }

    /// The value as a period, the one conversion every place that takes a period from a value
    /// uses (`set period $p`, `for $p`, `where period = 2026`): a period, text that reads as one,
    /// or a whole number that is a year. Never traps on a huge number.
    public var asPeriod: Period? {
        switch self {
        case .period(let p): return p
        case .text(let s): return Period(parsing: s)
        case .number(let n): return Period(parsing: numberLiteral(n))
        case .missing, .bool: return nil
        }
    }

    /// The value as text where a name is built from it (`"$out/under-80.csv"`).
    public var asText: String {
        switch self {
        case .text(let s): return s
        case .number(let n): return numberLiteral(n)
        case .period(let p): return p.description
        case .bool(let b): return b ? "true" : "false"
        case .missing: return ""
        }
    }
}

/// A number as it would be written in a query: whole numbers without a decimal point, others as
/// Swift prints them. Whole numbers beyond 2^53 keep Swift's form (`1e+20`): `Int(n)` would trap.
public func numberLiteral(_ n: Double) -> String {
    n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
}

/// Static types, known at plan time, so that errors are caught before any row is read and output
/// formats know how to print a column.
public enum ValueType: String, Sendable {
    case text, number, percent, period, boolean
    /// A unit of the organisation: text that compares by the unit matching rule.
    case unit

    var isNumeric: Bool { self == .number || self == .percent }
    var isTextual: Bool { self == .text || self == .unit }
}

/// A column of a result: its header, and its type for formatting.
public struct Column: Equatable, Sendable {
    public var name: String
    public var type: ValueType
    /// A column a terminal draws (`trend(x)`, `bar(x)`); files for programs keep its data.
    public var picture: Picture?
    public init(name: String, type: ValueType, picture: Picture? = nil) {
        self.name = name
        self.type = type
        self.picture = picture
    }
}

/// How a terminal draws a column: a sparkline from `trend`'s `;`-separated values (`-` missing),
/// or a bar of a percentage coloured by the band it falls in (bands' minimums, highest first).
public enum Picture: Equatable, Sendable {
    case trend
    case bar(bands: [Double])
    /// A reporting state's code (`not-computable`) shown as its words in the current language
    /// (`tidak dapat dihitung`); other text (a category) as it is.
    case state

    /// The words a screen shows for a state's code; nil for other text.
    public static func stateWords(_ value: Value) -> String? {
        guard case .text(let code) = value, let state = ReportState(rawValue: code) else { return nil }
        return state.message.text
    }
}

/// What a statement produces: columns and rows, plus warnings worth showing beside it.
public struct ResultSet: Sendable {
    public var columns: [Column]
    public var rows: [[Value]]
    public var warnings: [Diagnostic] = []
    /// The period the statement was evaluated for, shown under tables.
    public var period: Period?

    public init(columns: [Column], rows: [[Value]], warnings: [Diagnostic] = [], period: Period? = nil) {
        self.columns = columns
        self.rows = rows
        self.warnings = warnings
        self.period = period
    }
}

/// Compares two values for ordering: missing last, then numbers, periods, text (case-insensitive).
func orderedBefore(_ a: Value, _ b: Value) -> Bool? {
    switch (a, b) {
    case (.missing, .missing): return nil
    case (.missing, _): return false
    case (_, .missing): return true
    case (.number(let x), .number(let y)): return x == y ? nil : x < y
    case (.period(let x), .period(let y)): return x == y ? nil : x < y
    case (.bool(let x), .bool(let y)): return x == y ? nil : !x && y
    case (.text(let x), .text(let y)):
        let c = x.compare(y, options: [.caseInsensitive, .numeric])
        return c == .orderedSame ? nil : c == .orderedAscending
    default: return nil
    }
}

import Foundation
