@_exported import TestSupport
import Foundation
import Testing

/// What every golden test shares: running `iki` in a fresh folder with a fixed environment,
/// masking what differs between machines and runs, rendering a run as text, and comparing that
/// text with an expected file (or rewriting the file when `IKI_GOLDEN_UPDATE=1`).
enum Golden {
    /// `Tests/Golden` in the package.
    static let directory = Iki.root.appendingPathComponent("Tests/Golden")

    /// Set `IKI_GOLDEN_UPDATE=1` to rewrite the expected files instead of comparing with them.
    static let updating = ProcessInfo.processInfo.environment["IKI_GOLDEN_UPDATE"] == "1"

    // MARK: Running

    /// The environment `iki` runs in: the tests' own, with what could change its output fixed.
    /// COLUMNS fixes the width `--help` wraps to; no colour, no history, one time zone.
    static let environment: [String: String] = {
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = "80"
        environment["LINES"] = "24"
        environment["NO_COLOR"] = "1"
        environment["IKI_HISTORY"] = ""
        environment["TZ"] = "UTC"
        // The time the report says the data was loaded (Shell/Session.swift).
        environment["SOURCE_DATE_EPOCH"] = "1793577600"
        environment["LC_ALL"] = "C.UTF-8"
        // A configuration file of the developer's own must not change what a case gives.
        environment["XDG_CONFIG_HOME"] = "/nonexistent/iki-golden-config"
        environment.removeValue(forKey: "IKI_GOLDEN_UPDATE")
        return environment
    }()

    /// Runs `iki arguments` in `folder` with `stdin` (empty when nil).
    static func run(_ arguments: [String], stdin: String? = nil, in folder: TemporaryFolder) throws -> Iki.Result {
        try Iki.run(executable: try Iki.path(), arguments, stdin: stdin, in: folder, environment: environment)
    }

    /// `iki ARGUMENTS` as one would type it, quoting what needs it.
    static func commandLine(_ arguments: [String]) -> String {
        let plain = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_=./,:%+@"))
        return (["iki"] + arguments.map { word in
            !word.isEmpty && word.unicodeScalars.allSatisfy(plain.contains) ? word
                : "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
        }).joined(separator: " ")
    }

    // MARK: Files a run leaves

    /// Every regular file under `folder`, by path relative to it, with its contents.
    static func snapshot(_ folder: TemporaryFolder) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return files }
        for case let relative as String in walker {
            var isDirectory: ObjCBool = false
            let path = folder.file(relative)
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            files[relative] = FileManager.default.contents(atPath: path) ?? Data()
        }
        return files
    }

    /// The files written or changed since `before`, sorted by path, and those removed.
    static func changes(since before: [String: Data], in folder: TemporaryFolder) -> (written: [(String, Data)], removed: [String]) {
        let after = snapshot(folder)
        let written = after.filter { before[$0.key] != $0.value }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        let removed = before.keys.filter { after[$0] == nil }.sorted()
        return (written, removed)
    }

    // MARK: Masking

    /// The folder of the built `iki`, in every spelling it may be printed in (the bundled data is
    /// in `iki_Examples.resources` beside it).
    static let buildFolders: [String] = {
        guard let executable = Iki.executable else { return [] }
        let folder = executable.deletingLastPathComponent()
        return Set([folder.path, folder.resolvingSymlinksInPath().path, folder.standardizedFileURL.path])
            .sorted { $0.count > $1.count }
    }()

    static let rootFolders: [String] = {
        Set([Iki.root.path, Iki.root.resolvingSymlinksInPath().path, Iki.root.standardizedFileURL.path])
            .map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
            .sorted { $0.count > $1.count }
    }()

    /// `text` with the paths of this machine and the timings replaced: the run's folder by `$TMP`,
    /// the build folder by `$BUILD`, the package root by `$ROOT`, `time: 1.234 ms` by
    /// `time: #.### ms`.
    static func mask(_ text: String, folder: TemporaryFolder) -> String {
        var out = text
        let temporary = Set([folder.path, folder.url.resolvingSymlinksInPath().path, folder.url.standardizedFileURL.path])
            .sorted { $0.count > $1.count }
        // A table cuts long cells with '…': a path of this machine cut so cannot be masked, and
        // the expected file would hold it (or only part of its mask). Refuse it.
        let machine = temporary + buildFolders + rootFolders
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "'" || $0 == "\"" }) where word.hasSuffix("…") {
            let cut = word.dropLast()
            if cut.hasPrefix("/"), machine.contains(where: { $0.hasPrefix(cut) || cut.hasPrefix($0 + "/") }) {
                Issue.record("a path of this machine is cut in the output ('\(word)'), so it cannot be masked: use --format csv, or copy the files into the case's folder")
            }
        }
        for path in temporary { out = out.replacingOccurrences(of: path, with: "$TMP") }
        for path in buildFolders { out = out.replacingOccurrences(of: path, with: "$BUILD") }
        for path in rootFolders { out = out.replacingOccurrences(of: path, with: "$ROOT") }
        out = out.replacingOccurrences(of: #"time: [0-9]+\.[0-9]+ ms"#, with: "time: #.### ms", options: .regularExpression)
        return out
    }

    // MARK: Rendering

    /// One section: its heading line, then the text, ended by a line break; a text without a
    /// final line break is marked so.
    static func section(_ heading: String, _ text: String) -> String {
        var out = heading + "\n" + text
        if !text.isEmpty && !text.hasSuffix("\n") { out += "\n-- (no newline at end)\n" }
        return out
    }

    /// A run as text: `-- exit: N`, `-- stdout`, `-- stderr`, then `-- file: PATH` for every file
    /// the run wrote or changed in its folder and `-- removed: PATH` for every one it removed.
    static func render(_ result: Iki.Result, written: [(String, Data)] = [], removed: [String] = [], folder: TemporaryFolder) -> String {
        var out = "-- exit: \(result.status)\n"
        out += section("-- stdout", mask(result.stdout, folder: folder))
        out += section("-- stderr", mask(result.stderr, folder: folder))
        for (path, data) in written {
            let text = String(data: data, encoding: .utf8) ?? "(\(data.count) bytes, not UTF-8)\n"
            out += section("-- file: \(mask(path, folder: folder))", mask(text, folder: folder))
        }
        for path in removed { out += "-- removed: \(mask(path, folder: folder))\n" }
        return out
    }

    // MARK: Comparing

    /// Compares `actual` with the expected file `relative` (under `Tests/Golden`), or rewrites the
    /// file when updating. A mismatch is recorded as an issue showing the first differing line and
    /// a line diff.
    static func check(_ actual: String, against relative: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(relative)
        let expected = try? String(contentsOf: url, encoding: .utf8)
        if updating {
            if expected != actual {
                do {
                    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try actual.write(to: url, atomically: true, encoding: .utf8)
                } catch {
                    Issue.record("cannot write \(relative): \(error)", sourceLocation: sourceLocation)
                }
            }
            return
        }
        guard let expected else {
            Issue.record("Tests/Golden/\(relative) is missing; create it with IKI_GOLDEN_UPDATE=1 swift test --filter GoldenTests",
                         sourceLocation: sourceLocation)
            return
        }
        guard expected != actual else { return }
        Issue.record(Comment(rawValue: "Tests/Golden/\(relative) differs (IKI_GOLDEN_UPDATE=1 rewrites it when the change is meant):\n"
                             + LineDiff.describe(expected: expected, actual: actual)),
                     sourceLocation: sourceLocation)
    }
}

/// A readable difference between two texts: the first differing line, expected against actual,
/// then a line diff (`-` expected, `+` actual) with some context, cut when long.
enum LineDiff {
    static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Makes invisible differences visible: tabs, carriage returns, trailing spaces.
    static func visible(_ line: String?) -> String {
        guard let line else { return "(no line: the text ends here)" }
        var shown = line.replacingOccurrences(of: "\t", with: "→").replacingOccurrences(of: "\r", with: "␍")
        if shown.hasSuffix(" ") { shown += "⏎" }
        return "«" + shown + "»"
    }

    static func describe(expected: String, actual: String, context: Int = 2, limit: Int = 60) -> String {
        let old = lines(expected), new = lines(actual)
        let first = (0..<min(old.count, new.count)).first { old[$0] != new[$0] } ?? min(old.count, new.count)
        var out = "first difference at line \(first + 1):\n"
        out += "  expected: \(visible(first < old.count ? old[first] : nil))\n"
        out += "  actual:   \(visible(first < new.count ? new[first] : nil))\n"
        if old.count == new.count && old == new {
            out += "(the texts differ only in their final line break)\n"
            return out
        }
        out += "diff (- expected, + actual):\n"
        let edits = script(old, new)
        // Lines to show: the changed ones and `context` lines around them.
        var show = Set<Int>()
        for (i, edit) in edits.enumerated() where edit.0 != " " {
            for k in max(0, i - context)...min(edits.count - 1, i + context) { show.insert(k) }
        }
        var shown = 0, previous = -1
        for i in show.sorted() {
            if shown >= limit { out += "  ... (\(show.count - shown) more diff lines)\n"; break }
            if previous >= 0 && i != previous + 1 { out += "  ...\n" }
            out += "\(edits[i].0) \(edits[i].1)\n"
            previous = i
            shown += 1
        }
        return out
    }

    /// An edit script by longest common subsequence: (" ", line) kept, ("-", line) only in `old`,
    /// ("+", line) only in `new`.
    static func script(_ old: [String], _ new: [String]) -> [(Character, String)] {
        // Common prefix and suffix first, so long equal texts stay cheap.
        var prefix = 0
        while prefix < old.count && prefix < new.count && old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix && suffix < new.count - prefix && old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        let a = Array(old[prefix..<(old.count - suffix)]), b = Array(new[prefix..<(new.count - suffix)])
        var middle: [(Character, String)] = []
        if a.count * b.count > 4_000_000 {
            middle = a.map { ("-", $0) } + b.map { ("+", $0) }
        } else {
            var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
            for i in stride(from: a.count - 1, through: 0, by: -1) {
                for j in stride(from: b.count - 1, through: 0, by: -1) {
                    table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
                }
            }
            var i = 0, j = 0
            while i < a.count || j < b.count {
                if i < a.count && j < b.count && a[i] == b[j] {
                    middle.append((" ", a[i])); i += 1; j += 1
                } else if i < a.count && (j == b.count || table[i + 1][j] >= table[i][j + 1]) {
                    middle.append(("-", a[i])); i += 1
                } else {
                    middle.append(("+", b[j])); j += 1
                }
            }
        }
        return old[..<prefix].map { (" ", $0) } + middle + old[(old.count - suffix)...].map { (" ", $0) }
    }
}

/// Splits a line into words as a shell would: blanks separate, '…' and "…" quote, \ escapes.
enum ShellWords {
    struct Failure: Error, CustomStringConvertible { var description: String }

    static func split(_ line: String) throws -> [String] {
        var words: [String] = [], word = "", inWord = false
        var quote: Character?
        var characters = line.makeIterator()
        while let c = characters.next() {
            if let q = quote {
                if c == q { quote = nil } else if c == "\\" && q == "\"", let next = characters.next() { word.append(next) } else { word.append(c) }
            } else if c == "'" || c == "\"" {
                quote = c; inWord = true
            } else if c == "\\" {
                if let next = characters.next() { word.append(next) }
                inWord = true
            } else if c == " " || c == "\t" {
                if inWord { words.append(word); word = ""; inWord = false }
            } else {
                word.append(c); inWord = true
            }
        }
        if quote != nil { throw Failure(description: "unclosed quote in: \(line)") }
        if inWord { words.append(word) }
        return words
    }
}
