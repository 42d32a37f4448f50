import ArgumentParser
import Catalogue
import Examples
import Foundation
import REPL
import Shell

/// Where the data comes from; shared by every command.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(Message.catalogueOptionHelp.text, valueName: "file"))
    var catalogue: [String] = []

    @Option(name: .long, help: ArgumentHelp(Message.organisationOptionHelp.text, valueName: "file"))
    var organisation: String?

    @Option(name: .long, help: ArgumentHelp(Message.realisationsOptionHelp.text, valueName: "file"))
    var realisations: [String] = []

    @Flag(name: .long, help: ArgumentHelp(Message.decimalCommaHelp.text))
    var decimalComma = false

    @Option(name: .long, help: ArgumentHelp(Message.scaleOptionHelp.text, valueName: "bands"))
    var scale: String?

    @Option(name: .long, help: ArgumentHelp(Message.rulesOptionHelp(joinedText(RuleSet.allCases.map(\.rawValue), separator: ", ")).text, valueName: "name"))
    var rules: String?

    @Flag(name: .long, help: ArgumentHelp(Message.noConfigHelp.text))
    var noConfig = false

    @Flag(name: [.customShort("q"), .long], help: ArgumentHelp(Message.quietHelp.text))
    var quiet = false

    @Flag(name: .long, help: ArgumentHelp(Message.noCacheHelp.text))
    var noCache = false

    @Option(name: .long, help: ArgumentHelp(Message.snapshotOptionHelp.text, valueName: "file"))
    var snapshot: String?

    /// Loads `sources` through their snapshot (unless --no-cache; read only under --safe), with a
    /// progress line on standard error when it takes a while (a terminal, not `--quiet`).
    func load(_ sources: Dataset.Sources, language: Language = Language.current, safe: Bool = false) -> (Dataset, [Diagnostic]) {
        let line = ProgressLine.standardError(quiet: quiet, language: language)
        defer { line?.finish() }
        let (dataset, diagnostics, snapshot) = Dataset.load(sources, snapshot: snapshotPolicy(safe: safe), progress: line.map(ProgressReporter.init))
        keptUntilExit.append(dataset)
        // About the snapshot, not the data: said as they are, not counted with the data's warnings.
        line?.finish()
        report(snapshot.warnings)
        return (dataset, diagnostics)
    }

    /// Where the snapshot is kept: `--snapshot FILE`, else the cache folder; none with
    /// `--no-cache` or `IKI_NO_CACHE=1`. Under --safe it is read but never written.
    func snapshotPolicy(safe: Bool) -> SnapshotPolicy? {
        let environment = Iki.environment
        if noCache || SnapshotCache.disabled(by: environment) { return nil }
        let save: SnapshotPolicy.Save? =
            safe || SafeMode.requested(by: environment) ? nil : { @Sendable (path: String, raw: ((UnsafeRawBufferPointer) -> Void) -> Void) throws in
                try AtomicFile.write(to: path, raw: raw)
            }
        if let snapshot { return SnapshotPolicy(place: .file(snapshot), save: save) }
        guard let folder = SnapshotCache.folder(environment: environment) else { return nil }
        return SnapshotPolicy(place: .cache(folder: folder), save: save)
    }

    /// The office's configuration file, unless --no-config; a mistake in it is reported, positioned, and exits 2.
    func config() throws -> ConfigFile? {
        if noConfig { return nil }
        let here = FileManager.default.currentDirectoryPath
        guard let path = ConfigFile.find(in: here, environment: Iki.environment) else { return nil }
        // In the working folder the file is named as the user sees it: iki.toml:3:12.
        let inHere = (path as NSString).deletingLastPathComponent == here
        do {
            return try ConfigFile.load(path: path, shownAs: inHere ? (path as NSString).lastPathComponent : path)
        } catch {
            report([error])
            throw ExitCode(2)
        }
    }

    /// These options with what the command line leaves out taken from the configuration file:
    /// the one place a command's data meets the file.
    func configured(_ config: ConfigFile?) -> DataOptions {
        guard let config else { return self }
        var options = self
        if options.catalogue.isEmpty { options.catalogue = config.catalogue }
        if options.organisation == nil { options.organisation = config.organisation }
        if options.realisations.isEmpty { options.realisations = config.realisations }
        if options.scale == nil { options.scale = config.scale }
        return options
    }

    /// The files to load: the given ones, with the bundled data filling in when no catalogue is given.
    func sources() throws -> Dataset.Sources {
        var ruleSet = RuleSet.default
        if let rules {
            guard let r = RuleSet(rawValue: rules.lowercased()) else {
                throw ValidationError(Message.unknownRuleSet(rules, RuleSet.allCases.map(\.rawValue)).text)
            }
            ruleSet = r
        }
        var parsedScale = Scale(rules: ruleSet)
        if let scale {
            guard let s = Scale(parsing: scale) else {
                throw ValidationError(Message.scaleNotBands(scale).text)
            }
            parsedScale = s
            // --scale replaces the bands; the rule set still caps and scores.
            parsedScale.rules = ruleSet
        }
        let format = NumberFormat(decimalComma: decimalComma)
        if !catalogue.isEmpty {
            return Dataset.Sources(catalogues: catalogue, organisation: organisation, realisations: realisations, format: format, scale: parsedScale)
        }
        guard let directory = Examples.directory else {
            throw ValidationError(Message.bundledCatalogueMissing.text)
        }
        let path = { (name: String) in (directory as NSString).appendingPathComponent(name) }
        // The bundled files are written with a decimal point; only the user's files follow --decimal-comma.
        var sources = Dataset.Sources(catalogue: path(Examples.catalogue), organisation: organisation ?? path(Examples.organisation),
                                      realisations: realisations.isEmpty ? Examples.realisations.map(path) : realisations,
                                      format: format, scale: parsedScale)
        if realisations.isEmpty { sources.format = NumberFormat() }
        return sources
    }
}

/// The data each command loaded, never freed: the process ends with the command, and freeing a
/// province object by object costs ~0.28 G instructions (a tenth of its warm open) that the
/// exit does at once. (Read by nothing; a `load` statement's data is freed as before.)
nonisolated(unsafe) private var keptUntilExit: [Dataset] = []

/// Prints diagnostics on standard error, warnings and errors alike.
func report(_ diagnostics: [Diagnostic]) {
    for diagnostic in diagnostics {
        StandardStreams.writeError(diagnostic.description + "\n")
    }
}

/// The load's errors under the rule for rows with errors (already printed by the caller): a file
/// that could not be read at all, or any error with `--strict`, stops the command (exit 2);
/// otherwise the rows with errors are left out and the rest goes on, said once.
func admitErrors(_ errors: [Diagnostic], strict: Bool) throws {
    guard !errors.isEmpty else { return }
    if strict || errors.contains(where: { $0.location == nil }) {
        printError((strict ? Message.dataHasErrorsStrict(errors.count) : Message.dataHasErrors(errors.count)).text)
        throw ExitCode(2)
    }
    printError(Message.dataLoadedWithErrors(errors.count).text)
}
