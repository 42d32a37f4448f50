/// How a row is kept: 24 bytes, no Strings, so millions of rows cost little memory and no
/// reference counting (1.77M rows: 42 MB, where four Doubles in every row took 99 MB). Its
/// numbers, only those present, lie in the store's pool (`numbers`) from `firstNumber` on, in
/// the order value, numerator, denominator, target; `present` says which (the masks below). The
/// file and the note live in the store's side tables. Rows of one indicator are chained through
/// `previous` instead of a list per indicator.
struct StoredRow {
    var indicator: Int32
    var period: UInt32
    /// The indicator's row loaded before this one; -1 for its first.
    var previous: Int32 = -1
    /// The line's low 32 bits and, in `lineHigh`, the next 16: a file may have more than 2^32
    /// lines (blank ones, cells over many lines), none 2^48.
    var lineLow: UInt32
    var firstNumber: UInt32
    var lineHigh: UInt16
    var present: UInt8

    static let value: UInt8 = 1, numerator: UInt8 = 2, denominator: UInt8 = 4, target: UInt8 = 8

    /// A row whose numbers start at `firstNumber` of its pool.
    init(indicator: Int32, period: UInt32, line: Int, firstNumber: UInt32, present: UInt8) {
        self.indicator = indicator
        self.period = period
        lineLow = UInt32(truncatingIfNeeded: line)
        lineHigh = UInt16(truncatingIfNeeded: line >> 32)
        self.firstNumber = firstNumber
        self.present = present
    }

    var line: Int { Int(lineHigh) << 32 | Int(lineLow) }
    /// How many numbers it has in the pool.
    var numberCount: Int { (present & 0xF).nonzeroBitCount }
    var isReported: Bool { present & Self.value != 0 || present & (Self.numerator | Self.denominator) == Self.numerator | Self.denominator }
    var hasTarget: Bool { present & Self.target != 0 }

    /// Its number `field` (one of the masks) in `pool`; NaN when absent.
    @inline(__always)
    func number(_ field: UInt8, in pool: UnsafeBufferPointer<Double>) -> Double {
        present & field == 0 ? .nan : pool[Int(firstNumber) + (present & (field &- 1)).nonzeroBitCount]
    }

    func number(_ field: UInt8, in pool: MappedArray<Double>) -> Double {
        present & field == 0 ? .nan : pool[Int(firstNumber) + (present & (field &- 1)).nonzeroBitCount]
    }
}

/// The store's rows with their pool, read through buffers taken once (the evaluation's loop).
struct StoredRows {
    let rows: UnsafeBufferPointer<StoredRow>
    let numbers: UnsafeBufferPointer<Double>

    subscript(i: Int) -> Row { Row(stored: rows[i], numbers: numbers) }

    /// A row and its numbers as the evaluation reads them (NaN for absent).
    struct Row {
        let stored: StoredRow
        let numbers: UnsafeBufferPointer<Double>
        var period: UInt32 { stored.period }
        var previous: Int32 { stored.previous }
        var isReported: Bool { stored.isReported }
        var hasTarget: Bool { stored.hasTarget }
        var value: Double { stored.number(StoredRow.value, in: numbers) }
        var numerator: Double { stored.number(StoredRow.numerator, in: numbers) }
        var denominator: Double { stored.number(StoredRow.denominator, in: numbers) }
        var target: Double { stored.number(StoredRow.target, in: numbers) }

        var percentageOrValue: Double? {
            if !value.isNaN { return value }
            if !numerator.isNaN, !denominator.isNaN, denominator != 0 { return numerator / denominator * 100 }
            return nil
        }
    }
}
