import ArgumentParser
import Catalogue

/// `iki check`: load everything, summarise, report every diagnostic.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load the catalogue, organisation and realisations; print a summary and every diagnostic.",
        discussion: "Exit status 0 when there are no errors (warnings allowed), 1 otherwise."
    )

    @OptionGroup var data: DataOptions

    func run() throws {
        let sources = try data.sources()
        let (dataset, diagnostics) = Dataset.load(sources)
        report(diagnostics)
        print(Self.summary(dataset, sources: sources, diagnostics: diagnostics), terminator: "")
        if diagnostics.hasErrors { throw ExitCode(1) }
    }

    static func summary(_ dataset: Dataset, sources: Dataset.Sources, diagnostics: [Diagnostic]) -> String {
        let catalogue = dataset.catalogue
        var lines: [String] = []
        let office = [catalogue.metadata.office, catalogue.metadata.region].compactMap { $0 }.joined(separator: ", ")
        if catalogue.offices.count > 1 {
            lines.append("catalogues: \(catalogue.offices.count) offices in \(Set(catalogue.offices.compactMap(\.metadata.region)).count) regions")
        } else {
            lines.append("catalogue: \(sources.catalogue)" + (office.isEmpty ? "" : " (\(office))"))
        }
        lines.append("positions: \(catalogue.positions.count)")
        let ratios = catalogue.indicators.filter { $0.kind == .ratio }.count
        lines.append("indicators: \(catalogue.indicators.count) (\(ratios) ratio, \(catalogue.indicators.count - ratios) count)")
        let units = catalogue.organisation.units
        let kinds = UnitKind.allCases.compactMap { kind -> String? in
            let n = units.filter { $0.kind == kind }.count
            return n == 0 ? nil : "\(n) \(kind.rawValue)"
        }
        lines.append("units: \(units.count)" + (kinds.isEmpty ? "" : " (\(kinds.joined(separator: ", ")))"))
        let unresolved = catalogue.unresolvedPositions
        lines.append("unresolved positions: \(unresolved.count)")
        for p in unresolved { lines.append("  \(catalogue.positions[p].title)") }
        // One pass: rows, reported, blank and with a target, per period.
        var counts: [Period: (rows: Int, reported: Int, blank: Int, targets: Int)] = [:]
        dataset.realisations.forEachRow { _, period, isReported, hasTarget in
            var c = counts[period] ?? (0, 0, 0, 0)
            c.rows += 1
            if isReported { c.reported += 1 } else if !hasTarget { c.blank += 1 }
            if hasTarget { c.targets += 1 }
            counts[period] = c
        }
        lines.append("realisation rows: \(dataset.realisations.rows.count) in \(counts.count) periods")
        for (period, c) in counts.sorted(by: { $0.key < $1.key }) {
            lines.append("  \(period.description.padding(toLength: 8, withPad: " ", startingAt: 0)) \(c.rows) rows: \(c.reported) reported, \(c.blank) not reported, \(c.targets) with a target")
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        lines.append("diagnostics: \(errors) errors, \(diagnostics.count - errors) warnings")
        return lines.joined(separator: "\n") + "\n"
    }
}
