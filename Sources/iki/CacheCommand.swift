import ArgumentParser
import Catalogue
import Foundation

/// `iki cache [list|clear]`: the snapshots in the cache folder with their sizes, or none of them.
/// Only the folder's snapshot files are touched; a `--snapshot FILE` elsewhere is the user's.
struct CacheCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "cache", abstract: Message.cacheAbstract.text, discussion: Message.cacheDiscussion.text)
    }

    @Argument(help: ArgumentHelp(Message.cacheActionHelp.text, valueName: "list|clear"))
    var action = "list"

    func validate() throws {
        guard ["list", "clear"].contains(action) else { throw ValidationError(Message.cacheUnknownAction(action).text) }
    }

    func run() throws {
        Language.$current.withValue(Language.fromEnvironment(Iki.environment)) { runInLanguage() }
    }

    func runInLanguage() {
        guard let folder = SnapshotCache.folder(environment: Iki.environment) else {
            return printError(Message.cacheNoFolder.text)
        }
        if action == "clear" {
            let removed = SnapshotCache.clear(folder)
            return StandardStreams.writeOutput(Message.cacheCleared(removed.count, Self.size(removed.bytes), folder).text + "\n")
        }
        let entries = SnapshotCache.entries(in: folder)
        guard !entries.isEmpty else { return StandardStreams.writeOutput(Message.cacheEmpty(folder).text + "\n") }
        // Most recently used first: the order in which they are kept.
        var text = ""
        for entry in entries {
            let size = Self.size(entry.bytes)
            text += String(repeating: " ", count: max(0, 9 - size.count)) + size + "  " + CivilTime.iso8601(entry.used)
                + "  " + (entry.path as NSString).lastPathComponent + "\n"
        }
        text += Message.cacheTotal(entries.count, Self.size(entries.reduce(0) { $0 + $1.bytes }), folder).text + "\n"
        StandardStreams.writeOutput(text)
    }

    /// `12.3 MB`, `512 KB`, `80 B`: decimal units, as `du --si` and file managers show them.
    static func size(_ bytes: Int) -> String {
        if bytes >= 1_000_000 { return printfDecimals(Double(bytes) / 1e6, 1) + " MB" }
        if bytes >= 1_000 { return "\(bytes / 1_000) KB" }
        return "\(bytes) B"
    }
}
