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
        guard let value = unbounded(s), value.isFinite else { return nil }
        return value
    }

    /// True when `raw` is written as a number but is beyond a Double (`1e999`): an error of its
    /// own, so it is not reported as "not a number".
    public func overflows(_ raw: String) -> Bool {
        var s = Text.trim(raw)
        if s.hasSuffix("%") { s = String(s.dropLast()).trimmingCharacters(in: .whitespaces) }
        return unbounded(s).map { !$0.isFinite } ?? false
    }

    private func unbounded(_ text: String) -> Double? {
        var s = text
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
        guard s.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E") }) else { return nil }
        return Double(s)
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
    var stored = MappedArray<StoredRow>()
    /// The rows' numbers, only those present (see `StoredRow`); both read in place from a snapshot.
    var numbers = MappedArray<Double>()
    /// Per indicator, its last row (-1 for none) and how many rows it has.
    var lastRow: [Int32]
    var rowCount: [Int32]
    /// The files rows came from, and the first row of each (rows are appended file by file).
    var files: [String] = []
    var fileStarts: [Int] = []
    /// The workbook sheet of each entry of `files`, nil for CSV.
    var sheets: [String?] = []
    /// Notes, kept by row only where given; the same text (a file's "target in percent" on
    /// every row) is kept once.
    var notes: [Int32: Int32] = [:]
    /// Range targets: the upper bound by stored row (its `target` is the lower bound).
    var targetUppers: [Int32: Double] = [:]
    var noteTexts: [String] = []
    var noteNumbers: [String: Int32] = [:]
    var declared = DeclaredSettings()
    /// For an indicator with more than `indexedFrom` rows: its rows per year (the packed
    /// period's year bits), in file order. A period's rows all lie in its year, so evaluating it
    /// or checking a row for a duplicate reads one year (at most 19 periods) instead of every
    /// row: one indicator with 20,900 periods took 13.5 s per `show realisations`.
    var byYear: [Int32: [UInt32: [Int32]]] = [:]
    static let indexedFrom = 64

    public init(indicatorCount: Int) {
        lastRow = Array(repeating: -1, count: indicatorCount)
        rowCount = Array(repeating: 0, count: indicatorCount)
    }

    /// The indicator's row for exactly `period` (packed); a store has at most one.
    func firstRow(of index: Int, period: UInt32) -> Int? {
        if let years = byYear[Int32(index)] {
            return years[period >> 8]?.first { stored[Int($0)].period == period }.map(Int.init)
        }
        var row = lastRow[index]
        while row >= 0 {
            if stored[Int(row)].period == period { return Int(row) }
            row = stored[Int(row)].previous
        }
        return nil
    }

    /// The indicator's row for exactly `period`, if any.
    public func row(of index: Int, period: Period) -> Realisation? {
        firstRow(of: index, period: period.packed).map(realisation)
    }

    public var rows: RealisationRows { RealisationRows(store: self) }

    /// Room for about `rows` rows, so a big load does not copy its rows as the array grows (and
    /// hold old and new at once). Pages never written stay unused, so a generous guess is cheap.
    public mutating func reserveCapacity(rows: Int) {
        stored.reserveCapacity(stored.count + rows)
        numbers.reserveCapacity(numbers.count + 2 * rows)
    }

    func realisation(_ i: Int) -> Realisation {
        let row = stored[i]
        // The last file whose first row is at or before i.
        var low = 0, high = fileStarts.count
        while high - low > 1 {
            let mid = (low + high) / 2
            if fileStarts[mid] <= i { low = mid } else { high = mid }
        }
        return Realisation(indicator: Int(row.indicator), period: Period(packed: row.period), value: optional(row.number(StoredRow.value, in: numbers)),
                           numerator: optional(row.number(StoredRow.numerator, in: numbers)),
                           denominator: optional(row.number(StoredRow.denominator, in: numbers)),
                           target: optional(row.number(StoredRow.target, in: numbers)),
                           note: notes[Int32(i)].map { noteTexts[Int($0)] } ?? "",
                           location: SourceLocation(file: files[low], line: Int(row.line), place: sheets[low].map { "sheet \($0), row \(row.line)" }))
    }

    /// The rows of indicator `index`, in file order (its chain runs from the last).
    public func rows(of index: Int) -> [Realisation] {
        var rows: [Realisation] = []
        var row = lastRow[index]
        while row >= 0 {
            rows.append(realisation(Int(row)))
            row = stored[Int(row)].previous
        }
        return rows.reversed()
    }

    /// Each row's indicator and period, and whether it reports or gives a target: for listings
    /// that need no numbers, without making `Realisation` values.
    public func forEachRow(_ body: (_ indicator: Int, _ period: Period, _ isReported: Bool, _ hasTarget: Bool) -> Void) {
        for row in stored { body(Int(row.indicator), Period(packed: row.period), row.isReported, row.hasTarget) }
    }

    /// The latest month that has realisations: the default period of queries. A row for a longer
    /// period (a yearly row of `2026`) does not move it past the months reported; only when no
    /// month is reported at all is it the latest other period (of those ending in the same month,
    /// the shortest).
    public var latestPeriod: Period? { latestMonth ?? latestReported }

    /// Kept as rows load, so statements do not scan every row for their default period.
    /// (Internal, not private: a snapshot keeps them.)
    var latestReported: Period?
    var latestMonth: Period?

    private mutating func noteReported(_ period: Period) {
        let key = { (p: Period) in (p.year, p.lastMonth, -p.months) }
        if period.granularity == .month {
            if latestMonth.map({ $0 < period }) ?? true { latestMonth = period }
        } else if latestReported.map({ key($0) < key(period) }) ?? true {
            latestReported = period
        }
    }

    /// Loads one CSV file into the store, declaring settings on the catalogue's indicators.
    /// Returns every problem; rows with errors are not loaded, everything else is.
    public mutating func load(path: String, catalogue: inout Catalogue, format: NumberFormat = NumberFormat()) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var files = RealisationFile.read(path: path, catalogue: catalogue, format: format)
        for k in files.indices { diagnostics += add(&files[k], to: &catalogue) }
        return diagnostics
    }

    /// Loads CSV text as file `file` (tests, and text already in memory).
    public mutating func load(text: String, file: String, catalogue: inout Catalogue, format: NumberFormat = NumberFormat()) -> [Diagnostic] {
        var read = RealisationFile.read(text: text, file: file, catalogue: catalogue, format: format)
        return add(&read, to: &catalogue)
    }

    /// Adds a file's rows in file order: each row's declarations are checked against those
    /// already made, and a second row for an indicator and period is refused. A file that is not
    /// valid CSV adds nothing and reports only that.
    ///
    /// An empty store takes a (big) first file's rows and pool over instead of copying them, and
    /// moves the rows kept and their numbers to the front: the same store, the file not held twice.
    mutating func add(_ file: inout RealisationFile, to catalogue: inout Catalogue) -> [Diagnostic] {
        var settings = IndicatorSettings()
        defer { settings.apply(to: &catalogue) }
        return add(&file, reading: catalogue, settings: &settings)
    }

    /// As `add(_:to:)`, the catalogue only read: the settings the file declares are collected
    /// in `settings`, for the caller to set once the files are in.
    mutating func add(_ file: inout RealisationFile, reading catalogue: Catalogue, settings: inout IndicatorSettings) -> [Diagnostic] {
        if let failure = file.failure { return [failure] }
        // Rows are numbered in 32 bits: refuse a file that would pass that, rather than trap.
        guard stored.count + file.rows.count < Int(Int32.max), numbers.count + file.numbers.count <= Int(UInt32.max) else {
            return [.error(.tooManyRows, at: SourceLocation(file: file.name, line: 1))]
        }
        files.append(file.name)
        fileStarts.append(stored.count)
        sheets.append(file.sheet)
        let count = file.rows.count
        // Not into room reserved for many files: the file's arrays would grow, copying, as they came.
        if stored.isEmpty, numbers.isEmpty, count * 2 >= stored.capacity {
            stored.take(&file.rows)
            numbers.take(&file.numbers)
            adopted = (0, 0)
        }
        defer {
            if let (rows, pooled) = adopted {
                stored.removeSubrange(rows...)
                numbers.removeSubrange(pooled...)
            }
            adopted = nil
        }
        var diagnostics: [Diagnostic] = []
        var polarities: [Int: Polarity] = [:], consolidations: [Int: Consolidation] = [:]
        var refusal = 0, problem = 0, note = 0, setting = 0, range = 0
        for k in 0..<count {
            let row = adopted == nil ? file.rows[k] : stored[k]
            while refusal < file.refusals.count, file.refusals[refusal].before == k {
                diagnostics.append(file.refusals[refusal].1)
                refusal += 1
            }
            var problems: [Diagnostic] = []
            if problem < file.problems.count, file.problems[problem].row == k {
                problems = file.problems[problem].1
                problem += 1
            }
            let index = Int(row.indicator)
            if setting < file.settings.count, file.settings[setting].row == k {
                // Settings an indicator declares: the same in every row that gives them.
                for given in file.settings[setting].1 {
                    let name = given.field.name
                    guard given.field == .polarity ? Polarity(rawValue: given.text) != nil : Consolidation(rawValue: given.text) != nil else {
                        let options = given.field == .polarity ? Polarity.allCases.map(\.rawValue) : Consolidation.allCases.map(\.rawValue)
                        problems.append(.error(.notOneOf(name, given.text, options: options), at: given.location))
                        continue
                    }
                    if let earlier = declared[index, given.field], earlier.text != given.text {
                        problems.append(.error(.declaredDifferently(name, code: catalogue.indicators[index].code, earlier: earlier.text, at: earlier.location),
                                               at: given.location))
                        continue
                    }
                    // The first declaration is the one later conflicts point at.
                    declared.declare(index, given.field, text: given.text, at: given.location)
                    if given.field == .polarity { polarities[index] = Polarity(rawValue: given.text) }
                    if given.field == .consolidation { consolidations[index] = Consolidation(rawValue: given.text) }
                }
                setting += 1
            }
            if problems.isEmpty, let first = firstRow(of: index, period: row.period) {
                let at = realisation(first).location
                problems.append(.error(.secondRow(catalogue.indicators[index].code, Period(packed: row.period), first: at),
                                       at: SourceLocation(file: file.name, line: Int(row.line), column: Int(file.periodColumns[k]),
                                                          place: file.sheet.map { "sheet \($0), cell \(SpreadsheetText.columnName(Int(file.periodColumns[k]) - 1))\(row.line)" })))
            }
            var text: String?
            if note < file.notes.count, file.notes[note].row == k {
                text = file.notes[note].1
                note += 1
            }
            var upper: Double?
            if range < file.targetUppers.count, file.targetUppers[range].row == k {
                upper = file.targetUppers[range].1
                range += 1
            }
            if problems.isEmpty {
                if let upper { targetUppers[Int32(kept)] = upper }
                append(row, numbers: file.numbers, note: text)
            } else {
                diagnostics += problems
            }
        }
        for rest in file.refusals[refusal...] { diagnostics.append(rest.1) }
        // Settings reach the catalogue once the whole file has been read.
        settings.add(polarities, consolidations)
        return diagnostics
    }

    /// While a first file is taken over (`add`): its rows and numbers kept so far, at the front.
    private var adopted: (rows: Int, numbers: Int)?
    /// The number of rows kept: the next row's number.
    private var kept: Int { adopted?.rows ?? stored.count }

    /// Adds the last row to its indicator's index by year; the indicator's first row past
    /// `indexedFrom` indexes all its rows.
    private mutating func indexByYear(_ indicator: Int) {
        let key = Int32(indicator)
        let last = Int32(kept - 1)
        if byYear[key] != nil {
            byYear[key]![stored[Int(last)].period >> 8, default: []].append(last)
            return
        }
        var rows: [Int32] = []
        var row = last
        while row >= 0 {
            rows.append(row)
            row = stored[Int(row)].previous
        }
        var years: [UInt32: [Int32]] = [:]
        for row in rows.reversed() { years[stored[Int(row)].period >> 8, default: []].append(row) }
        byYear[key] = years
    }

    /// `pool` holds the row's numbers where its `firstNumber` says (the file's pool).
    fileprivate mutating func append(_ row: StoredRow, numbers pool: [Double], note: String?) {
        if let note, !note.isEmpty {
            let number = noteNumbers[note] ?? Int32(noteTexts.count)
            if number == noteTexts.count {
                noteTexts.append(note)
                noteNumbers[note] = number
            }
            notes[Int32(kept)] = number
        }
        let slot = kept
        var row = row
        let first = Int(row.firstNumber)
        if let (rows, pooled) = adopted {
            // The pool is in row order, so a kept row's numbers move down (or stay).
            for n in 0..<row.numberCount { numbers[pooled + n] = numbers[first + n] }
            row.firstNumber = UInt32(pooled)
            adopted = (rows + 1, pooled + row.numberCount)
        } else {
            row.firstNumber = UInt32(numbers.count)
            numbers.append(contentsOf: pool[first..<first + row.numberCount])
        }
        let indicator = Int(row.indicator)
        row.previous = lastRow[indicator]
        lastRow[indicator] = Int32(slot)
        rowCount[indicator] += 1
        // Only a row taken over has a slot inside the array.
        if slot < stored.count { stored[slot] = row } else { stored.append(row) }
        if rowCount[indicator] > Self.indexedFrom { indexByYear(indicator) }
        if row.isReported { noteReported(Period(packed: row.period)) }
    }
}

