import Foundation
import Testing
import Catalogue
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

    @Test("unit kind aliases are documented exactly")
    func unitKinds() throws {
        #expect(try Self.table("Unit kinds") == Vocabulary.unitKindAliases.mapValues(\.rawValue))
    }

    /// Every word where an expression is read (keywords, fields, aggregates) has one meaning:
    /// `periode` was both the clause `for` and the field `period`, so the field could not be named.
    @Test("no word means two things where expressions are read")
    func expressionWordsAreUnambiguous() {
        var meanings: [String: Set<String>] = [:]
        for k in Keyword.allCases { for w in k.spellings { meanings[w, default: []].insert("keyword \(k.rawValue)") } }
        for thing in Thing.allCases { for f in Schema.fields(thing) { meanings[f.name, default: []].insert("field \(f.name)") } }
        for (alias, field) in Vocabulary.fieldAliases { meanings[alias, default: []].insert("field \(field)") }
        for (alias, aggregate) in Vocabulary.aggregates { meanings[alias, default: []].insert("function \(aggregate)") }
        for (word, meaning) in meanings.sorted(by: { $0.key < $1.key }) {
            // A field also called as an aggregate is told apart by the parenthesis: none exists today.
            #expect(meaning.count == 1, "'\(word)' means \(meaning.sorted().joined(separator: " and "))")
        }
    }

    /// Where a thing, a setting or a load kind is read, each word names one, and no keyword.
    @Test("no word means two things where things, settings and load kinds are read")
    func namesAreUnambiguous() {
        let keywords = Set(Keyword.allCases.flatMap(\.spellings))
        func check(_ table: String, _ entries: [(String, String)]) {
            var seen: [String: String] = [:]
            for (word, meaning) in entries {
                if let other = seen[word] { #expect(other == meaning, "\(table): '\(word)' means \(other) and \(meaning)") }
                seen[word] = meaning
                #expect(!keywords.contains(word) || table == "settings" && word == meaning, "\(table): '\(word)' is also a keyword")
            }
        }
        check("things", Thing.allCases.flatMap { t in ([t.rawValue] + t.aliases).map { ($0, t.rawValue) } })
        check("settings", SettingName.allCases.flatMap { s in ([s.rawValue] + s.aliases).map { ($0, s.rawValue) } })
        check("load kinds", LoadKind.allCases.flatMap { k in ([k.rawValue] + k.aliases).map { ($0, k.rawValue) } })
        check("languages", Vocabulary.languageWords.map { ($0.key, $0.value.rawValue) })
        check("unit kinds", Vocabulary.unitKindWords.map { ($0.key, $0.value.rawValue) })
    }

    @Test("unit kind words compare as the kind they name")
    func unitKindWordsNameKinds() {
        #expect(Vocabulary.unitKindWords["kasi"] == .seksi)
        #expect(Vocabulary.unitKindWords["kabid"] == .bidang)
        #expect(Vocabulary.unitKindWords["kasubag"] == .subBagian)
        for kind in UnitKind.allCases { #expect(Vocabulary.unitKindWords[kind.rawValue] == kind) }
    }
}
