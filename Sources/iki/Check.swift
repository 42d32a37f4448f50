import ArgumentParser
import Catalogue
import Render

/// `iki check`: load everything, summarise, report every diagnostic.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load the catalogue, organisation and realisations; print a summary and every diagnostic.",
        discussion: "Exit status 0 when there are no errors (warnings allowed), 1 otherwise."
    )

    @OptionGroup var data: DataOptions

    func run() throws {
        // The configuration file fills in what the command line leaves out.
        let data = self.data.configured(try self.data.config())
        let sources = try data.sources()
        let (dataset, diagnostics) = Dataset.load(sources)
        report(diagnostics)
        StandardStreams.writeOutput(SummaryRenderer.render(dataset, catalogue: sources.catalogue, diagnostics: diagnostics))
        if diagnostics.hasErrors { throw ExitCode(1) }
    }
}
