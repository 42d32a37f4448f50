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
        let rows = dataset.realisations.rows
        let periods = Set(rows.map(\.period)).sorted()
        lines.append("realisation rows: \(rows.count) in \(periods.count) periods")
        for period in periods {
            let inPeriod = rows.filter { $0.period == period }
            let reported = inPeriod.filter(\.isReported).count
            let targets = inPeriod.filter { $0.target != nil }.count
            let blank = inPeriod.filter { !$0.isReported && $0.target == nil }.count
            lines.append("  \(period.description.padding(toLength: 8, withPad: " ", startingAt: 0)) \(inPeriod.count) rows: \(reported) reported, \(blank) not reported, \(targets) with a target")
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        lines.append("diagnostics: \(errors) errors, \(diagnostics.count - errors) warnings")
        return lines.joined(separator: "\n") + "\n"
    }
}
