import ArgumentParser
import Catalogue
import Query
import Render

/// `iki lint`: the catalogue's quality check, one finding per row with its place, rule and reason.
struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the catalogue's indicators against the SAKIP and SMART-C rules; list each finding with its place.",
        discussion: "Exit status 1 when a finding is an error (warnings allowed)."
    )

    @Option(name: .long, help: ArgumentHelp("Output format: \(Vocabulary.choices(OutputFormat.names))."))
    var format: OutputFormat = .table

    @OptionGroup var data: DataOptions

    func run() throws {
        // The configuration file fills in what the command line leaves out.
        let data = self.data.configured(try self.data.config())
        let (dataset, diagnostics) = Dataset.load(try data.sources())
        report(diagnostics)
        var options = RenderOptions(format: format, decimalComma: data.decimalComma)
        StandardStreams.writeOutput(Renderer.render(LintReport.result(dataset.catalogue), options))
        if diagnostics.hasErrors || LintReport.hasErrors(dataset.catalogue) { throw ExitCode(1) }
    }
}
