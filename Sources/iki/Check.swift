import ArgumentParser
import Catalogue
import Render

/// `iki check`: load everything, summarise, report every diagnostic.
struct Check: ParsableCommand {
    // Named, as every command: a derived name is a type-name lookup (String(describing:)) at every start.
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "check", abstract: Message.checkAbstract.text, discussion: Message.checkDiscussion.text)
    }

    @OptionGroup var data: DataOptions
    @OptionGroup var out: OutputOptions

    func run() throws {
        // The configuration file fills in what the command line leaves out.
        let out = try self.out.validated()
        let data = self.data.configured(try self.data.config())
        let sources = try data.sources()
        let (dataset, diagnostics) = data.load(sources)
        report(diagnostics)
        // The summary is written even when the data has errors: it is the report of them.
        try out.write(SummaryRenderer.render(dataset, catalogue: sources.catalogue, diagnostics: diagnostics))
        if diagnostics.hasErrors { throw ExitCode(1) }
    }
}
