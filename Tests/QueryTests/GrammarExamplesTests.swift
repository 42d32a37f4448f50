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
            examples += MarkdownBlocks.iki(in: text).map { QueryExample(file: file, line: $0.line, text: $0.text, fileText: text) }
        }
        for file in scriptFiles {
            guard let text = read(file) else { continue }
            examples.append(QueryExample(file: file, line: 1, text: text, fileText: text))
        }
        return examples
    }()
}
