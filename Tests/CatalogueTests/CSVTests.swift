import Foundation
import Testing
@testable import Base
@testable import Catalogue

/// Field values of every record, the usual thing to compare.
private func rows(_ text: String, delimiter: UInt8 = UInt8(ascii: ",")) throws -> [[String]] {
    try CSVReader.parse(text, file: "x.csv", delimiter: delimiter).map(\.fields)
}

/// The rendered diagnostic for input that must be rejected, or nil when it parses.
private func failure(_ text: String, delimiter: UInt8 = UInt8(ascii: ",")) -> String? {
    failure(Array(text.utf8), delimiter: delimiter)
}

private func failure(_ bytes: [UInt8], delimiter: UInt8 = UInt8(ascii: ",")) -> String? {
    do {
        _ = try CSVReader.parse(bytes, file: "x.csv", delimiter: delimiter)
        return nil
    } catch {
        return error.description
    }
}

@Suite("CSV reader")
struct CSVReaderTests {
    @Test("plain records, with the line and column where each field starts")
    func plainRecords() throws {
        let records = try CSVReader.parse("kode,nama\nIKU-1,Angka Partisipasi Kasar\n", file: "x.csv")
        #expect(records == [
            CSVRecord(fields: ["kode", "nama"], line: 1, columns: [1, 6]),
            CSVRecord(fields: ["IKU-1", "Angka Partisipasi Kasar"], line: 2, columns: [1, 7]),
        ])
    }

    @Test("the last record needs no line break")
    func noFinalLineBreak() throws {
        #expect(try rows("a,b\n1,2") == [["a", "b"], ["1", "2"]])
    }

    @Test("empty fields: between delimiters, at the ends, and quoted")
    func emptyFields() throws {
        #expect(try rows(",,\na,\n,b\n\"\",\"\"") == [["", "", ""], ["a", ""], ["", "b"], ["", ""]])
    }

    @Test("a delimiter inside quotes is part of the value")
    func quotedDelimiter() throws {
        #expect(try rows("\"Anytown, WW\",08123") == [["Anytown, WW", "08123"]])
    }

    @Test("a doubled quote inside quotes is one quote")
    func doubledQuotes() throws {
        #expect(try rows("\"ha \"\"ha\"\" ha\",\"\"\"\"") == [["ha \"ha\" ha", "\""]])
    }

    @Test("several fields with doubled quotes in one record keep their own text, also past the scratch buffer's first size")
    func severalUnescapedFields() throws {
        let long = String(repeating: "ab\"\"c", count: 80)  // 400 bytes written, 320 read
        let text = "\"x\"\"y\",plain,\"\(long)\",\"\"\"\",\"z\"\"\"\ntwo,\"\"\"q\"\n"
        let expected = [["x\"y", "plain", String(repeating: "ab\"c", count: 80), "\"", "z\""], ["two", "\"q"]]
        #expect(try rows(text) == expected)
        // The byte view gives the same fields, read inside the call.
        var seen: [[String]] = []
        var text2 = text
        try text2.withUTF8 { bytes in
            try CSVReader.forEachRecord(in: bytes, file: "x.csv", delimiter: UInt8(ascii: ",")) { record in
                seen.append((0..<record.count).map(record.string))
            }
        }
        #expect(seen == expected)
    }

    @Test("line breaks inside quotes are kept exactly, and later records get their real line numbers")
    func newlinesInQuotes() throws {
        let records = try CSVReader.parse("a,b\n\"x\ny\",\"p\r\nq\rr\"\nlast,1\n", file: "x.csv")
        #expect(records.map(\.fields) == [["a", "b"], ["x\ny", "p\r\nq\rr"], ["last", "1"]])
        // CRLF is one line break, a lone CR another.
        #expect(records.map(\.line) == [1, 2, 6])
        // The second field starts on the line where the first one ended.
        #expect(records[1].columns == [1, 4])
    }

    @Test("records end at CRLF, LF or a lone CR, mixed in one file")
    func lineEndings() throws {
        let records = try CSVReader.parse("a,b\r\n1,2\r3,4\n5,6\r\n", file: "x.csv")
        #expect(records.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"], ["5", "6"]])
        #expect(records.map(\.line) == [1, 2, 3, 4])
    }

    @Test("a UTF-8 BOM is skipped and does not count as a column")
    func byteOrderMark() throws {
        let records = try CSVReader.parse([0xEF, 0xBB, 0xBF] + Array("kode,nama\n".utf8), file: "x.csv")
        #expect(records == [CSVRecord(fields: ["kode", "nama"], line: 1, columns: [1, 6])])
        #expect(try rows("\u{FEFF}a") == [["a"]])
    }

    @Test("a semicolon delimiter makes commas ordinary text")
    func semicolonDelimiter() throws {
        let semicolon = UInt8(ascii: ";")
        #expect(try rows("nilai;satuan\n12,5;persen\n\"a;b\";c", delimiter: semicolon)
            == [["nilai", "satuan"], ["12,5", "persen"], ["a;b", "c"]])
    }

    @Test("an empty file, or one of only line breaks, has no records")
    func emptyFile() throws {
        #expect(try rows("") == [])
        #expect(try CSVReader.parse([UInt8](), file: "x.csv") == [])
        #expect(try rows("\n\r\n\r") == [])
        #expect(try rows("\u{FEFF}") == [])
    }

    @Test("empty lines between records are skipped; a line of \"\" is a record with one empty field")
    func blankLines() throws {
        let records = try CSVReader.parse("a\n\n\r\nb\n\"\"\n \n", file: "x.csv")
        #expect(records.map(\.fields) == [["a"], ["b"], [""], [" "]])
        #expect(records.map(\.line) == [1, 4, 5, 6])
    }

    @Test("spaces around fields are data, not padding")
    func spacesKept() throws {
        #expect(try rows(" a , b ") == [[" a ", " b "]])
    }

    @Test("columns count characters, not bytes")
    func columnsCountCharacters() throws {
        // é is 2 bytes; ʤ is 2 bytes and the flag 8 bytes but one character.
        let records = try CSVReader.parse("é,ʤ🇮🇩,x\n\"ñ\nñ\",y", file: "x.csv")
        #expect(records[0].columns == [1, 3, 6])
        #expect(records[1].columns == [1, 4])
    }

    @Test("text, bytes and Data give the same records")
    func entryPointsAgree() throws {
        let text = "a,\"b\"\"c\"\r\nd,é\n"
        let fromText = try CSVReader.parse(text, file: "x.csv")
        #expect(try CSVReader.parse(Array(text.utf8), file: "x.csv") == fromText)
        #expect(try CSVReader.parse(Data(text.utf8), file: "x.csv") == fromText)
    }

    // MARK: Errors

    @Test("an unterminated quoted field is reported where its quote opened")
    func unterminatedQuote() {
        #expect(failure("a,b\n1,\"open\nstill open\n") ==
            "x.csv:2:3: error: unterminated quoted field: no closing '\"' before the end of the file")
    }

    @Test("a quote inside an unquoted field is literal text, as Python's csv module reads it")
    func quoteInUnquotedField() throws {
        let records = try CSVReader.parse("a,37'37.8\"N,b\nBappeda — Jawa Barat,12 \"kuartal\"\n", file: "x.csv")
        #expect(records.map(\.fields) == [["a", "37'37.8\"N", "b"], ["Bappeda — Jawa Barat", "12 \"kuartal\""]])
        #expect(records.map(\.columns) == [[1, 3, 13], [1, 22]])
        // A space before a quote makes the field unquoted: the space and both quotes are kept.
        #expect(try rows("a, \"b\"") == [["a", " \"b\""]])
        // Doubled quotes are not collapsed, and a quote does not hide a later delimiter or line break.
        #expect(try rows("x\"\"y,a\"b,c\"\nd\"\n\"e\"") == [["x\"\"y", "a\"b", "c\""], ["d\""], ["e"]])
        // A quote only opens a quoted field as the field's first byte, also after a delimiter.
        #expect(try rows("1\"2,\"3,4\"") == [["1\"2", "3,4"]])
        // The other errors still apply around such fields.
        #expect(failure("a\"b,\"c")?.hasPrefix("x.csv:1:5: error: unterminated quoted field") == true)
    }

    @Test("text after a closing quote is an error at that text, naming the expected delimiter")
    func textAfterClosingQuote() {
        #expect(failure("\"a\"b,c") ==
            "x.csv:1:4: error: unexpected text after the closing quote; expected ',' or the end of the line")
        // Counted in characters: the em dash is 3 bytes but one character, so the text is at
        // character 26 (byte 28).
        #expect(failure("unit,target\nBappeda — Jawa Barat,\"12\"kuartal\n") ==
            "x.csv:2:26: error: unexpected text after the closing quote; expected ',' or the end of the line")
        #expect(failure("x;\"multi\nline\" ;y", delimiter: UInt8(ascii: ";")) ==
            "x.csv:2:6: error: unexpected text after the closing quote; expected ';' or the end of the line")
        #expect(failure("\"a\"b", delimiter: UInt8(ascii: "\t"))?
            .hasSuffix("expected a tab or the end of the line") == true)
    }

    @Test("invalid UTF-8 is reported at the first bad byte")
    func invalidUTF8() {
        // A lead byte followed by ASCII.
        #expect(failure(Array("a,".utf8) + [0xC3, 0x28]) ==
            "x.csv:1:3: error: invalid UTF-8 (byte 0xC3); the file must be saved as UTF-8")
        // Inside a quoted field, on its second line, after non-ASCII text and a doubled quote.
        #expect(failure(Array("k\n\"é\"\"\nñ".utf8) + [0xFF] + Array("\"".utf8)) ==
            "x.csv:3:2: error: invalid UTF-8 (byte 0xFF); the file must be saved as UTF-8")
        // Encoded surrogates and overlong forms are not UTF-8 either.
        #expect(failure([0xED, 0xA0, 0x80])?.hasPrefix("x.csv:1:1: error: invalid UTF-8 (byte 0xED)") == true)
        #expect(failure(Array("é".utf8) + [0xC0, 0xAF])?.hasPrefix("x.csv:1:2: error: invalid UTF-8 (byte 0xC0)") == true)
        // A U+FFFD written in the file is valid text, kept as is.
        #expect(failure("37\u{FFFD}36") == nil)
    }

    // MARK: Files

    @Test("read(path:) reads a file and names it in diagnostics")
    func readFile() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("iki-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = directory.appendingPathComponent("good.csv").path
        let bad = directory.appendingPathComponent("bad.csv").path
        try Data("a;b\n1;2\n".utf8).write(to: URL(fileURLWithPath: good))
        try Data("a\n\"b".utf8).write(to: URL(fileURLWithPath: bad))

        #expect(try CSVReader.read(path: good, delimiter: UInt8(ascii: ";")).map(\.fields) == [["a", "b"], ["1", "2"]])
        do {
            _ = try CSVReader.read(path: bad)
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "\(bad):2:1: error: unterminated quoted field: no closing '\"' before the end of the file")
        }
    }

    @Test("an unreadable file is an error naming the file")
    func unreadableFile() {
        for (path, reason) in [("/nonexistent/iki/x.csv", "no such file"), ("/", "it is a directory")] {
            do {
                _ = try CSVReader.read(path: path)
                Issue.record("expected an error for \(path)")
            } catch {
                #expect(error.description == "error: cannot read '\(path)': \(reason)")
            }
        }
    }
}

@Suite("CSV writer")
struct CSVWriterTests {
    @Test("plain fields are written bare, joined by the delimiter, ending in LF")
    func plain() {
        #expect(CSVWriter.line(["IKU-1", "Angka Partisipasi", "98.5", "é"]) == "IKU-1,Angka Partisipasi,98.5,é\n")
    }

    @Test("fields with the delimiter, a quote, CR, LF or edge spaces are quoted; quotes are doubled")
    func quoting() {
        #expect(CSVWriter.line(["a,b", "say \"hi\"", "x\ny", "x\r\ny", "x\ry"]) ==
            "\"a,b\",\"say \"\"hi\"\"\",\"x\ny\",\"x\r\ny\",\"x\ry\"\n")
        #expect(CSVWriter.line([" lead", "trail ", "\ttab", "in side"]) == "\" lead\",\"trail \",\"\ttab\",in side\n")
        #expect(CSVWriter.line(["\""]) == "\"\"\"\"\n")
    }

    @Test("with a semicolon delimiter, commas need no quotes but semicolons do")
    func semicolon() {
        #expect(CSVWriter.line(["12,5", "a;b"], delimiter: ";") == "12,5;\"a;b\"\n")
    }

    @Test("empty fields stay bare, except a record of one empty field, which would read as a blank line")
    func emptyFields() {
        #expect(CSVWriter.line(["", ""]) == ",\n")
        #expect(CSVWriter.line([""]) == "\"\"\n")
        #expect(CSVWriter.document([["a"], [""], ["b"]]) == "a\n\"\"\nb\n")
    }

    @Test("a field starting with U+FEFF is quoted, so at the start of a file it is not read as a BOM")
    func leadingByteOrderMark() throws {
        let text = CSVWriter.line(["\u{FEFF}kode", "x\u{FEFF}"])
        #expect(text == "\"\u{FEFF}kode\",x\u{FEFF}\n")
        #expect(try rows(text) == [["\u{FEFF}kode", "x\u{FEFF}"]])
    }

    @Test("writing then reading gives back the same fields, for generated awkward strings",
          arguments: [",", ";", "\t"] as [Character])
    func roundTrip(delimiter: Character) throws {
        let records = GeneratedRecords.make(count: 400, seed: 0x1C1)
        let text = CSVWriter.document(records, delimiter: delimiter)
        let parsed = try CSVReader.parse(text, file: "round-trip.csv", delimiter: delimiter.asciiValue!)
        #expect(parsed.count == records.count)
        for (index, (original, read)) in zip(records, parsed).enumerated() where original != read.fields {
            Issue.record("record \(index): wrote \(original.debugDescription), read \(read.fields.debugDescription)")
        }
    }
}

/// Deterministic records built from the characters CSV writers get wrong.
enum GeneratedRecords {
    static let pieces: [String] = [
        "a", "Z", "7", " ", "\t", ",", ";", "\"", "\"\"", "\n", "\r", "\r\n", "é", "e\u{301}",
        "ʤ", "—", "🇮🇩", "\u{FEFF}", "\u{FFFD}", "Rp", "%", "'",
    ]

    static func make(count: Int, seed: UInt64) -> [[String]] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            (0..<(1 + random.next(below: 5))).map { _ in
                (0..<random.next(below: 8)).map { _ in pieces[random.next(below: pieces.count)] }.joined()
            }
        }
    }
}

/// A tiny seeded generator, so failures reproduce.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
