import Catalogue
import Query
import Testing
@testable import REPL
@testable import Shell

/// Every statement of `Vocabulary.statements` is known to help, completion and multi-line
/// input: a statement added to the table without them fails here, not silently in the shell.
@Suite("The statement table: every statement has help, completion and a multi-line rule")
struct StatementTableTests {
    @Test("every statement has its lines in the general help", arguments: Vocabulary.statements.map(\.keyword))
    func help(_ keyword: Keyword) throws {
        let usage = try #require(Help.usage(keyword), "no help for \(keyword.rawValue)")
        #expect(!usage.isEmpty)
        for line in usage { #expect(Help.general.contains("  " + line + "\n")) }
    }

    @Test("every statement is offered at the start, and completes as its row says", arguments: Vocabulary.statements.map(\.keyword))
    func completion(_ keyword: Keyword) throws {
        let rule = try #require(Vocabulary.statement(keyword))
        #expect(complete("").contains(keyword.rawValue))
        for alias in keyword.aliases { #expect(complete(String(alias.prefix(2))).contains(alias)) }
        #expect(complete(keyword.rawValue + " ").isEmpty == (rule.completion == .nothing))
    }

    @Test("every statement's keyword alone is complete or not as its multi-line rule says", arguments: Vocabulary.statements.map(\.keyword))
    func multiLine(_ keyword: Keyword) throws {
        let rule = try #require(Vocabulary.statement(keyword))
        let standsAlone: Bool
        switch rule.multiLine {
        case .always, .alone: standsAlone = true
        case .words, .needs, .unlessOpen: standsAlone = false
        }
        #expect(MultiLine.isComplete(keyword.rawValue) == standsAlone)
        #expect(MultiLine.isComplete(keyword.rawValue + ";"))
    }

    @Test("every statement's keyword starts a statement for the parser", arguments: Vocabulary.statements.map(\.keyword))
    func parser(_ keyword: Keyword) {
        for parsed in Parser.script(keyword.rawValue) {
            if case .failure(let error) = parsed.result { #expect(error.id != "expected-statement", "\(error)") }
        }
    }

    @Test("questions go to the interpreter, commands to the session")
    func kinds() throws {
        for (text, kind) in [("show units", StatementRule.Kind.query), ("describe units", .query), ("set timer on", .command),
                             ("load catalogue \"x\"", .command), ("help", .command), ("quit", .command),
                             ("export show units to \"u.csv\"", .command)] {
            let statement = try Parser.parse(text)[0]
            let keyword = Keyword(word: String(text.prefix { $0 != " " }))
            #expect(Vocabulary.statement(keyword)?.kind == kind)
            #expect((statement.question != nil) == (kind == .query), "\(text)")
        }
    }
}
