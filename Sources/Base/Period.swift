/// A reporting period: a month, quarter (triwulan), semester or year.
///
/// Written `2026-10`, `2026-Q3`, `2026-S1`, `2026`; also read as `TW3 2026`, `Triwulan III 2026`,
/// `Semester I 2026` and `Oktober 2026`, the ways Indonesian reports write them.
public struct Period: Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Granularity: Int, Sendable, Comparable, CaseIterable {
        case month = 1, quarter = 3, semester = 6, year = 12
        public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
        public var name: String {
            switch self {
            case .month: return "month"
            case .quarter: return "quarter"
            case .semester: return "semester"
            case .year: return "year"
            }
        }
    }

    public var year: Int
    public var granularity: Granularity
    /// 1-based: month 1...12, quarter 1...4, semester 1...2; 1 for a year. For a range, its last month.
    public var index: Int
    /// A range of months of one year (`2026-01 to 2026-10`, year to date): its first month; nil
    /// for a calendar period. A range that is a calendar period is made that period (`range`).
    public private(set) var rangeStart: Int?

    public init(year: Int, granularity: Granularity, index: Int = 1) {
        self.year = year
        self.granularity = granularity
        self.index = index
    }

    public static func month(_ year: Int, _ month: Int) -> Period { Period(year: year, granularity: .month, index: month) }
    public static func year(_ year: Int) -> Period { Period(year: year, granularity: .year) }

    /// The months `first`...`last` of `year` (1 <= first <= last <= 12) as one period: the
    /// calendar period when they make one (January to March is 2026-Q1), else a range.
    public static func range(_ year: Int, from first: Int, to last: Int) -> Period {
        let length = last - first + 1
        for g in Granularity.allCases where g.rawValue == length && (first - 1) % length == 0 {
            return Period(year: year, granularity: g, index: (first - 1) / length + 1)
        }
        var p = Period(year: year, granularity: .month, index: last)
        p.rangeStart = first
        return p
    }

    public var isRange: Bool { rangeStart != nil }

    /// January of the year up to this period's last month: "s.d. bulan ini" (`for s.d. 2026-10`).
    public var yearToDate: Period { .range(year, from: 1, to: lastMonth) }

    /// First and last month (1...12) of the year this period covers.
    public var firstMonth: Int { rangeStart ?? (index - 1) * granularity.rawValue + 1 }
    public var lastMonth: Int { rangeStart == nil ? index * granularity.rawValue : index }
    /// How many months the period spans.
    public var months: Int { lastMonth - firstMonth + 1 }

    public func contains(_ other: Period) -> Bool {
        other.year == year && other.firstMonth >= firstMonth && other.lastMonth <= lastMonth
    }

    /// The period of the same length just before this one (2026-01 -> 2025-12).
    public var previous: Period {
        if let start = rangeStart {
            // A range's previous is the same range a month shorter (January to September before
            // January to October), as a recap compares "s.d. bulan ini" with "s.d. bulan lalu".
            return .range(year, from: start, to: index - 1)
        }
        if index > 1 { return Period(year: year, granularity: granularity, index: index - 1) }
        return Period(year: year - 1, granularity: granularity, index: 12 / granularity.rawValue)
    }

    /// Ordered by end, then the shorter first, so a quarter sorts after its months and before the next.
    public static func < (a: Period, b: Period) -> Bool {
        (a.year, a.lastMonth, a.months) < (b.year, b.lastMonth, b.months)
    }

    public var description: String {
        if let start = rangeStart { return "\(Period.month(year, start)) to \(Period.month(year, index))" }
        switch granularity {
        case .month: return "\(year)-" + (index < 10 ? "0" : "") + "\(index)"
        case .quarter: return "\(year)-Q\(index)"
        case .semester: return "\(year)-S\(index)"
        case .year: return "\(year)"
        }
    }

    static let monthNames = ["januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus",
                             "september", "oktober", "november", "desember"]
    static let englishMonths = ["january", "february", "march", "april", "may", "june", "july", "august",
                                "september", "october", "november", "december"]

    /// The forms `Period(parsing:)` accepts, for error messages.
    public static let acceptedForms = "2026-10, 2026-Q3, TW3 2026, Triwulan III 2026, 2026-S1, Semester I 2026, Oktober 2026, 2026"

    /// The period in 32 bits (year, granularity, index), for compact rows.
    package var packed: UInt32 { UInt32(truncatingIfNeeded: year) << 8 | UInt32(granularity.rawValue) << 4 | UInt32(index) }

    package init(packed: UInt32) {
        self.init(year: Int(packed >> 8), granularity: Granularity(rawValue: Int(packed >> 4 & 0xF))!, index: Int(packed & 0xF))
    }

    /// The common forms of big files, `2026-10` and `2026`, read from their bytes; nil for any
    /// other form (which `init(parsing:)` reads).
    package static func common(bytes b: UnsafeBufferPointer<UInt8>) -> Period? {
        guard b.count == 7 && b[4] == 0x2D || b.count == 4 else { return nil }
        var year = 0
        for k in 0..<4 {
            let d = b[k] &- 0x30
            guard d <= 9 else { return nil }
            year = year * 10 + Int(d)
        }
        guard (1900...2999).contains(year) else { return nil }
        if b.count == 4 { return .year(year) }
        let tens = b[5] &- 0x30, ones = b[6] &- 0x30
        guard tens <= 9, ones <= 9 else { return nil }
        let month = Int(tens) * 10 + Int(ones)
        guard (1...12).contains(month) else { return nil }
        return Period(year: year, granularity: .month, index: month)
    }

    /// The words that join the two ends of a range: `2026-01 to 2026-10`, `sampai`, `s.d.`.
    public static let rangeWords = ["to", "sampai", "s.d.", "s.d", "sd", "hingga"]

    /// `A to B` (or `sampai`, `s.d.`) of one year, B not before A; nil otherwise. Only queries
    /// say ranges: a row of a file is for one calendar period (`init(parsing:)`).
    public init?(parsingRange text: String) {
        let words = text.split(whereSeparator: { $0.isWhitespace })
        guard let k = words.firstIndex(where: { Period.rangeWords.contains($0.lowercased()) }),
              let a = Period(parsing: words[..<k].joined(separator: " ")),
              let b = Period(parsing: words[(k + 1)...].joined(separator: " ")),
              a.year == b.year, a.firstMonth <= b.lastMonth else { return nil }
        self = .range(a.year, from: a.firstMonth, to: b.lastMonth)
    }

    public init?(parsing raw: String) {
        var raw = raw
        if let p = raw.withUTF8(Period.common(bytes:)) {
            self = p
            return
        }
        let text = raw.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").lowercased()
        guard !text.isEmpty else { return nil }
        func number(_ s: Substring) -> Int? { s.allSatisfy(\.isNumber) && !s.isEmpty && s.count <= 4 ? Int(s) : nil }
        func roman(_ s: Substring) -> Int? { ["i": 1, "ii": 2, "iii": 3, "iv": 4][String(s)] ?? number(s) }
        func validYear(_ y: Int?) -> Int? { y.flatMap { (1900...2999).contains($0) ? $0 : nil } }

        if let p = Period.asExcelWritesIt(text) {
            self = p
            return
        }
        // 2026, 2026-10, 2026-Q3, 2026-S1
        let dashed = text.split(separator: "-", omittingEmptySubsequences: false)
        if dashed.count == 1, text.count == 4, let y = validYear(number(Substring(text))) {
            self.init(year: y, granularity: .year); return
        }
        if dashed.count == 2, dashed[0].count == 4, let y = validYear(number(dashed[0])) {
            let rest = dashed[1]
            if let m = number(rest), rest.count <= 2, (1...12).contains(m) { self.init(year: y, granularity: .month, index: m); return }
            if rest.first == "q", let q = number(rest.dropFirst()), (1...4).contains(q) { self.init(year: y, granularity: .quarter, index: q); return }
            if rest.first == "s", let s = number(rest.dropFirst()), (1...2).contains(s) { self.init(year: y, granularity: .semester, index: s); return }
            return nil
        }
        // TW3 2026, TW 3 2026, Triwulan III 2026, Semester I 2026, Oktober 2026
        var words = text.split(separator: " ")
        guard words.count >= 2, let y = validYear(number(words.removeLast())) else { return nil }
        if words.count == 1, let m = Period.monthNumber(words[0]) {
            self.init(year: y, granularity: .month, index: m); return
        }
        var head = words.joined(separator: " ")
        var granularity: Granularity?
        for (prefix, g) in [("triwulan", Granularity.quarter), ("tw", .quarter), ("semester", .semester), ("q", .quarter), ("s", .semester)] where head.hasPrefix(prefix) {
            granularity = g
            head = String(head.dropFirst(prefix.count)).trimmingCharacters(in: [" ", "-", "."])
            break
        }
        guard let granularity, let n = roman(Substring(head)) else { return nil }
        guard n >= 1, n <= 12 / granularity.rawValue else { return nil }
        self.init(year: y, granularity: granularity, index: n)
    }
}

// Excel turns a `2026-11` it opens into a date and writes the date back in the cell's display
// format; offices also write the official old spellings (`Nopember`, `Pebruari`).
extension Period {
    /// Month names and the abbreviations Excel and offices write, Indonesian and English, to 1...12.
    static let monthWords: [String: Int] = {
        var words: [String: Int] = [:]
        for (i, name) in monthNames.enumerated() { words[name] = i + 1; words[String(name.prefix(3))] = i + 1 }
        for (i, name) in englishMonths.enumerated() { words[name] = i + 1; words[String(name.prefix(3))] = i + 1 }
        for (word, month) in [("pebruari", 2), ("peb", 2), ("agt", 8), ("agus", 8), ("sept", 9), ("nopember", 11), ("nop", 11)] {
            words[word] = month
        }
        return words
    }()

    static func monthNumber(_ word: Substring) -> Int? { monthWords[String(word).trimmingCharacters(in: ["."])] }

    /// `Nov-26`, `Nov-2026`, `Nov 2026`, `Nop 2026` (through the month words); a date whose day
    /// is the 1st: `2026-11-01`, `01/11/2026`, `11/1/2026`, `1.11.2026`. A date names its month
    /// only on the 1st (what Excel makes of `2026-11`), and then day and month cannot be
    /// confused: the one that is not 1 is the month (both 1 is January).
    static func asExcelWritesIt(_ text: String) -> Period? {
        func year(_ s: Substring) -> Int? {
            guard s.allSatisfy(\.isASCII), s.allSatisfy(\.isNumber), let n = Int(s) else { return nil }
            if s.count == 2 { return 2000 + n }
            return s.count == 4 && (1900...2999).contains(n) ? n : nil
        }
        func number(_ s: Substring) -> Int? { s.count <= 2 && s.allSatisfy { $0.isASCII && $0.isNumber } ? Int(s) : nil }
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." || $0 == " " }).map { $0 }
        if parts.count == 2, let m = monthNumber(parts[0]), let y = year(parts[1]) { return .month(y, m) }
        guard parts.count == 3 else { return nil }
        if parts[0].count == 4, let y = year(parts[0]), let m = number(parts[1]), number(parts[2]) == 1, (1...12).contains(m) {
            return .month(y, m)
        }
        guard let y = year(parts[2]), let a = number(parts[0]), let b = number(parts[1]) else { return nil }
        if a == 1, (1...12).contains(b) { return .month(y, b) }
        if b == 1, (1...12).contains(a) { return .month(y, a) }
        return nil
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
        String(drop(while: { set.contains($0) }).reversed().drop(while: { set.contains($0) }).reversed())
    }
}
