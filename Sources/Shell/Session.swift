import Catalogue
import Foundation
import Query
import Render

/// One session of statements, the same for the REPL, `-c` and scripts: the loaded data, the
/// settings (`set format`, `set period`, `set output`, `set timer`), exports and help.
public final class Session {
    public private(set) var dataset: Dataset
    public private(set) var sources: Dataset.Sources
    public var options: RenderOptions
    public var parameters: [String: Value]
    /// Keep running the statements after one fails (`--keep-going`); the run still fails.
    public var keepGoing: Bool
    public private(set) var quitRequested = false
    /// The period statements without `for` use; nil for the latest with realisations.
    public private(set) var period: Period?
    public private(set) var timer = false
    /// Where results go until `set output stdout`; nil is standard output.
    public private(set) var outputPath: String?
    /// The width results on standard output fit (`--width`, `set width`); nil for no limit.
    public var width: Int?
    /// Fit results on standard output to the terminal's width, read at each result (on a
    /// terminal, until `--width` or `set width` says otherwise).
    public var followsTerminal = false
    /// Say what each export wrote (`wrote under-80.csv (23 rows)`): on a terminal only, where a
    /// person waits for it; scripts in pipes stay quiet.
    public var announceExports = false
    private var outputBuffer = ""
    private var wroteResult = false
    private let standardOutput: (String) -> Void
    private let standardError: (String) -> Void

    public init(dataset: Dataset, sources: Dataset.Sources, options: RenderOptions, parameters: [String: Value] = [:], keepGoing: Bool = false,
                standardOutput: @escaping (String) -> Void = Session.writeStandardOutput,
                standardError: @escaping (String) -> Void = Session.writeStandardError) {
        self.dataset = dataset
        self.sources = sources
        self.options = options
        self.parameters = parameters
        self.keepGoing = keepGoing
        self.standardOutput = standardOutput
        self.standardError = standardError
    }

    public static func writeStandardOutput(_ text: String) {
        StandardStreams.writeOutput(text)
    }

    public static func writeStandardError(_ text: String) {
        StandardStreams.writeError(text)
    }

    /// One line for the REPL's start: office, positions, indicators, latest period.
    public func banner() -> String {
        let c = dataset.catalogue
        let office = [c.metadata.office, c.metadata.region].compactMap { $0 }.joined(separator: ", ")
        // The office's name comes from the catalogue: no escape sequence of its reaches the terminal.
        return Message.banner(office: TerminalText.escaped(office.isEmpty ? c.file : office), positions: c.positions.count, indicators: c.indicators.count,
                              latest: dataset.realisations.latestPeriod?.description).text
    }

    /// Runs every statement of `text`. Diagnostics go to standard error with the offending line
    /// and a caret; results to standard output or the current output file. Returns false when a
    /// statement failed (the rest are skipped unless `keepGoing`).
    ///
    /// The text is parsed once, every statement with its own diagnostic, and the statements run
    /// in order: those before a syntax error run, and a syntax error is reported when its
    /// statement's turn comes, so `keepGoing` goes on after one as after any other error.
    @discardableResult
    public func run(_ text: String, file: String, line: Int = 1) -> Bool {
        let lines = SourceLines(text)
        var ok = true
        for parsed in Parser.script(text, file: file, line: line, formats: OutputFormat.names) {
            if quitRequested || Interrupt.pending { break }
            do {
                try execute(try parsed.result.get(), lines: lines)
            } catch {
                standardError(Self.render(error, lines: lines, file: file) + "\n")
                ok = false
                if !keepGoing { break }
            }
        }
        return ok
    }

    /// A diagnostic with the offending line and caret when it is about `file` (whose text is
    /// `source`); one about another file (a CSV being loaded) without them.
    static func render(_ diagnostic: Diagnostic, lines: SourceLines, file: String) -> String {
        diagnostic.location?.file == file ? diagnostic.rendered(lines: lines) : diagnostic.description
    }

    func execute(_ statement: Statement, lines: SourceLines) throws(Diagnostic) {
        let started = DispatchTime.now()
        // Statements run while the timer is on are timed: not `set timer on` itself.
        let timing = timer
        switch statement {
        case .query(.explain(let show, _)):
            // The plan as text, whatever the output format: it is read, not processed.
            let plan = try interpreter().plan(show)
            for warning in plan.warnings { standardError(warning.rendered(lines: lines) + "\n") }
            try emit(plan.text)
        case .query(let question):
            let result = try interpreter().run(question)
            for warning in result.warnings { standardError(warning.rendered(lines: lines) + "\n") }
            var shown = options
            // Files get every text whole; standard output fits the terminal or the width asked for.
            shown.width = outputPath != nil ? nil : followsTerminal ? TerminalSize.of(STDOUT_FILENO)?.columns : width
            try emit(Renderer.render(result, shown))
        case .command(.export(let show, let rawPath, let format, let token)):
            let path = try expand(rawPath, at: token)
            let result = try interpreter().run(.show(show))
            for warning in result.warnings { standardError(warning.rendered(lines: lines) + "\n") }
            let chosen: OutputFormat
            if let named = format.flatMap(OutputFormat.init(rawValue:)) { chosen = named } else { chosen = try Self.format(forPath: path, at: token) }
            var exportOptions = options
            exportOptions.format = chosen
            exportOptions.colour = false
            exportOptions.width = nil
            exportOptions.guardFormulas = true
            try AtomicFile.write(Renderer.render(result, exportOptions), to: path, at: token)
            if announceExports { standardError(Message.wrote(path, rows: result.rows.count).text + "\n") }
        case .command(.set(let setting, let token)):
            try apply(setting, at: token)
        case .command(.load(let kind, let path, let token)):
            try load(kind, path, at: token)
        case .command(.help(let topic, let token)):
            try emit(try Help.text(topic, at: token))
        case .command(.quit):
            quitRequested = true
        }
        if timing && timer {
            let ms = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000
            standardError(Message.elapsed(milliseconds: String(format: "%.3f", ms)).text + "\n")
        }
    }

    /// Evaluations shared by the session's statements; a new one whenever `load` changes the data.
    private var cache = EvaluationCache()

    func interpreter() -> Interpreter {
        var interpreter = Interpreter(dataset: dataset, period: period, parameters: parameters)
        interpreter.isCancelled = { Interrupt.pending }
        interpreter.cache = cache
        return interpreter
    }

    /// Writes a result where results go now; a table after another gets a blank line between.
    func emit(_ text: String) throws(Diagnostic) {
        if let outputPath {
            do {
                let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
                try handle.seekToEnd()
                try handle.write(contentsOf: Data(text.utf8))
                try handle.close()
            } catch {
                throw Diagnostic.error(.cannotWrite(outputPath, error.localizedDescription))
            }
            return
        }
        // Tables for people are kept apart; data for programs is written as it comes.
        let separator = wroteResult && options.format.row.forPeople ? "\n" : ""
        wroteResult = true
        standardOutput(separator + text)
    }

    /// The formats `export` names in its messages: data formats first, the table last.
    static var exportFormats: [OutputFormat] {
        // auto and record have no extension of their own: a file says `format record` to get one.
        let named = OutputFormat.allCases.filter { !$0.row.extensions.isEmpty }
        return named.filter { !$0.row.forPeople } + named.filter(\.row.forPeople)
    }

    static func format(forPath path: String, at token: Token) throws(Diagnostic) -> OutputFormat {
        if let format = OutputFormat(extension: (path as NSString).pathExtension) { return format }
        throw .error(.formatFromExtension(path, formats: Self.exportFormats.map(\.rawValue)), at: token)
    }

    /// `$name` in a file name is replaced by the parameter's text, so scripts can write into a
    /// folder given on the command line: `to "$out/under-80.csv"`.
    func expand(_ path: String, at token: Token) throws(Diagnostic) -> String {
        guard path.contains("$") else { return path }
        var out = ""
        var rest = Substring(path)
        while let dollar = rest.firstIndex(of: "$") {
            out += rest[..<dollar]
            rest = rest[rest.index(after: dollar)...]
            let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            guard !name.isEmpty else { out += "$"; continue }
            guard let value = parameters[String(name)] else {
                throw .error(.unknownFileParameter(String(name), path: path), at: token, notes: [.giveParameter(String(name), example: "VALUE")])
            }
            // A number too big to write without an exponent (--param out=1e20) names no file anyone meant.
            if case .number(let n) = value, numberLiteral(n).contains("e") {
                throw .error(.numberCannotNameFile(String(name), numberLiteral(n)), at: token,
                             notes: [.giveParameter(String(name), example: "review-2026-10")])
            }
            out += value.asText
            rest = rest.dropFirst(name.count)
        }
        return out + rest
    }

    func apply(_ setting: Setting, at token: Token) throws(Diagnostic) {
        switch setting {
        case .format(let name):
            guard let f = OutputFormat(rawValue: name) else { throw .error(.unknownFormat(name), at: token) }
            options.format = f
        case .period(let p): period = p
        case .periodParameter(let name):
            guard let value = parameters[name] else {
                throw .error(.unknownParameter(name), at: token, notes: [.giveParameter(name)])
            }
            guard let p = value.asPeriod else {
                throw .error(.parameterNotAPeriod(name), at: token, notes: [.periodForms])
            }
            period = p
        case .timer(let on): timer = on
        case .width(let columns):
            width = columns == 0 ? nil : columns
            followsTerminal = false
        case .output(let rawPath):
            let path = try rawPath.map { p throws(Diagnostic) in try expand(p, at: token) }
            if let path {
                // Start the file afresh: results are appended to it until `set output stdout`.
                do {
                    try Data().write(to: URL(fileURLWithPath: path))
                } catch {
                    throw .error(.cannotWrite(path, error.localizedDescription), at: token)
                }
                options.colour = false
            }
            // A file is for people to open, perhaps in a spreadsheet; standard output for programs.
            options.guardFormulas = path != nil
            outputPath = path
        case .parameter(let name, let value): parameters[name] = value
        }
    }

    func load(_ kind: LoadKind, _ path: String, at token: Token) throws(Diagnostic) {
        var sources = self.sources
        switch kind {
        case .catalogue:
            sources.catalogue = path
            sources.organisation = nil
            sources.realisations = []
        case .organisation: sources.organisation = path
        case .realisations: sources.realisations.append(path)
        }
        let (loaded, diagnostics) = Dataset.load(sources)
        let errors = diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else {
            // In the order of the file; the last carries the note (and the statement's place when
            // it has none of its own, as for a file that cannot be read).
            for d in errors.dropLast() { standardError(d.description + "\n") }
            var last = errors[errors.count - 1]
            if last.location == nil {
                last.location = token.location
                last.length = token.length
            }
            last.notes.append(Message.nothingLoaded.text)
            throw last
        }
        for d in diagnostics { standardError(d.description + "\n") }
        dataset = loaded
        cache = EvaluationCache()
        self.sources = sources
        standardError(Message.loaded(positions: loaded.catalogue.positions.count, indicators: loaded.catalogue.indicators.count,
                                     rows: loaded.realisations.rows.count).text + "\n")
    }
}

/// Set by the SIGINT handler of the REPL: abandon the statements still to run.
public enum Interrupt {
    nonisolated(unsafe) public static var pending = false
}
