import Catalogue
import Foundation
import Testing
@testable import Query

/// A query example from the documentation or the examples folder.
struct QueryExample: CustomTestStringConvertible, Sendable {
    /// Relative to the package root.
    var file: String
    /// 1-based line of the file where the example's text starts.
    var line: Int
    var text: String
    /// The whole file, to show the offending line of a diagnostic.
    var fileText: String

    var testDescription: String { "\(file):\(line)" }
}

/// Every example: each fenced block tagged ```iki in grammar/*.md and README.md (one block is one
/// script, statements separated by `;`), and each examples/**/*.iki file.
enum QueryExamples {
    static func read(_ relative: String) -> String? {
        try? String(contentsOf: packageRoot.appendingPathComponent(relative), encoding: .utf8)
    }

    static let markdownFiles: [String] = {
        var files: [String] = []
        let grammar = packageRoot.appendingPathComponent("grammar")
        if let names = try? FileManager.default.contentsOfDirectory(atPath: grammar.path) {
            files += names.filter { $0.hasSuffix(".md") }.sorted().map { "grammar/\($0)" }
        }
        if FileManager.default.fileExists(atPath: packageRoot.appendingPathComponent("README.md").path) {
            files.append("README.md")
        }
        return files
    }()

    static let scriptFiles: [String] = {
        let examples = packageRoot.appendingPathComponent("examples")
        guard let walker = FileManager.default.enumerator(atPath: examples.path) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".iki") }.sorted().map { "examples/\($0)" }
    }()

    static let all: [QueryExample] = {
        var examples: [QueryExample] = []
        for file in markdownFiles {
            guard let text = read(file) else { continue }
            examples += MarkdownBlocks.iki(in: text, file: file)
        }
        for file in scriptFiles {
            guard let text = read(file) else { continue }
            examples.append(QueryExample(file: file, line: 1, text: text, fileText: text))
        }
        return examples
    }()
}

/// Fenced code blocks of Markdown (CommonMark: a fence of three or more backticks or tildes,
/// closed by a fence of the same character at least as long), keeping those tagged `iki`.
enum MarkdownBlocks {
    static func iki(in text: String, file: String) -> [QueryExample] {
        var examples: [QueryExample] = []
        var open: (character: Character, length: Int, isIki: Bool, line: Int, lines: [String])?
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
            let trimmed = line.drop { $0 == " " }
            let fenceCharacter = trimmed.first
            let fenceLength = fenceCharacter.map { c in trimmed.prefix { $0 == c }.count } ?? 0
            let isFence = (fenceCharacter == "`" || fenceCharacter == "~") && fenceLength >= 3
            if var block = open {
                let rest = trimmed.dropFirst(fenceLength).trimmingCharacters(in: .whitespaces)
                if isFence, fenceCharacter == block.character, fenceLength >= block.length, rest.isEmpty {
                    if block.isIki {
                        examples.append(QueryExample(file: file, line: block.line, text: block.lines.joined(separator: "\n"), fileText: text))
                    }
                    open = nil
                } else {
                    block.lines.append(line)
                    open = block
                }
            } else if isFence, let c = fenceCharacter {
                let info = trimmed.dropFirst(fenceLength).trimmingCharacters(in: .whitespaces)
                let language = info.split(separator: " ").first.map { $0.lowercased() } ?? ""
                open = (c, fenceLength, language == "iki", index + 2, [])
            }
        }
        return examples
    }
}

@Suite("Every documented example parses")
struct GrammarExamplesTests {
    @Test("there are examples to check (grammar/*.md, README.md, examples/**/*.iki)")
    func examplesExist() {
        #expect(!QueryExamples.all.isEmpty, "no ```iki block in grammar/*.md or README.md and no examples/**/*.iki file")
        #expect(QueryExamples.all.allSatisfy { !$0.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty },
                "an empty example: \(QueryExamples.all.filter { $0.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }.map(\.testDescription))")
    }

    @Test("each example parses without error", arguments: QueryExamples.all)
    func parses(example: QueryExample) {
        do {
            let statements = try Parser.parse(example.text, file: example.file, line: example.line)
            #expect(!statements.isEmpty, "\(example.testDescription) holds no statement")
        } catch {
            // Rendered against the whole file, so the line shown is the file's own.
            Issue.record("\(example.testDescription) does not parse:\n\(error.rendered(source: example.fileText))")
        }
    }

    @Test("the block reader finds only iki blocks, with their lines, and skips other fences")
    func blockReader() {
        let text = """
            # Title
            ```iki
            show units
            ```
            ```text
            ```iki
            not an example
            ```
            ````iki
            show indicators
            ```
            where code = SDIN-1
            ````
            ~~~ iki extra
            describe units
            ~~~
            """
        let found = MarkdownBlocks.iki(in: text, file: "doc.md").map { "\($0.line): \($0.text)" }
        #expect(found == ["3: show units", "10: show indicators\n```\nwhere code = SDIN-1", "15: describe units"])
    }
}
