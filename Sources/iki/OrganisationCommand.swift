import ArgumentParser
import Catalogue
import Foundation
import Query
import Render

/// `iki organisation`: the organisation as inferred (and completed by an organisation file), with
/// each position's evidence and confidence; `--draft`: the organisation CSV still to fill in.
struct OrganisationCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "organisation", abstract: Message.organisationAbstract.text, discussion: Message.organisationDiscussion.text)
    }

    @Flag(help: ArgumentHelp(Message.draftHelp.text))
    var draft = false

    @Option(name: .long, help: ArgumentHelp(Message.organisationFormatHelp(Vocabulary.choices(OutputFormat.names, Message.orWord.text)).text))
    var format: OutputFormat?

    @OptionGroup var data: DataOptions
    @OptionGroup var out: OutputOptions

    func run() throws {
        // The configuration file fills in what the command line leaves out.
        let out = try self.out.validated()
        let data = self.data.configured(try self.data.config())
        let (dataset, diagnostics) = data.load(try data.sources())
        report(diagnostics)
        let result = draft ? OrganisationReport.draft(dataset.catalogue) : OrganisationReport.tree(dataset.catalogue)
        let format = self.format ?? out.named ?? (draft ? .csv : .table)
        var options = RenderOptions(format: format, decimalComma: data.decimalComma)
        // The draft is a file for people to edit in a spreadsheet; the tree's evidence is long.
        options.guardFormulas = draft
        try out.write(result, options)
        if diagnostics.hasErrors { throw ExitCode(1) }
    }
}
