/// "Did you mean" among many names (the indicator codes of a province or the nation) at a cost
/// that does not grow with their number: a trigram index picks the few hundred names sharing the
/// most trigrams with the word, and `Nearest.names` ranks those. Ranking all 140k codes of a
/// province for each of 200 unknown codes took 509 s.
///
/// With at most `pool` names, the answer is exactly `Nearest.names` over all of them.
public struct NearestIndex: Sendable {
    public let names: [String]
    /// Trigram (three lower-cased bytes, the word padded with 0x01 at both ends) -> the names
    /// having it, in the names' order.
    private var postings: [UInt32: [Int32]] = [:]
    /// How many names are ranked by edit distance at most.
    public static let pool = 256
    /// How many postings one word may walk, the rarest trigrams first.
    static let budget = 200_000

    public init(names: [String]) {
        self.names = names
        guard names.count > Self.pool else { return }
        for (i, name) in names.enumerated() {
            for trigram in Set(Self.trigrams(name)) { postings[trigram, default: []].append(Int32(i)) }
        }
    }

    static func trigrams(_ word: String) -> [UInt32] {
        var bytes: [UInt8] = [1]
        for b in word.utf8 { bytes.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b) }
        bytes.append(1)
        guard bytes.count >= 3 else { return [] }
        return (0...(bytes.count - 3)).map { UInt32(bytes[$0]) << 16 | UInt32(bytes[$0 + 1]) << 8 | UInt32(bytes[$0 + 2]) }
    }

    /// As `Nearest.names(to:in:limit:always:)` over `names`, among the names that share the
    /// most trigrams with `word` (ties in the names' order).
    public func names(to word: String, limit: Int = 3, always: Bool = false) -> [String] {
        guard names.count > Self.pool else { return Nearest.names(to: word, in: names, limit: limit, always: always) }
        // A word past the cut-off gets nothing anyway; do not even index it.
        guard word.utf8.count <= 4 * Nearest.longestWord else { return [] }
        let lists = Set(Self.trigrams(word)).compactMap { postings[$0] }.sorted { $0.count < $1.count }
        // Counts in an array, then names bucketed by count: no sort of every name touched.
        var counts = [UInt16](repeating: 0, count: names.count)
        var touched: [Int32] = []
        var walked = 0
        for list in lists {
            if walked > 0 && walked + list.count > Self.budget { break }
            walked += list.count
            for i in list {
                if counts[Int(i)] == 0 { touched.append(i) }
                counts[Int(i)] &+= 1
            }
        }
        var buckets = [[Int32]](repeating: [], count: lists.count + 1)
        for i in touched { buckets[Int(counts[Int(i)])].append(i) }
        var chosen: [Int32] = []
        for bucket in buckets.reversed() where chosen.count < Self.pool {
            chosen += bucket.sorted().prefix(Self.pool - chosen.count)
        }
        chosen.sort()
        return Nearest.names(to: word, in: chosen.map { names[Int($0)] }, limit: limit, always: always)
    }
}
