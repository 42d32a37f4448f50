import ArgumentParser
import Catalogue
import Foundation
import Query
import Render

/// `iki organisation`: the organisation as inferred (and completed by an organisation file), with
/// each position's evidence and confidence; `--draft`: the organisation CSV still to fill in.
struct OrganisationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "organisation",
        abstract: "Print the organisation as a tree, each position with its evidence and confidence.",
        discussion: """
        Unresolved positions are marked 'unresolved', those of low confidence 'check'. With --draft, an \
        organisation CSV (position,unit,parent,note) of exactly those, each with its candidates and \
        evidence in 'note': fill in 'unit' (and 'parent'), then load it with --organisation.
        """
    )

    @Flag(help: "Print the organisation CSV of the unresolved and low-confidence positions instead.")
    var draft = false

    @Option(name: .long, help: ArgumentHelp("Output format: \(Vocabulary.choices(OutputFormat.names)) (default: table; csv with --draft)."))
    var format: OutputFormat?

    @OptionGroup var data: DataOptions

    func run() throws {
        // The configuration file fills in what the command line leaves out.
        let data = self.data.configured(try self.data.config())
        let (dataset, diagnostics) = Dataset.load(try data.sources())
        report(diagnostics)
        let result = draft ? OrganisationReport.draft(dataset.catalogue) : OrganisationReport.tree(dataset.catalogue)
        let format = self.format ?? (draft ? .csv : .table)
        var options = RenderOptions(format: format, decimalComma: data.decimalComma)
        // The draft is a file for people to edit in a spreadsheet; the tree's evidence is long.
        options.guardFormulas = draft
        StandardStreams.writeOutput(Renderer.render(result, options))
        if diagnostics.hasErrors { throw ExitCode(1) }
    }
}
