import ArgumentParser
import Catalogue
import Foundation
import Query
import Render
import REPL
import Shell

extension OutputFormat: ExpressibleByArgument {}

/// `iki [-c QUERY]... [SCRIPT]...`: run queries and scripts over the data.
struct Run: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "run", abstract: Message.runAbstract.text, discussion: Message.runDiscussion.text)
    }

    @Option(name: .short, help: ArgumentHelp(Message.queryOptionHelp.text, valueName: "query"))
    var command: [String] = []

    @Option(name: .long, help: ArgumentHelp(Message.formatOptionHelp(Vocabulary.choices(OutputFormat.names, Message.orWord.text)).text))
    var format: OutputFormat = .auto

    @Option(name: .long, help: ArgumentHelp(Message.widthOptionHelp.text, valueName: "columns"))
    var width: Int?

    @Flag(name: .long, help: ArgumentHelp(Message.shortcutHelp("csv").text)) var csv = false
    @Flag(name: .long, help: ArgumentHelp(Message.shortcutHelp("json").text)) var json = false
    @Flag(name: .long, help: ArgumentHelp(Message.shortcutHelp("markdown").text)) var markdown = false

    @Flag(name: .long, help: ArgumentHelp(Message.noPagerHelp.text))
    var noPager = false

    @Option(name: .customShort("f"), help: ArgumentHelp(Message.fileOptionHelp.text, valueName: "file"))
    var file: [String] = []

    @Option(name: .customShort("o"), help: ArgumentHelp(Message.runOutputHelp.text, valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp(Message.paramOptionHelp.text, valueName: "name=value"))
    var param: [String] = []

    @Flag(name: .long, help: ArgumentHelp(Message.keepGoingHelp.text))
    var keepGoing = false

    @Option(name: .long, help: ArgumentHelp(Message.languageOptionHelp.text, valueName: "id|en"))
    var lang: String?
    @Flag(name: .long, help: ArgumentHelp(Message.strictHelp.text))
    var strict = false

    @Flag(name: .long, help: ArgumentHelp(Message.safeHelp.text))
    var safe = false

    @Option(name: .long, help: ArgumentHelp(Message.exportDirHelp.text, valueName: "dir"))
    var exportDir: String?

    @OptionGroup var data: DataOptions

    @Argument(help: ArgumentHelp(Message.scriptsArgumentHelp.text, valueName: "script"))
    var scripts: [String] = []

    /// Two format shortcuts, or a shortcut and another `--format`, is a usage error (exit 2) naming
    /// both, as swift-argument-parser reports exclusive flags.
    func validate() throws {
        let language = (try? chosenLanguage()) ?? .english
        if let (first, second) = conflictingFormats() {
            throw ValidationError(Language.$current.withValue(language) { Message.conflictingFormatFlags(first, second).text })
        }
    }

    /// The first two format options that disagree, as written on the command line.
    func conflictingFormats() -> (String, String)? {
        var given = [(csv, "--csv", OutputFormat.csv), (json, "--json", .json), (markdown, "--markdown", .markdown)]
            .filter(\.0).map { ($0.1, $0.2) }
        if format != .auto { given.append(("--format \(format.rawValue)", format)) }
        for (i, a) in given.enumerated() {
            if let b = given[(i + 1)...].first(where: { $0.1 != a.1 }) { return (a.0, b.0) }
        }
        return nil
    }

    /// Everything runs in the chosen language: `--lang`, else the locale's.
    func run() throws {
        let config = try data.config()
        let language = try chosenLanguage(config)
        try Language.$current.withValue(language) { try run(in: language, config: config) }
    }

    /// `--lang`, else the configuration file's, else the locale's.
    func chosenLanguage(_ config: ConfigFile? = nil) throws -> Language {
        guard let lang else { return config?.language ?? Language.fromEnvironment(Iki.environment) }
        guard let chosen = Vocabulary.languageWords[lang.lowercased()] else {
            throw ValidationError(Message.unknownLanguage(lang).text)
        }
        return chosen
    }

    func run(in language: Language, config: ConfigFile?) throws {
        // The configuration file fills in what the command line leaves out.
        let data = self.data.configured(config)
        var parameters: [String: Value] = [:]
        for p in param {
            guard let eq = p.firstIndex(of: "="), eq != p.startIndex else {
                throw ValidationError(Message.parameterNotNameValue(p).text)
            }
            parameters[String(p[..<eq])] = typedParameter(String(p[p.index(after: eq)...]))
        }
        if let width, width < 0 || width > 10_000 { throw ValidationError(Message.expectedWidthOption(width).text) }
        let sources = try data.sources()
        let (dataset, diagnostics) = data.load(sources, language: language, safe: safe)
        let errors = diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            // One bad row in a monthly file should not stop the review: the rows with errors are
            // listed and left out, and the rest is loaded.
            report(errors)
            try admitErrors(errors, strict: strict)
        } else if !diagnostics.isEmpty {
            printError(Message.dataHasWarnings(diagnostics.count).text)
        }
        var inputs: [(text: String, file: String)] = command.map { ($0, "<query>") }
        for script in file + scripts {
            if script == "-" {
                inputs.append((readAll(FileHandle.standardInput), "<stdin>"))
            } else {
                guard let data = FileManager.default.contents(atPath: script), let text = String(data: data, encoding: .utf8) else {
                    printError(Message.cannotReadScript(script).text)
                    throw ExitCode(2)
                }
                inputs.append((text, script))
            }
        }
        // -o FILE without a format: the file's extension names it, as for export.
        let named = output.flatMap { OutputFormat(extension: Text.fileExtension($0)) }
        let format = csv ? .csv : json ? .json : markdown ? .markdown : self.format == .auto ? named ?? config?.format ?? .auto : self.format
        if format.row.document != nil { throw ValidationError(Message.formatForFilesOnly(format.rawValue).text) }
        let interactive = inputs.isEmpty && isatty(STDIN_FILENO) == 1 && output == nil
        let colour = format.row.forPeople && isatty(STDOUT_FILENO) == 1 && Iki.environment["NO_COLOR"] == nil && output == nil
        var options = RenderOptions(format: format, decimalComma: data.decimalComma, colour: colour)
        // -o FILE: results are kept and written whole at the end, for people who open the file.
        let collected = Collected()
        options.guardFormulas = output != nil
        let session = output == nil
            ? Session(dataset: dataset, sources: sources, options: options, parameters: parameters, keepGoing: keepGoing, language: language)
            : Session(dataset: dataset, sources: sources, options: options, parameters: parameters, keepGoing: keepGoing, language: language,
                      standardOutput: { collected.text += $0 })
        session.strict = strict
        // The report is in Indonesian unless English was asked for, not merely the locale's.
        if lang != nil || config?.language != nil { session.reportLanguage = language }
        session.reported = Set(diagnostics)
        session.snapshot = data.snapshotPolicy(safe: safe)
        if safe || SafeMode.requested(by: Iki.environment) {
            session.safeMode = SafeMode(exportDirectory: exportDir)
            // -o is confined as exports are: only inside --export-dir.
            if let output {
                do { _ = try SafeMode(exportDirectory: exportDir).outputPath(output) } catch { throw ValidationError(error.message) }
            }
        } else if exportDir != nil {
            throw ValidationError(Message.exportDirWithoutSafe.text)
        }
        session.width = width.flatMap { $0 == 0 ? nil : $0 }
        session.announceExports = isatty(STDERR_FILENO) == 1 && !data.quiet
        session.progress = ProgressLine.standardError(quiet: data.quiet, language: language)
        session.followsTerminal = width == nil && isatty(STDOUT_FILENO) == 1 && output == nil
        // psql's rule: a pager only when standard output is a terminal, in -c and scripts too.
        if !noPager && output == nil && isatty(STDOUT_FILENO) == 1, let command = Pager.command(environment: Iki.environment) {
            session.page = { text in
                guard let size = TerminalSize.of(STDOUT_FILENO), Pager.needed(text, rows: size.rows - 1, columns: size.columns) else { return false }
                return Pager.show(text, command: command)
            }
        }
        if interactive {
            runInteractive(session)
            if !session.finish() { throw ExitCode(1) }
            return
        }
        if inputs.isEmpty { inputs.append((readAll(FileHandle.standardInput), "<stdin>")) }
        var failed = false
        for input in inputs {
            if !session.run(input.text, file: input.file) {
                failed = true
                if !keepGoing { break }
            }
            if session.quitRequested { break }
        }
        if !session.finish() { failed = true }
        if failed {
            if let output { printError(Message.outputNotWritten(output).text) }
            throw ExitCode(1)
        }
        if let output {
            do {
                try AtomicFile.write(collected.text, to: output)
            } catch {
                printError(error.description)
                throw ExitCode(1)
            }
        }
    }

    /// The results of a run with `-o`, until they are written.
    final class Collected: @unchecked Sendable {
        var text = ""
    }

    func readAll(_ handle: FileHandle) -> String {
        String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
    }
}

/// `--param` values are typed: a period (2026-10), a number (80), else text. Never pasted into the query.
func typedParameter(_ text: String) -> Value {
    if text.contains("-") || text.lowercased().hasPrefix("tw") || text.lowercased().hasPrefix("semester") || text.lowercased().hasPrefix("triwulan"),
       let p = Period(parsing: text) { return .period(p) }
    if let n = NumberFormat().parse(text) { return .number(n) }
    return .text(text)
}

func printError(_ text: String) {
    StandardStreams.writeError(text + "\n")
}
