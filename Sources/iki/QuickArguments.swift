import ArgumentParser
import Render

/// The run command's everyday shapes (`iki -c QUERY --format csv --catalogue DIR ...`: named
/// options only) parsed without swift-argument-parser, whose parse builds every command's and
/// option group's argument set by reflection: ~17 M of the 28 M instructions of a query's start on
/// the bundled data (`bench/results/cold-start.md`), most of them the Swift runtime's first
/// protocol-conformance lookups.
///
/// It only ever accepts what the declared parser reads the same way, and declines the rest (nil):
/// help, `--version`, a subcommand or script (any word that is not an option's value), an option not
/// in the tables below, a value that starts with `-`, a single-valued option given twice, a value the
/// option's type refuses, and anything `validate()` rejects. The declared parser then parses it and
/// writes its usual help or error. `QuickArgumentsTests` parses a corpus both ways and compares every
/// property, and fails when an option is declared on `Run` or `DataOptions` but not read here.
enum QuickArguments {
    /// Options that take a value, by how they are written.
    enum Valued: Int, CaseIterable {
        case command, format, width, file, output, param, lang, exportDir
        case catalogue, organisation, realisations, scale, rules, snapshot

        var names: [String] {
            switch self {
            case .command: ["-c"]
            case .format: ["--format"]
            case .width: ["--width"]
            case .file: ["-f"]
            case .output: ["-o"]
            case .param: ["--param"]
            case .lang: ["--lang"]
            case .exportDir: ["--export-dir"]
            case .catalogue: ["--catalogue"]
            case .organisation: ["--organisation"]
            case .realisations: ["--realisations"]
            case .scale: ["--scale"]
            case .rules: ["--rules"]
            case .snapshot: ["--snapshot"]
            }
        }

        /// Given more than once, the declared parser keeps them all.
        var repeats: Bool {
            switch self {
            case .command, .file, .param, .catalogue, .realisations: true
            default: false
            }
        }
    }

    /// Options without a value.
    enum Switch: Int, CaseIterable {
        case csv, json, markdown, noPager, keepGoing, strict, safe
        case decimalComma, noConfig, quiet, noCache

        var names: [String] {
            switch self {
            case .csv: ["--csv"]
            case .json: ["--json"]
            case .markdown: ["--markdown"]
            case .noPager: ["--no-pager"]
            case .keepGoing: ["--keep-going"]
            case .strict: ["--strict"]
            case .safe: ["--safe"]
            case .decimalComma: ["--decimal-comma"]
            case .noConfig: ["--no-config"]
            case .quiet: ["-q", "--quiet"]
            case .noCache: ["--no-cache"]
            }
        }
    }

    // Looked up in arrays, not dictionaries or sets: a collection of a new key type costs the
    // runtime a conformance lookup of its own (~0.2 M instructions each) on first use.
    static func valued(_ word: String) -> Valued? { Valued.allCases.first { $0.names.contains(word) } }
    static func switched(_ word: String) -> Switch? { Switch.allCases.first { $0.names.contains(word) } }

    /// The run command `arguments` (without the program's name) ask for, or nil when the declared
    /// parser must read them.
    static func run(_ arguments: [String]) -> Run? {
        var given = [[String]?](repeating: nil, count: Valued.allCases.count)
        var set = [Bool](repeating: false, count: Switch.allCases.count)
        var i = 0
        while i < arguments.count {
            var word = arguments[i], attached: String?
            // `--name=value`, as the declared parser reads a long option's value.
            if word.hasPrefix("--"), let eq = word.firstIndex(of: "=") {
                attached = String(word[word.index(after: eq)...])
                word = String(word[..<eq])
            }
            if let option = valued(word) {
                let value: String
                if let attached {
                    value = attached
                } else {
                    i += 1
                    guard i < arguments.count else { return nil }
                    value = arguments[i]
                }
                guard !value.hasPrefix("-"), option.repeats || given[option.rawValue] == nil else { return nil }
                given[option.rawValue] = (given[option.rawValue] ?? []) + [value]
            } else if let flag = switched(word), attached == nil, !set[flag.rawValue] {
                set[flag.rawValue] = true
            } else {
                return nil
            }
            i += 1
        }
        func values(_ option: Valued) -> [String]? { given[option.rawValue] }
        func on(_ flag: Switch) -> Bool { set[flag.rawValue] }
        var run = Run()
        run.command = values(.command) ?? []
        guard let format = values(.format).map({ OutputFormat(rawValue: $0[0]) }) ?? .auto else { return nil }
        run.format = format
        if let width = values(.width)?[0] {
            guard !width.isEmpty, width.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let number = Int(width) else { return nil }
            run.width = number
        } else {
            run.width = nil
        }
        run.csv = on(.csv)
        run.json = on(.json)
        run.markdown = on(.markdown)
        run.noPager = on(.noPager)
        run.file = values(.file) ?? []
        run.output = values(.output)?[0]
        run.param = values(.param) ?? []
        run.keepGoing = on(.keepGoing)
        run.lang = values(.lang)?[0]
        run.strict = on(.strict)
        run.safe = on(.safe)
        run.exportDir = values(.exportDir)?[0]
        var data = DataOptions()
        data.catalogue = values(.catalogue) ?? []
        data.organisation = values(.organisation)?[0]
        data.realisations = values(.realisations) ?? []
        data.decimalComma = on(.decimalComma)
        data.scale = values(.scale)?[0]
        data.rules = values(.rules)?[0]
        data.noConfig = on(.noConfig)
        data.quiet = on(.quiet)
        data.noCache = on(.noCache)
        data.snapshot = values(.snapshot)?[0]
        run.data = data
        run.scripts = []
        // Its message and usage are the declared parser's to write.
        do { try run.validate() } catch { return nil }
        return run
    }
}
