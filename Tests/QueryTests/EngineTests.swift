import Catalogue
import Testing
@testable import Query

/// The engine's fast paths (evaluation split between threads, grouping by integer ids, sorting
/// by numeric keys) give exactly what the plain way gives.
@Suite("Engine fast paths")
struct EngineTests {
    @Test("evaluations split into chunks between threads equal one by one, for a month, a quarter and the year",
          arguments: [Period.month(2026, 10), Period(year: 2026, granularity: .quarter, index: 2), .year(2026)])
    func parallelEvaluation(period: Period) {
        let dataset = Bundled.dataset
        let plain = dataset.catalogue.indicators.indices.map { dataset.evaluate($0, in: period) }
        let chunked = Context.evaluateAll(dataset, period, chunkSize: 4)
        #expect(chunked == plain)
        #expect(plain.contains { $0.achievement != nil })
    }

    @Test("grouping by ids makes the same groups as grouping by the values, for every combination of keys",
          arguments: [["bidang"], ["seksi"], ["unit"], ["office"], ["region"], ["region", "office", "bidang"], ["bidang", "seksi", "unit"]])
    func groupIDs(keys: [String]) throws {
        let context = Context(dataset: Bundled.dataset, period: .month(2026, 10))
        var resolver = Resolver(thing: .indicators, context: context)
        let compiled = try keys.map { name throws(Diagnostic) in try resolver.compile(.name(name, Token(kind: .identifier, text: name, location: SourceLocation(file: "", line: 1), length: name.count))) }
        let packed = try #require(packedGroupKey(compiled))
        let rows = Array(0..<Bundled.dataset.catalogue.indicators.count)
        func partition<Key: Hashable>(_ key: (Int) -> Key) -> Set<Set<Int>> {
            Set(Dictionary(grouping: rows, by: key).values.map(Set.init))
        }
        let byValues = partition { row in
            compiled.map { c -> Value in
                if case .text(let s) = c.eval(row) { return .text(s.lowercased()) }
                return c.eval(row)
            }
        }
        #expect(partition(packed) == byValues)
        #expect(byValues.count > 1 || keys == ["office"] || keys == ["region"])
    }

    @Test("grouping realisations (rows are indicator and period pairs) by ids matches grouping by values")
    func groupIDsOfRealisations() throws {
        let context = Context(dataset: Bundled.dataset, period: nil)
        var resolver = Resolver(thing: .realisations, context: context)
        let token = Token(kind: .identifier, text: "bidang", location: SourceLocation(file: "", line: 1), length: 6)
        let keys = [try resolver.compile(.name("bidang", token)), try resolver.compile(.name("seksi", token))]
        #expect(keys.allSatisfy { $0.groupID?.column == nil })
        let packed = try #require(packedGroupKey(keys))
        let rows = Array(0..<Schema.rowCount(.realisations, context))
        #expect(rows.count > Bundled.dataset.catalogue.indicators.count)
        let byIDs = Set(Dictionary(grouping: rows, by: packed).values.map(Set.init))
        let byValues = Set(Dictionary(grouping: rows) { row in keys.map { $0.eval(row) } }.values.map(Set.init))
        #expect(byIDs == byValues)
    }

    @Test("a key without ids (a number, a period) groups by values")
    func noGroupIDs() throws {
        let context = Context(dataset: Bundled.dataset, period: .month(2026, 10))
        var resolver = Resolver(thing: .indicators, context: context)
        let token = Token(kind: .identifier, text: "achievement", location: SourceLocation(file: "", line: 1), length: 11)
        let keys = [try resolver.compile(.name("bidang", token)), try resolver.compile(.name("achievement", token))]
        #expect(packedGroupKey(keys) == nil)
    }

    @Test("a new dataset drops the evaluations and columns kept for the old one")
    func cacheFollowsDataset() throws {
        var interpreter = Interpreter(dataset: Bundled.dataset)
        let query = try Parser.parse("show indicators bidang, count(*) group by bidang")[0]
        let before = try interpreter.run(query)
        #expect(interpreter.cache.columns != nil)
        var smaller = Bundled.dataset
        smaller.catalogue.indicators.removeLast(70)
        interpreter.dataset = Dataset(catalogue: smaller.catalogue)
        #expect(interpreter.cache.columns == nil)
        let after = try interpreter.run(query)
        #expect(after.rows.map { $0[1] }.reduce(0.0) { $0 + ($1.number ?? 0) } == 5)
        #expect(before.rows.map { $0[1] }.reduce(0.0) { $0 + ($1.number ?? 0) } == 75)
    }

    /// The comparison the sort keys replace: pairwise, value by value.
    func referenceOrder(_ columns: [[Value]], descending: [Bool]) -> [Int] {
        (0..<(columns.first?.count ?? 0)).sorted { a, b in
            for (k, desc) in descending.enumerated() {
                let x = columns[k][a], y = columns[k][b]
                if x.isMissing != y.isMissing { return !x.isMissing }
                guard let before = orderedBefore(x, y) else { continue }
                return desc ? !before : before
            }
            return a < b
        }
    }

    @Test("sorting by numeric keys and ranks orders rows as comparing values pairwise does, missing last either way")
    func sortKeys() throws {
        var generator = SystemRandomNumberGenerator()
        let texts = ["Bidang 10", "bidang 2", "Bidang 2", "Sekretariat", "sekretariat", "UPT", "Ärzte", "seksi a"]
        for round in 0..<200 {
            let count = Int.random(in: 0...40, using: &generator)
            func value(_ kind: Int) -> Value {
                if Int.random(in: 0..<5, using: &generator) == 0 { return .missing }
                switch kind {
                case 0: return .number(Double(Int.random(in: -3...3, using: &generator)) / 2)
                case 1: return .text(texts.randomElement(using: &generator)!)
                default: return .period(.month(2026, Int.random(in: 1...12, using: &generator)))
                }
            }
            let kinds = (0..<Int.random(in: 1...3, using: &generator)).map { _ in Int.random(in: 0...2, using: &generator) }
            let columns = kinds.map { kind in (0..<count).map { _ in value(kind) } }
            let descending = kinds.map { _ in Bool.random(using: &generator) }
            #expect(try stableOrder(columns: columns, descending: descending) == referenceOrder(columns, descending: descending), "round \(round)")
        }
    }
}
