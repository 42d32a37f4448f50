// RFC 4180 CSV written on UTF-8 bytes; `CSV.swift` reads it.

private let quote = UInt8(ascii: "\"")
private let lf = UInt8(ascii: "\n")
private let cr = UInt8(ascii: "\r")
private let space = UInt8(ascii: " ")
private let tab = UInt8(ascii: "\t")

public enum CSVWriter {
    /// One record as a line: fields quoted only when they contain the delimiter, a quote, CR or
    /// LF, or start or end with a space or tab; quotes doubled; the line ends with "\n".
    /// Two cases a reader would otherwise misread are quoted too: a record of one empty field
    /// (written `""`, since an empty line is skipped) and a field starting with U+FEFF (which, first
    /// in a file, would be taken for a byte order mark).
    /// `delimiter` must be a single ASCII character other than a quote, CR or LF.
    ///
    /// With `guardFormulas` (files for people, opened in a spreadsheet), a field a spreadsheet
    /// would take for a formula is written `"'=..."`: a single quote in front, and quoted (see
    /// `SpreadsheetText`). Numbers, negative ones included, are written as they are.
    public static func line(_ fields: [String], delimiter: Character = ",", guardFormulas: Bool = false) -> String {
        var out: [UInt8] = []
        append(fields, delimiter: delimiterByte(delimiter), guardFormulas: guardFormulas, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Several records, one line each.
    public static func document(_ records: [[String]], delimiter: Character = ",", guardFormulas: Bool = false) -> String {
        let byte = delimiterByte(delimiter)
        var out: [UInt8] = []
        for fields in records { append(fields, delimiter: byte, guardFormulas: guardFormulas, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `field` must be quoted to read back as itself.
    public static func needsQuotes(_ field: String, delimiter: Character = ",") -> Bool {
        needsQuotes(field, delimiter: delimiterByte(delimiter))
    }

    private static func delimiterByte(_ delimiter: Character) -> UInt8 {
        // `asciiValue` maps "\r\n" to LF, hence the byte count check.
        guard delimiter.utf8.count == 1, let byte = delimiter.asciiValue,
              byte != quote, byte != cr, byte != lf else {
            preconditionFailure("CSV delimiter must be one ASCII character other than a quote, CR or LF")
        }
        return byte
    }

    private static func needsQuotes(_ field: String, delimiter: UInt8) -> Bool {
        let utf8 = field.utf8
        guard let first = utf8.first, let last = utf8.last else { return false }
        if first == space || first == tab || last == space || last == tab { return true }
        if first == 0xEF && utf8.starts(with: [0xEF, 0xBB, 0xBF]) { return true }
        return utf8.contains { $0 == delimiter || $0 == quote || $0 == cr || $0 == lf }
    }

    private static func append(_ fields: [String], delimiter: UInt8, guardFormulas: Bool, to out: inout [UInt8]) {
        if fields.count == 1 && fields[0].isEmpty {
            out.append(contentsOf: [quote, quote, lf])
            return
        }
        for (index, field) in fields.enumerated() {
            if index > 0 { out.append(delimiter) }
            if guardFormulas && SpreadsheetText.needsGuard(field) {
                out.append(contentsOf: [quote, UInt8(ascii: "'")])
                for byte in field.utf8 {
                    out.append(byte)
                    if byte == quote { out.append(quote) }
                }
                out.append(quote)
            } else if needsQuotes(field, delimiter: delimiter) {
                out.append(quote)
                for byte in field.utf8 {
                    out.append(byte)
                    if byte == quote { out.append(quote) }
                }
                out.append(quote)
            } else {
                out.append(contentsOf: field.utf8)
            }
        }
        out.append(lf)
    }
}
