import Foundation
import Testing

/// One case of `Tests/Golden/cases`: `NAME.iki`, its header (the leading `--` comment lines) and
/// the expected `NAME.out`. The format is described in `Tests/Golden/README.md`.
struct GoldenCase: CustomTestStringConvertible, Sendable {
    enum Input: String, Sendable {
        /// `iki ARGS NAME.iki`: the case's file is the script (the default).
        case file
        /// `iki ARGS` with the case's file as standard input.
        case stdin
        /// `iki ARGS`, standard input empty: the file holds only the header.
        case none
    }

    struct Fixture: Sendable {
        var name: String
        var contents: String
    }

    var name: String
    var text: String
    var arguments: [String] = []
    var input: Input = .file
    /// Package files (paths relative to the root) copied into the run's folder by their base name.
    var copies: [String] = []
    /// Files written into the run's folder before the run: inline ones, then the case's folder.
    var fixtures: [Fixture] = []

    var testDescription: String { name }

    static let folder = Golden.directory.appendingPathComponent("cases")

    /// The names of the cases (`*.iki` in `cases/`), sorted.
    static let names: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".iki") }.map { String($0.dropLast(4)) }.sorted()
    }()

    struct Failure: Error, CustomStringConvertible { var description: String }

    /// Reads `cases/NAME.iki` and its header.
    static func load(_ name: String) throws -> GoldenCase {
        let text = try String(contentsOf: folder.appendingPathComponent(name + ".iki"), encoding: .utf8)
        var golden = GoldenCase(name: name, text: text)
        var fixture: Fixture?
        func close() {
            if let f = fixture { golden.fixtures.append(f) }
            fixture = nil
        }
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw)
            guard line.hasPrefix("--") else { break }
            let place = "\(name).iki:\(number + 1)"
            if line == "-- |" || line.hasPrefix("-- | ") {
                guard fixture != nil else { throw Failure(description: "\(place): '-- |' outside a '-- file:' fixture") }
                fixture!.contents += String(line.dropFirst(line == "-- |" ? 4 : 5)) + "\n"
                continue
            }
            close()
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[line.index(line.startIndex, offsetBy: 2)..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "args":
                do { golden.arguments += try ShellWords.split(value) } catch { throw Failure(description: "\(place): \(error)") }
            case "input":
                guard let input = Input(rawValue: value) else { throw Failure(description: "\(place): input is file, stdin or none, not '\(value)'") }
                golden.input = input
            case "copy":
                golden.copies += value.split(separator: " ").map(String.init)
            case "file":
                guard !value.isEmpty else { throw Failure(description: "\(place): '-- file:' needs a name") }
                fixture = Fixture(name: value, contents: "")
            default:
                continue // a comment that happens to hold a colon
            }
        }
        close()
        return golden
    }

    /// Runs the case in a fresh folder and renders the run: the command, exit status, standard
    /// output and error, and every file it wrote.
    func run() throws -> String {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for path in copies {
            let source = Iki.root.appendingPathComponent(path)
            try FileManager.default.copyItem(at: source, to: folder.url.appendingPathComponent(source.lastPathComponent))
        }
        for fixture in fixtures {
            let url = folder.url.appendingPathComponent(fixture.name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(fixture.contents.utf8).write(to: url)
        }
        let own = Self.folder.appendingPathComponent(name)
        if let names = try? FileManager.default.contentsOfDirectory(atPath: own.path) {
            for entry in names.sorted() {
                try FileManager.default.copyItem(at: own.appendingPathComponent(entry), to: folder.url.appendingPathComponent(entry))
            }
        }
        var arguments = self.arguments
        var stdin: String?
        switch input {
        case .file:
            try folder.write(name + ".iki", text)
            arguments.append(name + ".iki")
        case .stdin: stdin = text
        case .none: break
        }
        let before = Golden.snapshot(folder)
        let result = try Golden.run(arguments, stdin: stdin, in: folder)
        let (written, removed) = Golden.changes(since: before, in: folder)
        return "-- command: " + Golden.commandLine(arguments) + (input == .stdin ? " < \(name).iki" : "") + "\n"
            + Golden.render(result, written: written, removed: removed, folder: folder)
    }
}
