import ArgumentParser
import Catalogue
import Query
import Render

/// `iki lint`: the catalogue's quality check, one finding per row with its place, rule and reason.
struct Lint: ParsableCommand {
    // Named, as every command: a derived name is a type-name lookup (String(describing:)) at every start.
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "lint", abstract: Message.lintAbstract.text, discussion: Message.lintDiscussion.text)
    }

    @Option(name: .long, help: ArgumentHelp(Message.formatOptionHelp(Vocabulary.choices(OutputFormat.names, Message.orWord.text)).text))
    var format: OutputFormat?

    @OptionGroup var data: DataOptions
    @OptionGroup var out: OutputOptions

    func run() throws {
        // The configuration file fills in what the command line leaves out.
        let out = try self.out.validated()
        let data = self.data.configured(try self.data.config())
        let (dataset, diagnostics) = data.load(try data.sources())
        report(diagnostics)
        let options = RenderOptions(format: format ?? out.named ?? .table, decimalComma: data.decimalComma)
        // The findings are written even when some are errors: they are the report.
        try out.write(LintReport.result(dataset.catalogue), options)
        if diagnostics.hasErrors || LintReport.hasErrors(dataset.catalogue) { throw ExitCode(1) }
    }
}
