import ArgumentParser
import Catalogue
import Foundation
import Query
import Render
import Shell

/// `iki report --period 2026-10 [--output review.html|review.xlsx] [--lang id|en]`: the report
/// for the head of office, made by the same session and queries as the `report` statement.
struct ReportCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "report", abstract: Message.reportAbstract.text, discussion: Message.reportDiscussion.text)
    }

    @Option(help: ArgumentHelp(Message.reportPeriodHelp.text, valueName: "period"))
    var period: String?

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp(Message.reportOutputHelp.text, valueName: "file"))
    var output: String?

    @Flag(name: .long, help: ArgumentHelp(Message.safeHelp.text))
    var safe = false

    @Option(name: .long, help: ArgumentHelp(Message.exportDirHelp.text, valueName: "dir"))
    var exportDir: String?

    @Option(name: .long, help: ArgumentHelp(Message.reportLangHelp.text, valueName: "id|en"))
    var lang: String?

    @Flag(name: .long, help: ArgumentHelp(Message.strictHelp.text))
    var strict = false

    @OptionGroup var data: DataOptions

    func run() throws {
        let config = try data.config()
        // The office reads Indonesian: the report's default, whatever the machine's locale;
        // messages follow the locale as every command's do.
        var language = config?.language ?? .indonesian
        var messages = config?.language ?? Language.fromEnvironment(Iki.environment)
        if let lang {
            guard let chosen = Vocabulary.languageWords[lang.lowercased()] else { throw ValidationError(Message.unknownLanguage(lang).text) }
            language = chosen
            messages = chosen
        }
        try Language.$current.withValue(messages) { try run(in: language, config: config) }
    }

    func run(in language: Language, config: ConfigFile?) throws {
        var chosen: Period?
        if let period {
            guard let p = Period(parsing: period) ?? Period(parsingRange: period) else {
                throw ValidationError(Message.malformedPeriodOption(period).text)
            }
            chosen = p
        }
        if let output, !Session.reportExtensions.contains(Text.fileExtension(output).lowercased()) {
            throw ValidationError(Message.reportFormat(output).text)
        }
        // As every subcommand's -o: in safe mode only inside --export-dir (checked before any work).
        try OutputOptions.validate(output: output, safe: safe, exportDir: exportDir)
        // A page of HTML on a terminal helps nobody: refused before the data is read.
        if output == nil && isatty(STDOUT_FILENO) == 1 { throw ValidationError(Message.reportOnTerminal.text) }
        let sources = try self.data.configured(config).sources()
        let (dataset, diagnostics) = data.load(sources, safe: safe)
        let errors = diagnostics.filter { $0.severity == .error }
        report(diagnostics)
        try admitErrors(errors, strict: strict)
        let session = Session(dataset: dataset, sources: sources, options: RenderOptions(), language: language)
        if let failure = Language.$current.withValue(language, operation: { write(session, chosen) }) {
            printError(failure.description)
            throw ExitCode(1)
        }
        if let output { printError(Message.wroteReport(output, sections: Report.Kind.allCases.count).text) }
    }

    /// Makes the report and writes it; the error, if any.
    func write(_ session: Session, _ period: Period?) -> Diagnostic? {
        do throws(Diagnostic) {
            let made = try session.report(for: period)
            if let output {
                try Session.writeReport(made, to: output, at: nil)
            } else {
                StandardStreams.writeOutput(ReportPage.render(made))
            }
            return nil
        } catch {
            return error
        }
    }
}
