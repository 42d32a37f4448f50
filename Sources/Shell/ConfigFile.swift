import Catalogue
import Foundation
import Query
import Render

/// An office's configuration file: `iki.toml` or `.ikirc` in the working folder, else
/// `$XDG_CONFIG_HOME/iki/iki.toml`. Only the keys below, in a small subset of TOML
/// (`key = "value"`, `key = ["a", "b"]`, `#` comments), so an office can name its data once
/// instead of on every call; a full TOML parser would be a dependency for six keys.
public struct ConfigFile: Equatable, Sendable {
    public var catalogue: [String] = []
    public var organisation: String?
    public var realisations: [String] = []
    public var format: OutputFormat?
    public var language: Language?
    public var scale: String?

    public static let keys = ["catalogue", "organisation", "realisations", "format", "language", "scale"]
    /// Keys that name several files; the others take one value.
    static let listKeys: Set<String> = ["catalogue", "realisations"]
    static let pathKeys: Set<String> = ["catalogue", "organisation", "realisations"]

    public init() {}

    /// The file to read: the working folder's `iki.toml`, its `.ikirc`, then the user's.
    public static func find(in folder: String, environment: [String: String]) -> String? {
        var candidates = ["iki.toml", ".ikirc"].map { (folder as NSString).appendingPathComponent($0) }
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
            candidates.append(((xdg as NSString).appendingPathComponent("iki") as NSString).appendingPathComponent("iki.toml"))
        } else if let home = environment["HOME"], !home.isEmpty {
            candidates.append((home as NSString).appendingPathComponent(".config/iki/iki.toml"))
        }
        var isFolder: ObjCBool = false
        return candidates.first { FileManager.default.fileExists(atPath: $0, isDirectory: &isFolder) && !isFolder.boolValue }
    }

    /// Reads and parses `path`; diagnostics name it `shownAs` (`iki.toml` in the working folder).
    public static func load(path: String, shownAs: String) throws(Diagnostic) -> ConfigFile {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw Diagnostic.error(Message.configUnreadable(shownAs).text)
        }
        return try parse(text, file: shownAs, folder: ((path as NSString).deletingLastPathComponent))
    }

    /// Parses the text; relative paths are taken from `folder`, the config file's own.
    public static func parse(_ text: String, file: String, folder: String) throws(Diagnostic) -> ConfigFile {
        var config = ConfigFile()
        var seen: [String: Int] = [:]
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            var line = LineScanner(Array(rawLine), file: file, line: index + 1)
            line.skipSpaces()
            if line.atEnd || line.peek == "#" { continue }
            let keyColumn = line.column
            let key = line.word()
            if key.isEmpty { throw line.error(.configExpectedKey(found: line.found)) }
            guard keys.contains(key) else {
                throw line.error(.configUnknownKey(key, keys), column: keyColumn, notes: [Message.didYouMean(key, among: keys)?.text].compactMap { $0 })
            }
            if let first = seen[key] { throw line.error(.configDuplicateKey(key, firstLine: first), column: keyColumn) }
            seen[key] = index + 1
            line.skipSpaces()
            guard line.peek == "=" else { throw line.error(.configExpectedEquals(key, found: line.found)) }
            line.advance()
            line.skipSpaces()
            let valueColumn = line.column
            let values: [String]
            let isList: Bool
            switch line.peek {
            case "\"": values = [try line.string()]; isList = false
            case "[": values = try line.list(); isList = true
            default: throw line.error(.configExpectedValue(found: line.found))
            }
            line.skipSpaces()
            if !line.atEnd && line.peek != "#" { throw line.error(.configTrailingText(found: line.found)) }
            if isList && !listKeys.contains(key) { throw line.error(.configNotAList(key), column: valueColumn) }
            if pathKeys.contains(key), values.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                throw line.error(.configEmptyPath(key), column: valueColumn)
            }
            let paths = values.map { resolved($0, in: folder) }
            let value = values.first ?? ""
            switch key {
            case "catalogue": config.catalogue = paths
            case "realisations": config.realisations = paths
            case "organisation": config.organisation = paths.first
            case "format":
                guard let format = OutputFormat(rawValue: value.lowercased()), format.row.document == nil else {
                    throw line.error(.configBadFormat(value, OutputFormat.printable), column: valueColumn)
                }
                config.format = format
            case "language":
                guard let language = Vocabulary.languageWords[value.lowercased()] else {
                    throw line.error(.configBadLanguage(value), column: valueColumn)
                }
                config.language = language
            default:
                guard Scale(parsing: value) != nil else { throw line.error(.configBadScale(value), column: valueColumn) }
                config.scale = value
            }
        }
        return config
    }

    /// A relative path is relative to the config file's folder, so the file works from anywhere.
    static func resolved(_ path: String, in folder: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") || folder.isEmpty { return expanded }
        return (folder as NSString).appendingPathComponent(expanded)
    }
}

/// One line of the file, scanned character by character; columns count characters from 1.
private struct LineScanner {
    let characters: [Character]
    let file: String
    let line: Int
    var index = 0

    init(_ characters: [Character], file: String, line: Int) {
        self.characters = characters
        self.file = file
        self.line = line
    }

    var atEnd: Bool { index >= characters.count }
    var peek: Character? { atEnd ? nil : characters[index] }
    var column: Int { index + 1 }
    mutating func advance() { index += 1 }
    mutating func skipSpaces() { while let c = peek, c == " " || c == "\t" { advance() } }

    /// What stands here, for "found ...": the character quoted, or the end of the line.
    var found: String { peek.map { "'\($0)'" } ?? Message.configEndOfLine.text }

    mutating func word() -> String {
        var text = ""
        while let c = peek, c.isLetter || c.isNumber || c == "_" || c == "-" { text.append(c); advance() }
        return text
    }

    /// `"..."` with `\"` and `\\`; the caret of an unterminated string is at its opening quote.
    mutating func string() throws(Diagnostic) -> String {
        let start = column
        advance()
        var text = ""
        while let c = peek {
            advance()
            if c == "\"" { return text }
            if c == "\\", let next = peek, next == "\"" || next == "\\" { text.append(next); advance(); continue }
            text.append(c)
        }
        throw error(.configUnterminatedString, column: start)
    }

    /// `["a", "b"]` on one line, a trailing comma allowed.
    mutating func list() throws(Diagnostic) -> [String] {
        let start = column
        advance()
        var items: [String] = []
        while true {
            skipSpaces()
            guard let c = peek else { throw error(.configUnterminatedList, column: start) }
            if c == "]" { advance(); return items }
            guard c == "\"" else { throw error(.configExpectedValue(found: found)) }
            items.append(try string())
            skipSpaces()
            if peek == "," { advance(); continue }
            if peek == "]" { continue }
            if atEnd { throw error(.configUnterminatedList, column: start) }
            throw error(.configTrailingText(found: found))
        }
    }

    func error(_ message: Message, column: Int? = nil, notes: [String] = []) -> Diagnostic {
        var diagnostic = Diagnostic.error(message.text, at: SourceLocation(file: file, line: line, column: column ?? self.column), notes: notes)
        diagnostic.id = message.id
        return diagnostic
    }
}
