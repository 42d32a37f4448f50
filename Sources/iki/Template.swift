import ArgumentParser
import Catalogue

/// `iki template`: a CSV to fill in for one period and load back with --realisations.
struct Template: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a realisations CSV for one period, one row per indicator, target pre-filled where known."
    )

    @Option(help: ArgumentHelp("The period to report, e.g. 2026-10, 2026-Q3, TW3 2026, 2026.", valueName: "period"))
    var period: String

    @OptionGroup var data: DataOptions

    func run() throws {
        guard let period = Period(parsing: period) else {
            throw ValidationError(Message.malformedPeriodOption(self.period).text)
        }
        var sources = try data.sources()
        if !data.catalogue.isEmpty && data.realisations.isEmpty { sources.realisations = [] }
        let (dataset, diagnostics) = Dataset.load(sources)
        report(diagnostics)
        if diagnostics.hasErrors { throw ExitCode(2) }
        let delimiter: Character = data.decimalComma ? ";" : ","
        var out = CSVWriter.line(["code", "position", "indicator", "kind", "unit", "period", "value", "numerator", "denominator", "target", "note"], delimiter: delimiter)
        for (i, indicator) in dataset.catalogue.indicators.enumerated() {
            let position = dataset.catalogue.positions[indicator.positionIndex]
            let target = dataset.evaluate(i, in: period).target
            let unit = indicator.kind == .ratio ? "%" : (indicator.formula.targetUnit ?? "")
            out += CSVWriter.line([indicator.code, position.title, indicator.name, indicator.kind.rawValue, unit, period.description,
                                   "", "", "", target.map { formatNumber($0, decimalComma: data.decimalComma) } ?? "", ""], delimiter: delimiter)
        }
        print(out, terminator: "")
    }
}

import Foundation
