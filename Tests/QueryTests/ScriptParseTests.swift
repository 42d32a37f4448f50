import Catalogue
import Testing
@testable import Query

/// A script is read once: every statement with its own diagnostic and its place in the text.
@Suite("Parsing a whole script once, with recovery at ';'")
struct ScriptParseTests {
    @Test("a statement with an error does not stop the ones after it; each keeps its text")
    func recovery() {
        let text = "show units; shwo x; show positions where; \n show indicators -- done"
        let parsed = Parser.script(text)
        #expect(parsed.map { String(text[$0.range]) } == ["show units", "shwo x", "show positions where", "show indicators"])
        #expect(parsed.map { (try? $0.result.get()) != nil } == [true, false, false, true])
        if case .failure(let error) = parsed[1].result { #expect(error.id == "expected-statement") }
    }

    @Test("a statement's end is where the input ends, as when it runs alone")
    func endOfStatement() {
        let parsed = Parser.script("show;\nshow units")
        guard case .failure(let error) = parsed[0].result else { Issue.record("show alone parsed"); return }
        #expect(error.message.hasSuffix("found the end of the input"))
        #expect(error.location == SourceLocation(file: "<query>", line: 2, column: 11))
    }

    @Test("text the lexer cannot read is the error of its statement only")
    func unreadable() {
        let parsed = Parser.script("show units; show units where x = !; show units")
        #expect(parsed.count == 3)
        if case .failure(let error) = parsed[1].result { #expect(error.id == "lone-exclamation") } else { Issue.record("no error") }
        #expect((try? parsed[2].result.get()) != nil)
    }

    @Test("the tolerant scan: an open string by its id, a comment running to the end")
    func tolerantScan() {
        #expect(Lexer.scan("show units where x = \"open").problem?.id == "unterminated-string")
        #expect(Lexer.scan("show units -- a comment").trailingComment != nil)
        #expect(Lexer.scan("show units -- a comment\n").trailingComment == nil)
        #expect(Lexer.scan("show units where x = \"a -- b\"").trailingComment == nil)
        #expect(Lexer.scan("12abc ; $ ; !").tokens.filter { $0.kind == .error }.count == 3)
    }
}
