import Foundation
import Testing

/// Today's behaviour of `iki`, pinned: each case of `Tests/Golden/cases`, each ```iki example of
/// the documentation and each example script, run through the built program and compared with its
/// expected output. `IKI_GOLDEN_UPDATE=1 swift test --filter GoldenTests` rewrites the expected
/// files; see `Tests/Golden/README.md`.
@Suite("Golden outputs")
struct GoldenTests {
    @Test("each case of Tests/Golden/cases gives its expected output", arguments: GoldenCase.names)
    func goldenCase(_ name: String) throws {
        let golden = try GoldenCase.load(name)
        Golden.check(try golden.run(), against: "cases/\(name).out")
    }

    @Test("there are cases, and every expected file belongs to one")
    func noStrayExpectedFiles() throws {
        #expect(GoldenCase.names.count >= 45, "\(GoldenCase.names.count) cases in Tests/Golden/cases")
        let files = try FileManager.default.contentsOfDirectory(atPath: GoldenCase.folder.path)
        let stray = files.filter { $0.hasSuffix(".out") && !GoldenCase.names.contains(String($0.dropLast(4))) }
        #expect(stray.isEmpty, "expected files without a case: \(stray.sorted())")
        let documented = Set(DocumentExamples.documents.map { "\($0).out" })
        let docFiles = Golden.snapshot(TemporaryFolder(existing: Golden.directory.appendingPathComponent("docs"))).keys
        #expect(Set(docFiles).subtracting(documented).isEmpty, "stray files in docs/: \(Set(docFiles).subtracting(documented).sorted())")
        let scripts = Set(ExampleScripts.scripts.map { "\($0.dropFirst("examples/".count)).out" })
        let exampleFiles = Golden.snapshot(TemporaryFolder(existing: Golden.directory.appendingPathComponent("examples"))).keys
        #expect(Set(exampleFiles).subtracting(scripts).isEmpty, "stray files in examples/: \(Set(exampleFiles).subtracting(scripts).sorted())")
    }

    @Test("the ```iki examples of each document give their expected output", arguments: DocumentExamples.documents)
    func documentExamples(_ document: String) throws {
        Golden.check(try DocumentExamples.run(document), against: "docs/\(document).out")
    }

    @Test("each example script gives its expected output and files", arguments: ExampleScripts.scripts)
    func exampleScript(_ script: String) throws {
        Golden.check(try ExampleScripts.run(script), against: "examples/\(script.dropFirst("examples/".count)).out")
    }
}

/// The ```iki blocks of the documentation, each run as `iki --param period=2026-10 -c BLOCK`
/// over the bundled data in a fresh folder; one expected file per document.
enum DocumentExamples {
    /// README.md, grammar/*.md and examples/README.md, relative to the root.
    static let documents: [String] = {
        var documents = ["README.md"]
        let grammar = Iki.root.appendingPathComponent("grammar")
        if let names = try? FileManager.default.contentsOfDirectory(atPath: grammar.path) {
            documents += names.filter { $0.hasSuffix(".md") }.sorted().map { "grammar/\($0)" }
        }
        documents.append("examples/README.md")
        return documents.filter { FileManager.default.fileExists(atPath: Iki.root.appendingPathComponent($0).path) }
    }()

    /// Every example's command, its text and its run, in the order of the document.
    static func run(_ document: String) throws -> String {
        let text = try String(contentsOf: Iki.root.appendingPathComponent(document), encoding: .utf8)
        let blocks = MarkdownBlocks.iki(in: text)
        guard !blocks.isEmpty else { return "(no ```iki examples in \(document))\n" }
        var out = ""
        for (number, block) in blocks.enumerated() {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let arguments = ["--param", "period=2026-10", "-c", block.text]
            let result = try Golden.run(arguments, in: folder)
            let (written, removed) = Golden.changes(since: [:], in: folder)
            out += "==== example \(number + 1), \(document):\(block.line)\n"
            out += Golden.section("-- query", block.text + "\n")
            out += Golden.render(result, written: written, removed: removed, folder: folder)
            out += "\n"
        }
        return out
    }
}

/// The scripts of `examples/` (`queries/*.iki`, `monthly-review.iki`), each run as its usage
/// comment says (`--   iki examples/queries/trend.iki --param code=KBBFPEM-1`), from a fresh
/// folder holding a copy of the script at the same relative path.
enum ExampleScripts {
    static let scripts: [String] = {
        let examples = Iki.root.appendingPathComponent("examples")
        guard let walker = FileManager.default.enumerator(atPath: examples.path) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".iki") }.sorted().map { "examples/\($0)" }
    }()

    /// The arguments of the script's usage comment, after the script's path.
    static func arguments(_ script: String, text: String) throws -> [String] {
        for line in text.split(separator: "\n") where line.hasPrefix("--") {
            let words = try ShellWords.split(String(line.dropFirst(2)))
            if words.count >= 2, words[0] == "iki", words[1] == script { return Array(words.dropFirst(2)) }
        }
        return []
    }

    static func run(_ script: String) throws -> String {
        let text = try String(contentsOf: Iki.root.appendingPathComponent(script), encoding: .utf8)
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent(script).deletingLastPathComponent(),
                                                withIntermediateDirectories: true)
        try folder.write(script, text)
        let arguments = [script] + (try Self.arguments(script, text: text))
        let before = Golden.snapshot(folder)
        let result = try Golden.run(arguments, in: folder)
        let (written, removed) = Golden.changes(since: before, in: folder)
        return "-- command: " + Golden.commandLine(arguments) + "\n"
            + Golden.render(result, written: written, removed: removed, folder: folder)
    }
}
