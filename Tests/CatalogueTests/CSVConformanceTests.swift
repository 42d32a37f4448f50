import Foundation
import Testing
@testable import Base
@testable import Catalogue

/// The csv-spectrum data kept beside the package, at `<root>/../shared/conformance/csv-spectrum`:
/// `csvs/NAME.csv` must read as the records of `json/NAME.json` (objects keyed by the header row; a
/// file holding a bare object rather than an array is one record). Every file is read; the one
/// place where the JSON is wrong about its own CSV is listed in `knownDifferences`.
enum CSVSpectrum {
    static let directory = CSVSpectrumFiles.directory
    static let isAvailable = CSVSpectrumFiles.isAvailable
    static let absent: Comment = "csv-spectrum not found at ../shared/conformance/csv-spectrum"

    /// Every `csvs/*.csv`, without the extension.
    static let names: [String] = CSVSpectrumFiles.csvFiles.map { String($0.dropLast(4)) }.sorted()

    /// A value csv-spectrum's JSON gets wrong: `json/FILE.json` says `jsonValue` for `field` of
    /// data record `record` (1 = the first record after the header), but `csvs/FILE.csv` plainly
    /// holds `csvValue` there. The test checks that the JSON still says `jsonValue` (so the entry
    /// is removed once upstream fixes it) and that the reader gives exactly `csvValue`; every other
    /// field is compared with the JSON as usual.
    struct KnownDifference: Sendable {
        var file: String
        var record: Int
        var field: String
        var jsonValue: String
        var csvValue: String
    }

    /// Upstream data bug in csv-spectrum 2.0.0: location_coordinates.json has the placeholder phone
    /// number 1234567890, while location_coordinates.csv has 2095257564 (the CSV is the input under
    /// test, and Python's csv module reads 2095257564 from it too).
    static let locationCoordinatesPhone = KnownDifference(
        file: "location_coordinates", record: 1, field: "Contact Phone Number",
        jsonValue: "1234567890", csvValue: "2095257564")

    static let knownDifferences: [KnownDifference] = [locationCoordinatesPhone]

    static func csv(_ name: String) throws -> [CSVRecord] {
        let data = try Data(contentsOf: directory.appendingPathComponent("csvs/\(name).csv"))
        return try CSVReader.parse(data, file: "csvs/\(name).csv")
    }

    /// The header row followed by each object's values, in the order the JSON file lists them.
    static func expectedRows(_ name: String) throws -> [[String]] {
        let data = try Data(contentsOf: directory.appendingPathComponent("json/\(name).json"))
        let objects: [OrderedJSON.Value]
        switch try OrderedJSON.parse(data) {
        case .array(let elements): objects = elements
        case .object(let members): objects = [.object(members)]  // location_coordinates.json: one record
        case .string: throw OrderedJSON.Failure(description: "json/\(name).json is neither an array nor an object")
        }
        var header: [String]?
        var rows: [[String]] = []
        for object in objects {
            guard case .object(let members) = object else {
                throw OrderedJSON.Failure(description: "json/\(name).json: an element is not an object")
            }
            let keys = members.map(\.key)
            if header == nil { header = keys }
            guard keys == header else {
                throw OrderedJSON.Failure(description: "json/\(name).json: keys \(keys) differ from \(header!)")
            }
            rows.append(try members.map { member in
                guard case .string(let value) = member.value else {
                    throw OrderedJSON.Failure(description: "json/\(name).json: \(member.key) is not a string")
                }
                return value
            })
        }
        return [header ?? []] + rows
    }
}

@Suite("CSV conformance (csv-spectrum)")
struct CSVConformanceTests {
    @Test("the suite is present and every CSV has its JSON", .enabled(if: CSVSpectrum.isAvailable, CSVSpectrum.absent))
    func suiteIsComplete() throws {
        #expect(!CSVSpectrum.names.isEmpty)
        let jsons = try FileManager.default
            .contentsOfDirectory(atPath: CSVSpectrum.directory.appendingPathComponent("json").path)
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
        #expect(jsons == CSVSpectrum.names)
        // Every known difference listed must still be a file of the suite.
        #expect(Set(CSVSpectrum.knownDifferences.map(\.file)).isSubset(of: CSVSpectrum.names))
    }

    @Test("each CSV reads as its JSON: header, then values in order",
          .enabled(if: CSVSpectrum.isAvailable, CSVSpectrum.absent), arguments: CSVSpectrum.names)
    func readsAsJSON(name: String) throws {
        let read = try CSVSpectrum.csv(name).map(\.fields)
        var expected = try CSVSpectrum.expectedRows(name)
        for difference in CSVSpectrum.knownDifferences where difference.file == name {
            let column = try #require(expected[0].firstIndex(of: difference.field),
                                      "json/\(name).json has no field \(difference.field)")
            try #require(difference.record < expected.count && difference.record < read.count)
            // Still the upstream bug as described; once fixed, drop the entry.
            #expect(expected[difference.record][column] == difference.jsonValue)
            // What the reader gives is exactly what the CSV holds.
            #expect(read[difference.record][column] == difference.csvValue)
            expected[difference.record][column] = difference.csvValue
        }
        #expect(read == expected)
    }

    @Test("location_coordinates.csv: quotes inside unquoted fields are literal, the phone is the CSV's",
          .enabled(if: CSVSpectrum.isAvailable, CSVSpectrum.absent))
    func locationCoordinates() throws {
        let records = try CSVSpectrum.csv("location_coordinates")
        #expect(records.map(\.fields) == [
            ["Contact Phone Number", "Location Coordinates", "Cities", "Counties"],
            ["2095257564", "37\u{FFFD}36'37.8\"N 121\u{FFFD}2'17.9\"W", "Modesto", "Stanislaus"],
        ])
    }

    @Test("writing each file's records and reading them again gives the same records",
          .enabled(if: CSVSpectrum.isAvailable, CSVSpectrum.absent), arguments: CSVSpectrum.names)
    func writerRoundTrip(name: String) throws {
        let records = try CSVSpectrum.csv(name).map(\.fields)
        let written = CSVWriter.document(records)
        #expect(try CSVReader.parse(written, file: "written.csv").map(\.fields) == records)
    }

    @Test("Python's csv module reads the writer's output as the same records",
          .enabled(if: CSVSpectrum.isAvailable, CSVSpectrum.absent),
          .enabled(if: PythonCSV.executable != nil, "python3 not found on PATH"),
          arguments: CSVSpectrum.names)
    func pythonReadsWriterOutput(name: String) throws {
        let records = try CSVSpectrum.csv(name).map(\.fields)
        #expect(try PythonCSV.read(CSVWriter.document(records), delimiter: ",") == records)
    }

    @Test("Python's csv module reads the writer's output of generated awkward strings",
          .enabled(if: PythonCSV.executable != nil, "python3 not found on PATH"), arguments: [",", ";"] as [Character])
    func pythonReadsGeneratedRecords(delimiter: Character) throws {
        let records = GeneratedRecords.make(count: 400, seed: 0x5EED)
        let read = try PythonCSV.read(CSVWriter.document(records, delimiter: delimiter), delimiter: delimiter)
        #expect(read.count == records.count)
        for (index, (original, back)) in zip(records, read).enumerated() where original != back {
            Issue.record("record \(index): wrote \(original.debugDescription), Python read \(back.debugDescription)")
        }
    }
}

/// A small JSON reader that keeps object members in file order (Foundation's dictionaries do not),
/// so the header order in csv-spectrum's JSON can be checked. Only strings, arrays and objects.
struct OrderedJSON {
    indirect enum Value {
        case string(String)
        case array([Value])
        case object([(key: String, value: Value)])
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    private let bytes: [UInt8]
    private var i = 0

    static func parse(_ data: Data) throws -> Value {
        var parser = OrderedJSON(bytes: [UInt8](data))
        let value = try parser.value()
        parser.skipSpace()
        guard parser.i == parser.bytes.count else { throw parser.failure("trailing text") }
        return value
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private func failure(_ what: String) -> Failure { Failure(description: "JSON: \(what) at byte \(i)") }

    private mutating func skipSpace() {
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
    }

    private mutating func value() throws -> Value {
        skipSpace()
        guard i < bytes.count else { throw failure("unexpected end") }
        switch bytes[i] {
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "["):
            i += 1
            var elements: [Value] = []
            if try !close(UInt8(ascii: "]")) {
                repeat { elements.append(try value()) } while try next(UInt8(ascii: "]"))
            }
            return .array(elements)
        case UInt8(ascii: "{"):
            i += 1
            var members: [(key: String, value: Value)] = []
            if try !close(UInt8(ascii: "}")) {
                repeat {
                    skipSpace()
                    let key = try string()
                    skipSpace()
                    guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw failure("expected ':'") }
                    i += 1
                    members.append((key, try value()))
                } while try next(UInt8(ascii: "}"))
            }
            return .object(members)
        default:
            throw failure("only strings, arrays and objects are expected")
        }
    }

    /// Consumes `end` if it comes next (an empty array or object).
    private mutating func close(_ end: UInt8) throws -> Bool {
        skipSpace()
        guard i < bytes.count else { throw failure("unexpected end") }
        if bytes[i] == end { i += 1; return true }
        return false
    }

    /// After an element: true on ',', false on `end`.
    private mutating func next(_ end: UInt8) throws -> Bool {
        skipSpace()
        guard i < bytes.count else { throw failure("unexpected end") }
        defer { i += 1 }
        if bytes[i] == UInt8(ascii: ",") { return true }
        if bytes[i] == end { return false }
        throw failure("expected ',' or '\(Character(Unicode.Scalar(end)))'")
    }

    private mutating func string() throws -> String {
        guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw failure("expected a string") }
        i += 1
        var utf8: [UInt8] = []
        while true {
            guard i < bytes.count else { throw failure("unterminated string") }
            let byte = bytes[i]
            i += 1
            if byte == UInt8(ascii: "\"") { break }
            guard byte == UInt8(ascii: "\\") else { utf8.append(byte); continue }
            guard i < bytes.count else { throw failure("unterminated escape") }
            let escape = bytes[i]
            i += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
            case UInt8(ascii: "b"): utf8.append(0x08)
            case UInt8(ascii: "f"): utf8.append(0x0C)
            case UInt8(ascii: "n"): utf8.append(0x0A)
            case UInt8(ascii: "r"): utf8.append(0x0D)
            case UInt8(ascii: "t"): utf8.append(0x09)
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800..<0xDC00).contains(code) {
                    guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                        throw failure("lone surrogate")
                    }
                    i += 2
                    code = 0x10000 + ((code - 0xD800) << 10) + (try hex4() - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(code) else { throw failure("invalid \\u escape") }
                utf8.append(contentsOf: String(Character(scalar)).utf8)
            default:
                throw failure("invalid escape")
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    private mutating func hex4() throws -> UInt32 {
        guard i + 4 <= bytes.count, let code = UInt32(String(decoding: bytes[i..<i + 4], as: UTF8.self), radix: 16) else {
            throw failure("invalid \\u escape")
        }
        i += 4
        return code
    }
}
