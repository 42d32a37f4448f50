import Foundation

/// `Catalogue.codeIndex`'s storage: the index, or (a snapshot's catalogue) nothing until a code
/// is first looked up, when it is built from the indicators' codes. Shared by copies of a
/// catalogue, which may be read on several threads: the build is under a lock; a change goes
/// through `take` and `put` only while one catalogue holds the box (`isKnownUniquelyReferenced`).
final class CodeIndex: @unchecked Sendable, CustomReflectable {
    private var built: [String: Int]?
    private let lock = NSLock()

    /// `nil`: built on first use.
    init(_ index: [String: Int]?) { built = index }

    var isBuilt: Bool { lock.withLock { built != nil } }

    func index(_ indicators: [Indicator]) -> [String: Int] {
        lock.withLock {
            if let built { return built }
            let index = IndicatorCodes.index(indicators)
            built = index
            return index
        }
    }

    /// The index, taken out so that changing it copies nothing; `put` gives it back.
    func take(_ indicators: [Indicator]) -> [String: Int] {
        let index = built ?? IndicatorCodes.index(indicators)
        built = nil
        return index
    }

    func put(_ index: [String: Int]) { built = index }

    /// As the index (a snapshot test's dump compares it once built).
    var customMirror: Mirror { Mirror(self, children: ["index": lock.withLock { built } as Any], displayStyle: .class) }
}
