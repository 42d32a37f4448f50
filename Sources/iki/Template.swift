import ArgumentParser
import Catalogue
import Query
import Render

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
        // Targets with at most two decimals, as analysts write them; the cells to fill in are blank.
        let text = { (s: String) in Value.text(s) }
        let columns = ["code", "position", "indicator", "kind", "unit", "period", "value", "numerator", "denominator", "target", "note"]
        let types: [ValueType] = [.text, .text, .text, .text, .text, .period, .number, .number, .number, .number, .text]
        let rows = dataset.catalogue.indicators.indices.map { i -> [Value] in
            let indicator = dataset.catalogue.indicators[i]
            let position = dataset.catalogue.positions[indicator.positionIndex]
            let target = dataset.evaluate(i, in: period).target
            let unit = indicator.kind == .ratio ? "%" : (indicator.formula.targetUnit ?? "")
            return [text(indicator.code), text(position.title), text(indicator.name), text(indicator.kind.rawValue), text(unit),
                    .period(period), .missing, .missing, .missing,
                    target.map { text(formatNumber($0, decimalComma: data.decimalComma)) } ?? .missing, .missing]
        }
        let result = ResultSet(columns: zip(columns, types).map { Column(name: $0, type: $1) }, rows: rows)
        let out = Renderer.render(result, { var o = RenderOptions(format: .csv, decimalComma: data.decimalComma); o.guardFormulas = true; return o }())
        StandardStreams.writeOutput(out)
    }
}
