import Foundation
import Testing
@testable import Catalogue

/// A query's evaluation lets the pages of the mapped rows it has read go, block by block: only
/// pages it read, whole pages, each once; never an array of its own; the same evaluations.
@Suite("Touched pages")
struct TouchedPagesTests {
    static let page = 1 << TouchedPages.pageShift

    @Test("the pages of the elements marked are let go in runs, each once, then forgotten")
    func runs() {
        let region = UnsafeMutableRawPointer.allocate(byteCount: 200 * Self.page, alignment: Self.page)
        defer { region.deallocate() }
        // 8-byte elements from 16 bytes into the first page.
        let bytes = UnsafeRawBufferPointer(start: region + 16, count: 199 * Self.page)
        var letGo: [Range<Int>] = []
        var pages = TouchedPages(bytes, stride: 8, letGo: { r in
            let first = (Int(bitPattern: r.baseAddress) - Int(bitPattern: region)) / Self.page
            letGo.append(first..<first + r.count / Self.page)
            #expect(Int(bitPattern: r.baseAddress) % Self.page == 0 && r.count % Self.page == 0)
        })
        let perPage = Self.page / 8
        #expect(pages.isActive)
        pages.mark(0)                                     // page 0
        pages.mark(perPage - 2, count: 3)                 // the last element of page 0, page 1
        pages.mark(5 * perPage)                           // page 5
        pages.mark(63 * perPage, count: 2 * perPage)      // pages 63-65: across a word of the bitmap
        pages.mark(5 * perPage + 3)                       // page 5 again
        pages.release()
        #expect(letGo == [0..<2, 5..<6, 63..<66])
        letGo = []
        pages.release()
        #expect(letGo.isEmpty, "forgotten once let go")
        pages.mark(199 * perPage - 1)                     // the last element: 8 bytes into page 199
        pages.release()
        #expect(letGo == [199..<200])
    }

    @Test("an array of its own is never let go; a view of a mapped snapshot is")
    func onlyMappings() throws {
        var own = TouchedPages(MappedArray<Double>([1, 2, 3]))
        #expect(!own.isActive)
        own.mark(1)
        own.release()
        let (folder, sources) = try SnapshotTests.copied()
        defer { folder.remove() }
        let file = folder.file("data.snapshot")
        _ = Dataset.load(sources, snapshot: SnapshotTests.policy(file))
        let (warm, _, use) = Dataset.load(sources, snapshot: SnapshotTests.policy(file))
        #expect(use.used)
        #expect(TouchedPages(warm.realisations.stored).isActive && TouchedPages(warm.realisations.numbers).isActive)
    }

    @Test("evaluating from the mapping, its pages let go after every indicator or every few: the same as a fresh load's")
    func sameEvaluations() throws {
        let (folder, sources) = try SnapshotTests.copied()
        defer { folder.remove() }
        let file = folder.file("data.snapshot")
        let (fresh, _) = Dataset.load(sources)
        _ = Dataset.load(sources, snapshot: SnapshotTests.policy(file))
        let (warm, _, use) = Dataset.load(sources, snapshot: SnapshotTests.policy(file))
        #expect(use.used && warm.realisations.stored.isMapped)
        let count = warm.catalogue.indicators.count
        let periods: [Period] = (1...12).map { .month(2026, $0) } + [.year(2026), .range(2026, from: 2, to: 7)]
        for period in periods {
            let expected = (0..<count).map { fresh.evaluate($0, in: period) }
            for every in [1, 3, RealisationStore.releaseEvery] {
                let got = [Evaluation](unsafeUninitializedCapacity: count) { buffer, initialized in
                    warm.realisations.evaluate(0..<count, in: period, catalogue: warm.catalogue, scale: warm.scale, into: buffer, releaseEvery: every)
                    initialized = count
                }
                #expect(got == expected, "\(period), every \(every)")
            }
        }
        // Read again after being let go: the same rows.
        #expect(SnapshotTests.dump(warm.realisations) == SnapshotTests.dump(fresh.realisations))
    }
}
