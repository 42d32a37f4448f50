import Foundation

// RFC 4180 CSV, read on UTF-8 bytes (`CSVWriter.swift` writes it).
//
// The reader is strict where a guess could silently shift values into the wrong column: text after
// a closing quote, an unclosed quote and bytes that are not UTF-8 are errors with their file, line
// and column. One RFC 4180 rule is relaxed, as Python's csv module, DuckDB and sqlite3 relax it: a
// quote inside an unquoted field (`37'37.8"N`) is literal text, since it cannot move a delimiter.
// A field that starts with a quote is still a quoted field.

/// One record of a CSV file, with where it came from so later checks can point at a field.
public struct CSVRecord: Sendable, Equatable {
    public var fields: [String]
    /// 1-based line where the record starts (a quoted field may carry it over several lines).
    public var line: Int
    /// 1-based character column where each field starts, on the line where that field starts.
    public var columns: [Int]

    public init(fields: [String], line: Int, columns: [Int]) {
        self.fields = fields
        self.line = line
        self.columns = columns
    }
}

private let quote = UInt8(ascii: "\"")
private let lf = UInt8(ascii: "\n")
private let cr = UInt8(ascii: "\r")
private let tab = UInt8(ascii: "\t")

public enum CSVReader {
    /// Parses a whole file's bytes. A UTF-8 BOM is skipped. Records end at LF, CRLF or CR (not inside
    /// quotes); entirely empty lines between records are skipped. `delimiter` is an ASCII byte such
    /// as `,` or `;` (not a quote, CR or LF).
    ///
    /// A field is quoted only when its first byte is a quote; a quote anywhere else in an unquoted
    /// field is literal text (`a,37'37.8"N,b` has the field `37'37.8"N`; so does ` "b"` keep its
    /// leading space and both quotes).
    ///
    /// Throws a Diagnostic (file:line:column) for: an unterminated quoted field (at the opening
    /// quote), text after a closing quote before the delimiter, invalid UTF-8.
    public static func parse(
        _ bytes: [UInt8], file: String, delimiter: UInt8 = UInt8(ascii: ",")
    ) throws(Diagnostic) -> [CSVRecord] {
        try bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(Diagnostic) in try parse(buffer, file: file, delimiter: delimiter) }
        }.get()
    }

    /// Parses text already in memory; same rules as the byte version.
    public static func parse(
        _ text: String, file: String, delimiter: UInt8 = UInt8(ascii: ",")
    ) throws(Diagnostic) -> [CSVRecord] {
        var text = text
        return try text.withUTF8 { buffer in
            Result { () throws(Diagnostic) in try parse(buffer, file: file, delimiter: delimiter) }
        }.get()
    }

    /// Parses the contents of a file already loaded as `Data`; `file` names it in diagnostics.
    public static func parse(
        _ data: Data, file: String, delimiter: UInt8 = UInt8(ascii: ",")
    ) throws(Diagnostic) -> [CSVRecord] {
        try data.withUnsafeBytes { raw in
            Result { () throws(Diagnostic) in
                try parse(raw.bindMemory(to: UInt8.self), file: file, delimiter: delimiter)
            }
        }.get()
    }

    /// Reads a file from disk. Locations in diagnostics use `path` as given.
    public static func read(
        path: String, delimiter: UInt8 = UInt8(ascii: ",")
    ) throws(Diagnostic) -> [CSVRecord] {
        try withContents(ofFile: path) { bytes throws(Diagnostic) in try parse(bytes, file: path, delimiter: delimiter) }
    }

    static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, file: String, delimiter: UInt8
    ) throws(Diagnostic) -> [CSVRecord] {
        var records: [CSVRecord] = []
        try forEachRecord(in: bytes, file: file, delimiter: delimiter) { (record: CSVFields) in
            records.append(CSVRecord(fields: (0..<record.count).map(record.string), line: record.line, columns: record.columns))
        }
        return records
    }

    /// Calls `body` with each record's fields as bytes, for readers that turn only some fields
    /// into values (a realisations file of millions of rows). Same rules and errors as `parse`.
    /// `releasing` is the size of the steps in which the pages of a mapped file (`withContents`
    /// says when they are one) are let go behind the record read: nil for bytes that are not.
    public static func forEachRecord(
        in bytes: UnsafeBufferPointer<UInt8>, file: String, delimiter: UInt8, releasing: Int? = nil,
        _ body: (CSVFields) throws(Diagnostic) -> Void
    ) throws(Diagnostic) {
        precondition(delimiter < 0x80 && delimiter != quote && delimiter != cr && delimiter != lf,
                     "CSV delimiter must be an ASCII byte other than a quote, CR or LF")
        var parser = Parser(bytes: bytes, file: file, delimiter: delimiter)
        parser.releaseStep = releasing
        try parser.scan(body)
    }

}

/// One record's fields, valid only inside the `forEachRecord` call that passes it: field bytes
/// point into the file, or into a scratch buffer for fields whose doubled quotes were undone.
public struct CSVFields {
    /// 1-based line where the record starts.
    public fileprivate(set) var line = 1
    /// 1-based character column where each field starts.
    public fileprivate(set) var columns: [Int] = []
    /// How many bytes of the file are read once this record is (its line break included): how
    /// far a big file has come.
    public fileprivate(set) var end = 0
    fileprivate var ranges: [Range<Int>] = []
    fileprivate var unescaped: [Bool] = []
    fileprivate let file: UnsafeBufferPointer<UInt8>
    fileprivate let scratch: ScratchBytes

    public var count: Int { ranges.count }

    /// Field `i`'s bytes: UTF-8, already checked.
    public subscript(i: Int) -> UnsafeBufferPointer<UInt8> {
        let r = ranges[i]
        if unescaped[i] { return UnsafeBufferPointer(start: scratch.base + r.lowerBound, count: r.count) }
        return UnsafeBufferPointer(rebasing: file[r])
    }

    public func string(_ i: Int) -> String { String(decoding: self[i], as: UTF8.self) }

    fileprivate mutating func start(line: Int) {
        self.line = line
        columns.removeAll(keepingCapacity: true)
        ranges.removeAll(keepingCapacity: true)
        unescaped.removeAll(keepingCapacity: true)
        scratch.count = 0
    }
}

/// A growable byte buffer whose address only changes while a record is read, so the fields of a
/// finished record can point into it.
final class ScratchBytes {
    fileprivate var base: UnsafeMutablePointer<UInt8>
    fileprivate var count = 0
    private var capacity: Int

    init() {
        capacity = 256
        base = .allocate(capacity: capacity)
    }
    deinit { base.deallocate() }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        if count + bytes.count > capacity {
            capacity = max(capacity * 2, count + bytes.count)
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            grown.update(from: base, count: count)
            base.deallocate()
            base = grown
        }
        (base + count).update(from: bytes.baseAddress!, count: bytes.count)
        count += bytes.count
    }
}

/// A single pass over the bytes. Fields are byte ranges of the buffer; only fields with doubled
/// quotes are copied (to the scratch buffer) with one quote of each pair removed.
private struct Parser {
    let bytes: UnsafeBufferPointer<UInt8>
    let file: String
    let delimiter: UInt8
    /// First byte after the BOM, if any.
    let start: Int
    var i: Int
    var line = 1
    var lineStart: Int
    // Columns are counted incrementally from the previous field start on the same line, so a
    // line is decoded for counting at most once, and only when it holds non-ASCII bytes.
    var anchorByte: Int
    var anchorColumn = 1
    var nonASCIISinceAnchor = false
    /// See `forEachRecord`; `released` is how far the pages are let go.
    var releaseStep: Int?
    var released = 0

    init(bytes: UnsafeBufferPointer<UInt8>, file: String, delimiter: UInt8) {
        self.bytes = bytes
        self.file = file
        self.delimiter = delimiter
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        start = hasBOM ? 3 : 0
        i = start
        lineStart = start
        anchorByte = start
    }

    mutating func scan(_ body: (CSVFields) throws(Diagnostic) -> Void) throws(Diagnostic) {
        var record = CSVFields(file: bytes, scratch: ScratchBytes())
        while i < bytes.count {
            if consumeLineBreak() { continue }  // an empty line is not a record
            record.start(line: line)
            while true {
                record.columns.append(column(at: i))
                if i < bytes.count && bytes[i] == quote {
                    try quotedField(into: &record)
                } else {
                    try unquotedField(into: &record)
                }
                // Both field readers stop only at a delimiter, a line break or the end.
                if i < bytes.count && bytes[i] == delimiter {
                    i += 1
                    continue
                }
                _ = consumeLineBreak()
                break
            }
            record.end = i
            try body(record)
            if let step = releaseStep, i - released >= step { release() }
        }
    }

    /// Lets the mapped pages wholly before `i` go: a big file's bytes would otherwise all stay
    /// resident until its last record. Reading them again (an error's column) maps them again.
    mutating func release() {
        let end = i / CSVReader.pageSize * CSVReader.pageSize
        guard end > released, let base = bytes.baseAddress else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + released), end - released, Int32(MADV_DONTNEED))
        released = end
    }

    /// Steps over LF, CRLF or CR at `i`.
    mutating func consumeLineBreak() -> Bool {
        guard i < bytes.count else { return false }
        switch bytes[i] {
        case lf:
            i += 1
        case cr:
            i += 1
            if i < bytes.count && bytes[i] == lf { i += 1 }
        default:
            return false
        }
        line += 1
        lineStart = i
        return true
    }

    /// Runs to the delimiter or line break; quotes here are ordinary bytes of the value.
    mutating func unquotedField(into record: inout CSVFields) throws(Diagnostic) {
        let fieldStart = i
        var high: UInt8 = 0  // OR of all bytes: >= 0x80 when any byte is non-ASCII
        // Locals, not the parser's fields: this loop runs for every byte of a big file.
        var k = i
        let end = bytes.count, delimiter = delimiter
        if let base = bytes.baseAddress {
            while k < end {
                let byte = base[k]
                if byte == delimiter || byte == lf || byte == cr { break }
                high |= byte
                k += 1
            }
        }
        i = k
        try check(from: fieldStart, to: i, nonASCII: high >= 0x80)
        record.ranges.append(fieldStart..<i)
        record.unescaped.append(false)
    }

    mutating func quotedField(into record: inout CSVFields) throws(Diagnostic) {
        let openQuote = i
        i += 1
        let contentStart = i
        var segmentStart = i
        var unescaped = false  // whether the content went to scratch (the field had a doubled quote)
        let scratchStart = record.scratch.count
        var high: UInt8 = 0
        while true {
            guard i < bytes.count else {
                throw error(.unterminatedQuotedField, at: openQuote)
            }
            let byte = bytes[i]
            if byte == quote {
                if i + 1 < bytes.count && bytes[i + 1] == quote {
                    unescaped = true
                    record.scratch.append(UnsafeBufferPointer(rebasing: bytes[segmentStart...i]))
                    i += 2
                    segmentStart = i
                    continue
                }
                break
            }
            if byte == lf || byte == cr {
                // Kept in the value as written; only the line count changes.
                _ = consumeLineBreak()
                continue
            }
            high |= byte
            i += 1
        }
        let contentEnd = i
        i += 1  // closing quote
        if i < bytes.count && bytes[i] != delimiter && bytes[i] != lf && bytes[i] != cr {
            throw error(.textAfterClosingQuote(expected: delimiterName), at: i)
        }
        // Removing one quote of each pair never changes UTF-8 validity, so checking the raw
        // bytes is enough, and gives the position in the file.
        try check(from: contentStart, to: contentEnd, nonASCII: high >= 0x80)
        if unescaped {
            record.scratch.append(UnsafeBufferPointer(rebasing: bytes[segmentStart..<contentEnd]))
            record.ranges.append(scratchStart..<record.scratch.count)
        } else {
            record.ranges.append(contentStart..<contentEnd)
        }
        record.unescaped.append(unescaped)
    }

    /// Decoding replaces bad sequences with U+FFFD, so valid input is exactly input that survives
    /// decoding unchanged. Pure ASCII needs no check.
    mutating func check(from start: Int, to end: Int, nonASCII: Bool) throws(Diagnostic) {
        guard nonASCII else { return }
        let content = UnsafeBufferPointer(rebasing: bytes[start..<end])
        if !String(decoding: content, as: UTF8.self).utf8.elementsEqual(content) { throw invalidUTF8(from: start, to: end) }
        nonASCIISinceAnchor = true
    }

    /// Column of byte `position` on the current line, counted in characters.
    mutating func column(at position: Int) -> Int {
        if anchorByte < lineStart {
            anchorByte = lineStart
            anchorColumn = 1
            // Any non-ASCII seen may be on this line; counting exactly once is cheap and correct.
        }
        if nonASCIISinceAnchor {
            anchorColumn += String(decoding: UnsafeBufferPointer(rebasing: bytes[anchorByte..<position]), as: UTF8.self).count
            nonASCIISinceAnchor = false
        } else {
            anchorColumn += position - anchorByte
        }
        anchorByte = position
        return anchorColumn
    }

    var delimiterName: String {
        delimiter == tab ? "a tab" : "'\(Character(Unicode.Scalar(delimiter)))'"
    }

    func invalidUTF8(from start: Int, to end: Int) -> Diagnostic {
        // Find the first bad sequence: valid scalars advance by their own width.
        var iterator = UnsafeBufferPointer(rebasing: bytes[start..<end]).makeIterator()
        var decoder = Unicode.UTF8()
        var offset = start
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput, .error: break decoding
            }
        }
        let hex = String(bytes[offset], radix: 16, uppercase: true)
        return error(.invalidUTF8(byte: (hex.count == 1 ? "0" : "") + hex), at: offset)
    }

    /// Errors are rare, so their location is found by rescanning from the start rather than
    /// tracked on every byte.
    func error(_ message: Message, at position: Int) -> Diagnostic {
        var line = 1
        var lineStart = start
        var k = start
        while k < position {
            let byte = bytes[k]
            if byte == lf || byte == cr {
                if byte == cr && k + 1 < position && bytes[k + 1] == lf { k += 1 }
                line += 1
                lineStart = k + 1
            }
            k += 1
        }
        let column = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<position]), as: UTF8.self).count + 1
        return .error(message, at: SourceLocation(file: file, line: line, column: column))
    }
}
