import Foundation
import Testing
@testable import Query

/// grammar/aliases.md is the documented table of Bahasa Indonesia aliases; Vocabulary.swift must hold
/// exactly the same, section by section.
@Suite("The alias table in grammar/aliases.md")
struct AliasTableTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `| alias | target |` rows under the heading `## title`.
    static func table(_ title: String) throws -> [String: String] {
        let text = try String(contentsOf: root.appendingPathComponent("grammar/aliases.md"), encoding: .utf8)
        guard let start = text.range(of: "## \(title)\n") else { return [:] }
        let section = text[start.upperBound...].prefix { _ in true }
        var rows: [String: String] = [:]
        for line in section.split(separator: "\n") {
            if line.hasPrefix("## ") { break }
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 2, cells[0] != "alias", !cells[0].hasPrefix("---") else { continue }
            rows[cells[0]] = cells[1]
        }
        return rows
    }

    @Test("keyword aliases are documented exactly")
    func keywords() throws {
        #expect(try Self.table("Keywords") == Vocabulary.keywordAliases)
    }

    @Test("setting aliases are documented exactly")
    func settings() throws {
        #expect(try Self.table("Settings") == Vocabulary.settingAliases)
    }

    @Test("thing aliases are documented exactly (canonical names aside)")
    func things() throws {
        let code = Vocabulary.thingAliases.filter { $0.key != $0.value.rawValue }.mapValues(\.rawValue)
        #expect(try Self.table("Things") == code)
    }

    @Test("field aliases are documented exactly")
    func fields() throws {
        #expect(try Self.table("Fields") == Vocabulary.fieldAliases)
    }

    @Test("aggregate aliases are documented exactly")
    func aggregates() throws {
        let code = Vocabulary.aggregates.filter { $0.key != $0.value }
        #expect(try Self.table("Aggregate functions") == code)
    }

    @Test("every documented field alias names a real field of some thing")
    func aliasesNameFields() {
        let names = Set(Thing.allCases.flatMap { Schema.fields($0).map(\.name) })
        for (alias, field) in Vocabulary.fieldAliases {
            #expect(names.contains(field), "\(alias) -> \(field) is not a field")
        }
    }
}
