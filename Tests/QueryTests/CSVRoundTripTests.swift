import Catalogue
import Foundation
import Query
import Render
import Testing

/// csv-spectrum beside the package: `<root>/../shared/conformance/csv-spectrum/csvs/*.csv`.
enum Spectrum {
    static let directory = CSVSpectrumFiles.csvs
    static let isAvailable = CSVSpectrumFiles.isAvailable
    static let absent: Comment = "csv-spectrum not found at ../shared/conformance/csv-spectrum: the round trip is not checked"
    static let names: [String] = CSVSpectrumFiles.csvFiles

    static func records(_ name: String) throws -> [[String]] {
        try CSVReader.parse(Data(contentsOf: directory.appendingPathComponent(name)), file: name).map(\.fields)
    }
}

/// The text a CSV cell is expected to hold for a value, written independently of the renderer:
/// numbers as Swift prints the shortest round-trip form (the values here have few decimals).
private func expectedCell(_ value: Value) -> String {
    switch value {
    case .missing: return ""
    case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
    case .text(let s): return s
    case .period(let p): return p.description
    case .bool(let b): return b ? "true" : "false"
    }
}

@Suite("CSV output reads back as what was written")
struct CSVRoundTripTests {
    /// Text with commas (positions, formulas) and a header with quotes, numbers with long
    /// fractions, percentages and missing values.
    static let query = #"show indicators code as "the ""code""", position, indicator, formula, target, realisation, achievement, category where bidang in ("Fasilitasi Pembiayaan", "Produksi dan Pemasaran Koperasi") or code like "SDIN-%""#

    @Test("the bundled query's CSV read by Python's csv module is the header and the rows, cell for cell",
          .enabled(if: PythonCSV.executable != nil, PythonCSV.absent))
    func pythonReadsQueryOutput() throws {
        let result = try run(Self.query)
        try #require(result.rows.count == 21)
        let csv = Renderer.render(result, RenderOptions(format: .csv))
        #expect(csv.hasPrefix(#""the ""code""",position,"#))
        #expect(csv.contains(#","KEPALA SEKSI PERTANIAN, PERKEBUNAN DAN KEHUTANAN","#))
        let read = try PythonCSV.read(csv)
        let written = [result.columns.map(\.name)] + result.rows.map { row in
            row.map { value -> String in
                // Percentages and ratios have long fractions: compare those as numbers below.
                if case .number = value { return "<number>" }
                return expectedCell(value)
            }
        }
        #expect(read.count == written.count)
        for (index, (back, original)) in zip(read, written).enumerated() {
            #expect(back.count == original.count, "record \(index)")
            for (column, (b, o)) in zip(back, original).enumerated() where o != "<number>" {
                #expect(b == o, "record \(index), column \(result.columns[column].name)")
            }
        }
        // Numbers read back as the same numbers, to the six decimals CSV keeps.
        for (row, back) in zip(result.rows, read.dropFirst()) {
            for (value, text) in zip(row, back) {
                guard case .number(let n) = value else { continue }
                let parsed = try #require(Double(text), "\(text) is not a number")
                #expect(abs(parsed - n) < 5e-7)
            }
        }
        // And our own reader agrees with Python's.
        #expect(try CSVReader.parse(csv, file: "out.csv").map(\.fields) == read)
    }

    @Test("the same with --decimal-comma: Python reads ; separated cells, numbers with a comma",
          .enabled(if: PythonCSV.executable != nil, PythonCSV.absent))
    func pythonReadsDecimalComma() throws {
        let result = try run(Self.query)
        let plain = try PythonCSV.read(Renderer.render(result, RenderOptions(format: .csv)))
        let excel = Renderer.render(result, RenderOptions(format: .csv, decimalComma: true))
        #expect(excel.hasPrefix("\u{FEFF}"))
        let comma = try PythonCSV.read(String(excel.dropFirst()), delimiter: ";")
        #expect(comma.count == plain.count)
        for (r, (a, b)) in zip(comma, plain).enumerated() {
            for (c, (x, y)) in zip(a, b).enumerated() {
                let numeric = r > 0 && (result.columns[c].type == .number || result.columns[c].type == .percent)
                #expect(x == (numeric ? y.replacingOccurrences(of: ".", with: ",") : y))
            }
        }
    }

    @Test("the suite is there", .enabled(if: Spectrum.isAvailable, Spectrum.absent))
    func spectrumPresent() {
        #expect(Spectrum.names.count >= 12)
    }

    @Test("a result built from each csv-spectrum file's records renders to CSV that reads back as those records",
          .enabled(if: Spectrum.isAvailable, Spectrum.absent), arguments: Spectrum.names)
    func spectrumRoundTrip(name: String) throws {
        let records = try Spectrum.records(name)
        try #require(!records.isEmpty)
        let result = ResultSet(columns: records[0].map { Column(name: $0, type: .text) },
                               rows: records.dropFirst().map { $0.map(Value.text) })
        let csv = Renderer.render(result, RenderOptions(format: .csv))
        #expect(try CSVReader.parse(csv, file: "rendered-\(name)").map(\.fields) == records)
        if PythonCSV.executable != nil {
            #expect(try PythonCSV.read(csv) == records)
        }
    }
}
