import Catalogue
import Testing
@testable import Query

/// Every stage after the parser walks the expression tree recursively, so the parser refuses a tree
/// taller than `Parser.maximumDepth`, however it is built, and never recurses deeper than that itself.
@Suite("Parser: depth of expressions is bounded")
struct ParserDepthTests {
    func error(_ query: String) -> Diagnostic? {
        do { _ = try Parser.parse(query); return nil } catch { return error }
    }

    @Test("a chain of 200 terms and 200 nested parentheses parse")
    func withinLimit() {
        let chain = (0..<200).map { "achievement > \($0)" }.joined(separator: " or ")
        #expect(error("show indicators where \(chain)") == nil)
        let nested = String(repeating: "(", count: 200) + "achievement" + String(repeating: ")", count: 200)
        #expect(error("show indicators where \(nested) > 1") == nil)
    }

    @Test("chains nested in the first term of chains add up: refused, not a stack overflow")
    func chainsOfChains() throws {
        // ((... (a > 0 or ... or a > 99) or ...) or ...): each level's chain is short, the tree is tall.
        var text = "achievement > 0"
        for _ in 0..<20 { text = "(" + text + String(repeating: " or achievement > 1", count: 30) + ")" }
        let diagnostic = try #require(error("show indicators where \(text)"))
        #expect(diagnostic.id == "expression-too-deep")
    }

    @Test("100,000 parentheses, nots or minus signs are refused at the 257th")
    func hostile() throws {
        for (prefix, unit) in [("(", 1), ("not ", 4), ("- ", 2)] {
            let query = "show indicators where " + String(repeating: prefix, count: 100_000) + "achievement"
            let diagnostic = try #require(error(query))
            #expect(diagnostic.id == "expression-too-deep")
            #expect(diagnostic.location?.column == 23 + 256 * unit, "\(prefix)")
        }
    }
}
