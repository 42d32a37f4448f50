import Foundation

/// Edit distance and "did you mean" suggestions, shared by every loader and the query language.
public enum Nearest {
    /// Levenshtein distance over characters.
    public static func distance(_ a: String, _ b: String) -> Int {
        // ASCII (names, words, codes): characters are bytes, but for CR LF, which is one.
        let ascii = a.withBytes { x, xASCII in
            b.withBytes { y, yASCII in
                xASCII && yASCII && !x.contains(0x0D) && !y.contains(0x0D) ? distance(x, y, limit: Int.max) : nil
            }
        }
        if let ascii { return ascii }
        return distance(Array(a), Array(b), limit: Int.max)!
    }

    /// The edit distance when it is at most `limit`, else nil; rows stop as soon as every entry
    /// exceeds the limit.
    static func distance<C: RandomAccessCollection>(_ a: C, _ b: C, limit: Int) -> Int? where C.Element: Equatable, C.Index == Int {
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * (b.count + 1)) { buffer in
            var previous = UnsafeMutableBufferPointer(rebasing: buffer[0...b.count])
            var row = UnsafeMutableBufferPointer(rebasing: buffer[(b.count + 1)...])
            for j in 0...b.count { previous[j] = j }
            for i in 1...a.count {
                row[0] = i
                var smallest = i
                let ai = a[a.startIndex + i - 1]
                for j in 1...b.count {
                    row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (ai == b[b.startIndex + j - 1] ? 0 : 1))
                    smallest = min(smallest, row[j])
                }
                if smallest > limit { return nil }
                swap(&previous, &row)
            }
            return previous[b.count] <= limit ? previous[b.count] : nil
        }
    }

    /// The edit distance when it is at most `limit`, else nil: on bytes for ASCII (but CR LF,
    /// one Character), else on Characters.
    static func distance(_ a: String, _ b: String, limit: Int) -> Int? {
        let ascii = a.withBytes { x, xASCII in
            b.withBytes { y, yASCII -> Int?? in
                xASCII && yASCII && !x.contains(0x0D) && !y.contains(0x0D) ? .some(distance(x, y, limit: limit)) : nil
            }
        }
        if let ascii { return ascii }
        return distance(Array(a), Array(b), limit: limit)
    }

    /// The longest word, in Characters, that gets suggestions at all: a longer one is no typo,
    /// and comparing it would cost in proportion to its length (a megabyte of text compared with
    /// every unit name took 36 s). A word more than twice as long as the longest candidate gets
    /// none either.
    public static let longestWord = 64

    /// Up to `limit` candidates closest to `word` (case-insensitive), nearest first, ties in the
    /// candidates' order; only those within a distance that still looks like a typo, unless
    /// `always` is set. None for a word longer than `longestWord` Characters or than twice the
    /// longest candidate.
    ///
    /// The cost is bounded: each distance is computed only up to the distance the candidate
    /// must beat (the typo threshold, or the `limit`-th best so far), lengths that differ by more
    /// than that are not compared at all, and candidates are kept a batch at a time, so the time
    /// grows with the number of candidates times log(limit).
    public static func names(to word: String, in candidates: [String], limit: Int = 3, always: Bool = false) -> [String] {
        guard limit > 0, !candidates.isEmpty else { return [] }
        // Counting stops past the cut-off, so a megabyte costs no more than a long word.
        guard word.prefix(longestWord + 1).count <= longestWord else { return [] }
        let w = word.lowercased()
        let wordCount = w.count
        guard wordCount <= longestWord, wordCount <= 2 * (candidates.lazy.map(\.count).max() ?? 0) else { return [] }
        let threshold = always ? Int.max : max(2, wordCount / 2)
        // (distance, offset, name), the best first once sorted; `bound` is the largest distance
        // that can still make the list.
        var scored: [(Int, Int, String)] = []
        var bound = threshold
        func keepBest() {
            var seen = Set<String>()
            scored = Array(scored.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.filter { seen.insert($0.2).inserted }.prefix(limit))
            // A later candidate at the same distance loses the tie, so it must be nearer.
            if scored.count == limit { bound = min(bound, scored[limit - 1].0 - 1) }
        }
        for (offset, name) in candidates.enumerated() {
            if bound < 0 { break }
            let n = name.lowercased()
            let difference = abs(n.count - wordCount)
            // A name that contains what was typed (or the reverse) is a good suggestion too.
            let containedScore = max(1, difference / 2)
            var d: Int? = difference > bound ? nil : distance(w, n, limit: bound)
            if !w.isEmpty, containedScore <= bound, d.map({ containedScore < $0 }) ?? true,
               n.count >= wordCount ? n.contains(w) : w.contains(n) {
                d = containedScore
            }
            guard let d else { continue }
            scored.append((d, offset, name))
            if scored.count >= 4 * limit + 16 { keepBest() }
        }
        keepBest()
        return scored.map(\.2)
    }

    /// Whether two words are the same word give or take a typo or a truncation: from five
    /// characters on, one a prefix of the other, or one edit apart (two from eight characters).
    /// Organisation inference compares the lower-cased words of unit names as task text writes
    /// them ("restruturasi" for "restrukturasi", "fasilitas" for "fasilitasi").
    package static func similarWords(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        // ASCII words (as unit names are) are compared on bytes: counts, prefixes and the
        // distance, which need only be known up to the tolerance.
        let ascii = a.withBytes { x, xASCII in
            b.withBytes { y, yASCII -> Bool? in
                guard xASCII && yASCII else { return nil }
                let shorter = min(x.count, y.count)
                guard shorter >= 5 else { return false }
                if memcmp(x.baseAddress!, y.baseAddress!, shorter) == 0 { return true }
                return distance(x, y, limit: shorter >= 8 ? 2 : 1) != nil
            }
        }
        if let ascii { return ascii }
        let shorter = min(a.count, b.count)
        if shorter >= 5 && (a.hasPrefix(b) || b.hasPrefix(a)) { return true }
        if shorter >= 5 { return distance(a, b) <= (shorter >= 8 ? 2 : 1) }
        return false
    }
}
