import Foundation
import Catalogue

/// What `iki check` prints about a loaded dataset: one figure a line (`positions: 54`), details
/// indented under it (the unresolved positions, the rows of each period).
public enum SummaryRenderer {
    /// `catalogue`: the catalogue file as given, named when only one office is loaded.
    public static func render(_ dataset: Dataset, catalogue file: String, diagnostics: [Diagnostic]) -> String {
        let catalogue = dataset.catalogue
        var lines: [String] = []
        let office = [catalogue.metadata.office, catalogue.metadata.region].compactMap { $0 }.joined(separator: ", ")
        if catalogue.offices.count > 1 {
            lines.append("catalogues: \(catalogue.offices.count) offices in \(Set(catalogue.offices.compactMap(\.metadata.region)).count) regions")
        } else {
            lines.append("catalogue: \(file)" + (office.isEmpty ? "" : " (\(office))"))
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
        // Names come from the catalogue: control characters in them are shown escaped.
        return lines.map { TerminalText.escaped($0) }.joined(separator: "\n") + "\n"
    }
}
