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
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    public static func writeStandardError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// One line for the REPL's start: office, positions, indicators, latest period.
    public func banner() -> String {
        let c = dataset.catalogue
        let office = [c.metadata.office, c.metadata.region].compactMap { $0 }.joined(separator: ", ")
        let latest = dataset.realisations.latestPeriod.map { "latest period \($0)" } ?? "no realisations"
        return "iki: \(office.isEmpty ? c.file : office): \(c.positions.count) positions, \(c.indicators.count) indicators, \(latest). Type 'help' for help."
    }

    /// Runs every statement of `text`. Diagnostics go to standard error with the offending line
    /// and a caret; results to standard output or the current output file. Returns false when a
    /// statement failed (the rest are skipped unless `keepGoing`).
    ///
    /// Statements are parsed one at a time, so the statements before a syntax error run, and
    /// `keepGoing` goes on after one, as it does after any other error.
    @discardableResult
    public func run(_ text: String, file: String, line: Int = 1) -> Bool {
        var ok = true
        for piece in Self.statementTexts(text) {
            if quitRequested || Interrupt.pending { break }
            do {
                for statement in try Parser.parse(piece, file: file, line: line) {
                    if quitRequested || Interrupt.pending { break }
                    try execute(statement, source: text, firstLine: line)
                }
            } catch {
                standardError(Self.render(error, source: text, file: file) + "\n")
                ok = false
                if !keepGoing { break }
            }
        }
        return ok
    }

    /// One text per statement of `text` (split at the `;` outside strings and `--` comments): the
    /// whole text with everything outside that statement blanked, line breaks kept, so each parses
    /// alone and its diagnostics keep their lines and columns in `text`.
    static func statementTexts(_ text: String) -> [String] {
        let characters = Array(text)
        var ends: [Int] = []
        var quote: Character?
        var i = 0
        while i < characters.count {
            let c = characters[i]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "-", i + 1 < characters.count, characters[i + 1] == "-" {
                while i < characters.count, characters[i] != "\n", characters[i] != "\r\n" { i += 1 }
                continue
            } else if c == ";" {
                ends.append(i)
            }
            i += 1
        }
        var pieces: [String] = []
        var start = 0
        for end in ends + [characters.count] {
            var piece = ""
            for (k, c) in characters.enumerated() {
                piece.append(k >= start && k < end || c == "\n" || c == "\r\n" ? c : " ")
            }
            pieces.append(piece)
            start = end + 1
        }
        return pieces
    }

    /// A diagnostic with the offending line and caret when it is about `file` (whose text is
    /// `source`); one about another file (a CSV being loaded) without them.
    static func render(_ diagnostic: Diagnostic, source: String, file: String) -> String {
        diagnostic.location?.file == file ? diagnostic.rendered(source: source) : diagnostic.description
    }

    func execute(_ statement: Statement, source: String, firstLine: Int) throws(Diagnostic) {
        let started = DispatchTime.now()
        // Statements run while the timer is on are timed: not `set timer on` itself.
        let timing = timer
        switch statement {
        case .show, .describeThing, .describeOne:
            let result = try interpreter().run(statement)
            for warning in result.warnings { standardError(warning.rendered(source: source) + "\n") }
            try emit(Renderer.render(result, options))
        case .explain(let show, _):
            let plan = try interpreter().plan(show)
            for warning in plan.warnings { standardError(warning.rendered(source: source) + "\n") }
            try emit(plan.text)
        case .export(let show, let rawPath, let format, let token):
            let path = try expand(rawPath, at: token)
            let result = try interpreter().run(.show(show))
            for warning in result.warnings { standardError(warning.rendered(source: source) + "\n") }
            let chosen: OutputFormat
            if let named = format.flatMap(OutputFormat.init(rawValue:)) { chosen = named } else { chosen = try Self.format(forPath: path, at: token) }
            var exportOptions = options
            exportOptions.format = chosen
            exportOptions.colour = false
            exportOptions.maxTextWidth = nil
            try AtomicFile.write(Renderer.render(result, exportOptions), to: path, at: token)
        case .set(let setting, let token):
            try apply(setting, at: token)
        case .load(let kind, let path, let token):
            try load(kind, path, at: token)
        case .help(let topic, let token):
            try emit(try Help.text(topic, at: token))
        case .quit:
            quitRequested = true
        }
        if timing && timer {
            let ms = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000
            standardError(String(format: "time: %.3f ms\n", ms))
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
                throw Diagnostic.error("cannot write to '\(outputPath)': \(error.localizedDescription)")
            }
            return
        }
        let separator = wroteResult && options.format == .table ? "\n" : ""
        wroteResult = true
        standardOutput(separator + text)
    }

    static func format(forPath path: String, at token: Token) throws(Diagnostic) -> OutputFormat {
        let ext = (path as NSString).pathExtension.lowercased()
        switch ext {
        case "csv": return .csv
        case "tsv", "tab": return .tsv
        case "json": return .json
        case "md", "markdown": return .markdown
        case "txt": return .table
        default:
            throw Diagnostic.error("cannot tell the format of '\(path)' from its extension; add 'format csv' (or tsv, json, markdown, table)", at: token.location)
        }
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
                throw Diagnostic.error("no parameter $\(name) is set for the file name '\(path)'", at: token.location,
                                       notes: ["give it with --param \(name)=VALUE"])
            }
            out += value.asText
            rest = rest.dropFirst(name.count)
        }
        return out + rest
    }

    func apply(_ setting: Setting, at token: Token) throws(Diagnostic) {
        switch setting {
        case .format(let name):
            guard let f = OutputFormat(rawValue: name) else { throw Diagnostic.error("unknown format '\(name)'", at: token.location) }
            options.format = f
        case .period(let p): period = p
        case .periodParameter(let name):
            guard let value = parameters[name] else {
                throw .error(.unknownParameter(name), at: token.location, length: token.length, notes: [.giveParameter(name)])
            }
            guard let p = value.asPeriod else {
                throw .error(.parameterNotAPeriod(name), at: token.location, length: token.length, notes: [.periodForms])
            }
            period = p
        case .timer(let on): timer = on
        case .output(let rawPath):
            let path = try rawPath.map { p throws(Diagnostic) in try expand(p, at: token) }
            if let path {
                // Start the file afresh: results are appended to it until `set output stdout`.
                do {
                    try Data().write(to: URL(fileURLWithPath: path))
                } catch {
                    throw Diagnostic.error("cannot write to '\(path)': \(error.localizedDescription)", at: token.location)
                }
                options.colour = false
            }
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
            last.notes.append("nothing was loaded; the session keeps its data")
            throw last
        }
        for d in diagnostics { standardError(d.description + "\n") }
        dataset = loaded
        cache = EvaluationCache()
        self.sources = sources
        standardError("loaded: \(loaded.catalogue.positions.count) positions, \(loaded.catalogue.indicators.count) indicators, \(loaded.realisations.rows.count) realisation rows\n")
    }
}

/// Set by the SIGINT handler of the REPL: abandon the statements still to run.
public enum Interrupt {
    nonisolated(unsafe) public static var pending = false
}
