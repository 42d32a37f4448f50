import Foundation
import Testing
@testable import Catalogue

/// `inBatches`, the loop both loaders share: batches made ahead on other threads, taken in order.
@Suite("Loading in batches")
struct BatchesTests {
    /// The thread a closure ran on, as a number that compares.
    static func thread() -> UInt { UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(bitPattern: UInt(pthread_self())))) }

    @Test("every batch is taken once, in order, whatever the count; none for no work")
    func order() {
        for (count, size) in [(0, 32), (1, 32), (32, 32), (33, 32), (100, 7)] {
            var taken: [Range<Int>] = []
            inBatches(of: size, count: count, cancellation: .never, make: { $0 }) { taken.append($0) }
            #expect(taken == stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }, "\(count) by \(size)")
        }
    }

    @Test("the first batch is made on the calling thread (a one-file province parses where its rows are kept)")
    func firstOnTheCaller() {
        let caller = Self.thread()
        var madeOn: [UInt] = []
        inBatches(of: 1, count: 3, cancellation: .never, make: { _ in Self.thread() }) { madeOn.append($0) }
        #expect(madeOn.count == 3)
        #expect(madeOn.first == caller)
    }

    @Test("cancelled, no batch is taken after the question says so")
    func cancelled() {
        let stop = LockedFlag()
        var taken = 0
        inBatches(of: 1, count: 5, cancellation: LoadCancellation { stop.value }, make: { $0 }) { _ in
            taken += 1
            if taken == 2 { stop.value = true }
        }
        #expect(taken == 2)
        var none = 0
        inBatches(of: 1, count: 5, cancellation: LoadCancellation { true }, make: { $0 }) { _ in none += 1 }
        #expect(none == 0)
    }
}

/// A Bool read from the loader's threads.
final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = false
    var value: Bool {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
