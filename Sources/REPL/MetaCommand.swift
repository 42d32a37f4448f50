import Catalogue
import Query
import Render

/// The dot- and backslash-commands sqlite3 and psql users type out of habit (`.quit`, `\q`,
/// `.mode csv`, `\x`): each is run as the iki statement that does the same, and a note names that
/// statement, so the habit becomes the language.
public enum MetaCommand {
    /// What a meta-command does: the statement to run (nil: none does it) and the note to show.
    public struct Translation: Equatable, Sendable {
        public var statement: String?
        public var note: Message
    }

    /// sqlite3's `.mode` names and the iki formats they are.
    static let modes: [String: OutputFormat] = [
        "csv": .csv, "tabs": .tsv, "tsv": .tsv, "json": .json, "markdown": .markdown, "table": .table, "box": .table,
        "column": .table, "list": .table, "line": .record,
    ]

    /// The translation of `line` when it is a meta-command (starts with `.` or `\`), else nil.
    /// `format` is the current output format (`\x` switches records on and off).
    public static func translate(_ line: String, format: OutputFormat) -> Translation? {
        let words = line.split(separator: " ").map { $0.lowercased() }
        guard let first = words.first, first.hasPrefix(".") || first.hasPrefix("\\") else { return nil }
        func run(_ statement: String) -> Translation { Translation(statement: statement, note: .metaCommandIs(first, statement)) }
        switch first {
        case ".quit", ".exit", ".q", "\\q": return run("quit")
        case ".help", "\\?", "\\h", "\\help": return run("help")
        case "\\x": return run(format == .record ? "set format auto" : "set format record")
        case ".mode":
            guard words.count == 2, let mode = modes[words[1]] else {
                return Translation(statement: nil, note: .metaCommandIs(first, "set format " + OutputFormat.printable.joined(separator: "|")))
            }
            return Translation(statement: "set format \(mode.rawValue)", note: .metaCommandIs(line.trimmingCharacters(in: .whitespaces), "set format \(mode.rawValue)"))
        case ".tables", "\\d", "\\dt": return run("help")
        case ".schema": return run("describe indicators")
        default: return Translation(statement: nil, note: .unknownMetaCommand(first))
        }
    }
}
