import Catalogue
import Testing
@testable import Query
@testable import Render

/// A number past the largest Double in a computed value (`target * 1e300 * 1e300`, a sum of two
/// 1e308) is missing, never `inf`, with one warning per operator or aggregate, positioned on it.
@Suite("Arithmetic overflow: missing, with a positioned warning")
struct ArithmeticOverflowTests {
    static let big = "1" + String(repeating: "0", count: 300)
    static let query = "show indicators code, target * \(big) * \(big), target / 2 where unit = \"Permodalan\""

    @Test("a product past the largest number is missing, and the warning's caret is on the operator that overflowed")
    func product() throws {
        let result = try run(Self.query)
        #expect(result.rows.count == 3)
        #expect(result.rows.allSatisfy { $0[1] == .missing && $0[2] != .missing })
        #expect(result.warnings.count == 1)
        let warning = try #require(result.warnings.first)
        #expect(warning.id == "arithmetic-overflow")
        #expect(warning.message.contains("3 row(s)"))
        // The second `*`: the first gives target * 1e300, still finite.
        let second = Self.query.range(of: " * ", options: .backwards)!.lowerBound
        #expect(warning.location?.column == Self.query.distance(from: Self.query.startIndex, to: second) + 2)
        #expect(warning.length == 1)
    }

    @Test("division by zero stays missing without a warning; an overflow in the filter warns once")
    func divisionAndFilter() throws {
        #expect(try run("show indicators code, target / 0 limit 2").warnings.isEmpty)
        let filtered = try run("show indicators code where target * \(Self.big) * \(Self.big) > 0")
        #expect(filtered.rows.isEmpty)
        #expect(filtered.warnings.map(\.id) == ["arithmetic-overflow"])
        // Sorted by the column and projected: each row counted once.
        let sorted = try run("show indicators code, target * \(Self.big) * \(Self.big) as x where unit = \"Permodalan\" order by x")
        #expect(sorted.warnings.count == 1 && sorted.warnings[0].message.contains("3 row(s)"))
    }

    @Test("an aggregate that overflows warns at the call, the caret spanning it")
    func aggregate() throws {
        // Each term 1.7e308 (target / target is 1), finite; their sum is not.
        let nearMax = "17" + String(repeating: "0", count: 307)
        let query = "show indicators count(*), sum(target / target * \(nearMax)) as s"
        let result = try run(query)
        #expect(result.rows.first?[1] == .missing)
        let warning = try #require(result.warnings.first)
        #expect(warning.id == "result-overflow")
        #expect(warning.location?.column == 27)
        #expect(warning.length == "sum(target / target * \(nearMax))".count)
        #expect(result.warnings.count == 1)
    }

    @Test("no output format prints inf or nan for an overflowed computation; JSON is null", arguments: OutputFormat.allCases)
    func everyFormat(_ format: OutputFormat) throws {
        let result = try run(Self.query)
        let text = Renderer.render(result, RenderOptions(format: format)).lowercased()
        #expect(!text.contains("inf") && !text.contains("nan"))
        if format == .json { #expect(text.contains("null")) }
    }
}
