import ArgumentParser
import Catalogue
import Query
import Render
import Shell
import Foundation

/// `iki template`: a CSV to fill in for one period and load back with --realisations.
struct Template: ParsableCommand {
    // Named, as every command: a derived name is a type-name lookup (String(describing:)) at every start.
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "template", abstract: Message.templateAbstract.text) }

    @Option(help: ArgumentHelp(Message.periodOptionHelp.text, valueName: "period"))
    var period: String

    @OptionGroup var data: DataOptions
    /// `-o FILE`: .xlsx for an Excel workbook, else CSV.
    @OptionGroup var out: OutputOptions

    func run() throws {
        // The configuration file fills in what the command line leaves out.
        let out = try self.out.validated()
        let data = self.data.configured(try self.data.config())
        guard let period = Period(parsing: period) else {
            throw ValidationError(Message.malformedPeriodOption(self.period).text)
        }
        var sources = try data.sources()
        if !data.catalogue.isEmpty && data.realisations.isEmpty { sources.realisations = [] }
        let (dataset, diagnostics) = data.load(sources)
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
        var options = RenderOptions(format: .csv, decimalComma: data.decimalComma)
        options.guardFormulas = true
        if out.named == .xlsx {
            // Numbers as numbers in a workbook: the target is a number, not its text.
            let typed = ResultSet(columns: result.columns, rows: rows.map { row in
                var row = row
                if case .text(let t) = row[9] { row[9] = NumberFormat(decimalComma: data.decimalComma).parse(t).map(Value.number) ?? row[9] }
                return row
            })
            options.format = .xlsx
            try out.write(typed, options)
            return
        }
        try out.write(result, options)
    }
}
