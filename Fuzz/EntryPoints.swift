// What each fuzz harness does with one input, shared (through symbolic links) by the harnesses in
// Fuzz/Sources/Fuzz*/ and by the replay of Tests/Fuzz/regressions/ in Tests/QueryTests, so that an
// input that crashed a harness is replayed by `swift test` through exactly the same calls.
//
// After a refactor of the loaders or the query pipeline, these three functions are what to update.

import Base
import Catalogue
import Query
import Render

enum FuzzEntry {
    /// One input as a catalogue file: read it, infer the organisation, look every code up, and
    /// describe every diagnostic.
    static func catalogue(_ bytes: [UInt8]) -> Int {
        let (catalogue, diagnostics) = Catalogue.read(bytes, file: "<fuzz>")
        var sum = catalogue.positions.count &+ catalogue.indicators.count
        for diagnostic in diagnostics + catalogue.organisationDiagnostics() { sum &+= diagnostic.description.utf8.count }
        for indicator in catalogue.indicators { sum &+= catalogue.indicatorIndex(code: indicator.code) ?? 0 }
        return sum
    }

    /// One input for the CSV loaders over `catalogue`: the first byte chooses the loader (even: an
    /// organisation file; odd: realisations), bit 1 `--decimal-comma`; the rest is the file.
    /// Realisations are then evaluated for every indicator in (up to four of) the periods they name.
    static func csv(_ bytes: [UInt8], catalogue bundled: Catalogue) -> Int {
        guard let mode = bytes.first else { return 0 }
        let file = Array(bytes.dropFirst())
        var catalogue = bundled
        let format = NumberFormat(decimalComma: mode & 2 != 0)
        if mode & 1 == 0 {
            do {
                let records = try CSVReader.parse(file, file: "<fuzz>", delimiter: format.delimiter)
                return OrganisationFile.apply(records: records, file: "<fuzz>", to: &catalogue).count &+ catalogue.organisationDiagnostics().count
            } catch {
                return error.description.utf8.count
            }
        }
        var store = RealisationStore(indicatorCount: catalogue.indicators.count)
        var sum = store.load(text: String(decoding: file, as: UTF8.self), file: "<fuzz>", catalogue: &catalogue, format: format).count
        let dataset = Dataset(catalogue: catalogue, realisations: store)
        var periods: [Period] = []
        store.forEachRow { _, period, _, _ in if periods.count < 4 && !periods.contains(period) { periods.append(period) } }
        for period in periods {
            for indicator in catalogue.indicators.indices {
                let e = dataset.evaluate(indicator, in: period)
                sum &+= Int(truncatingIfNeeded: (e.realisation ?? 0).bitPattern &+ (e.target ?? 0).bitPattern)
            }
        }
        return sum
    }

    /// Parameters the query harness gives statements (`$period`, `$bidang`, `$n`).
    static let parameters: [String: Value] = ["period": .period(.month(2026, 10)), "bidang": .text("Fasilitasi Pembiayaan"), "n": .number(80)]

    /// One input as the text of statements over `dataset`: parse, then run each (resolve,
    /// execute) and render its result in every output format (CSV also with decimal commas);
    /// a diagnostic is rendered with its source line. Nothing is written: `export` runs its query
    /// only, and the interpreter refuses session commands.
    static func query(_ bytes: [UInt8], dataset: Dataset) -> Int {
        let text = String(decoding: bytes, as: UTF8.self)
        let interpreter = Interpreter(dataset: dataset, parameters: parameters)
        var sum = 0
        do {
            for statement in try Parser.parse(text) {
                do {
                    let result = try interpreter.run(statement)
                    for format in OutputFormat.allCases {
                        sum &+= Renderer.render(result, RenderOptions(format: format, colour: true)).utf8.count
                    }
                    sum &+= Renderer.render(result, RenderOptions(format: .csv, decimalComma: true)).utf8.count
                } catch {
                    sum &+= error.rendered(source: text).utf8.count
                }
            }
        } catch {
            sum &+= error.rendered(source: text).utf8.count
        }
        return sum
    }
}
