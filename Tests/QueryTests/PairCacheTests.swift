import Catalogue
import Testing
@testable import Query

/// Realisations as rows: each (indicator, period) once, and their evaluations kept in a bounded
/// cache, not one per pair (a query over a province's realisations peaked at 1.1 GB).
@Suite("Realisation pairs and their evaluations")
struct PairCacheTests {
    @Test("each reported pair once, sorted by indicator then period, for the whole data and for a period",
          arguments: [nil, Period.month(2026, 10), Period.year(2026)])
    func pairs(period: Period?) {
        let dataset = Bundled.dataset
        let context = Context(dataset: dataset, period: period)
        // What the pairs are, said the plain way: a set of the rows' pairs, sorted.
        struct Key: Hashable, Comparable {
            var indicator: Int, period: Period
            static func < (a: Key, b: Key) -> Bool { (a.indicator, a.period) < (b.indicator, b.period) }
        }
        var expected = Set<Key>()
        dataset.realisations.forEachRow { indicator, rowPeriod, isReported, hasTarget in
            if (isReported || !hasTarget) && (period.map { $0.contains(rowPeriod) } ?? true) {
                expected.insert(Key(indicator: indicator, period: rowPeriod))
            }
        }
        let pairs = context.realisationPairs.map { Key(indicator: $0.indicator, period: $0.period) }
        #expect(pairs == expected.sorted())
        #expect(pairs.count > 1)
    }

    @Test("a pair's evaluation is the dataset's, read in any order, and at most the capacity is kept")
    func boundedEvaluations() {
        let dataset = Bundled.dataset
        let context = Context(dataset: dataset, period: nil)
        let pairs = context.realisationPairs
        #expect(pairs.count > PairCache.init().capacity / 8, "the bundled data has enough pairs to wrap a small cache")
        var cache = PairCache(capacity: 64)
        var generator = SplitMix(state: 7)
        let orders = [Array(pairs.indices), Array(pairs.indices.reversed()), pairs.indices.shuffled(using: &generator),
                      pairs.indices.flatMap { [$0, $0, max(0, $0 - 64)] }]
        for order in orders {
            for pair in order {
                let fresh = dataset.evaluate(pairs[pair].indicator, in: pairs[pair].period)
                if let kept = cache[pair] { #expect(kept == fresh) } else { cache[pair] = fresh }
                #expect(cache[pair] == fresh)
                #expect(cache.count <= 64)
            }
        }
        // Through the context: the same evaluations, and no more kept than one cache's worth each.
        for pair in pairs.indices.reversed() {
            #expect(context.evaluation(pair: pair) == dataset.evaluate(pairs[pair].indicator, in: pairs[pair].period))
            #expect(context.previousEvaluation(pair: pair) == dataset.evaluate(pairs[pair].indicator, in: pairs[pair].period.previous))
        }
        #expect(context.pairEvaluationsKept <= 2 * PairCache.init().capacity)
        #expect(context.pairEvaluationsKept == 2 * min(pairs.count, PairCache.init().capacity))
    }
}
