import Foundation
import Query
import Render
import Testing
import TestSupport

/// What a user sees has a golden case: every statement of the vocabulary and every output format
/// appears in at least one case of Tests/Golden/cases, so adding one without a case fails here.
@Suite("Golden coverage")
struct GoldenCoverageTests {
    /// The scripts of every golden case (their text, header included), lower-cased.
    static let cases: [String] = {
        let folder = packageRoot.appendingPathComponent("Tests/Golden/cases")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".iki") }.sorted().compactMap {
            try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8).lowercased()
        }
    }()

    /// Whether some case has `word` as a whole word at the start of a statement or line.
    static func someCaseStarts(with word: String) -> Bool {
        cases.contains { text in
            text.split(whereSeparator: { $0 == "\n" || $0 == ";" }).contains { line in
                let trimmed = line.drop { $0 == " " || $0 == "\t" }
                return trimmed.hasPrefix(word + " ") || trimmed == Substring(word)
            }
        }
    }

    @Test("every statement has a golden case", arguments: Vocabulary.statements.map(\.keyword.rawValue))
    func statement(_ keyword: String) throws {
        try #require(!Self.cases.isEmpty, "no golden cases found")
        #expect(Self.someCaseStarts(with: keyword), "no case in Tests/Golden/cases runs '\(keyword)'")
    }

    @Test("every output format has a golden case", arguments: OutputFormat.names)
    func format(_ name: String) throws {
        try #require(!Self.cases.isEmpty, "no golden cases found")
        let used = Self.cases.contains { $0.contains("--format \(name)") || $0.contains("set format \(name)") || $0.contains("format \(name)") }
        #expect(used, "no case in Tests/Golden/cases uses the format '\(name)'")
    }
}
