/// Edit distance and "did you mean" suggestions, shared by every loader and the query language.
public enum Nearest {
    /// Levenshtein distance over characters.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var row = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            row[0] = i
            for j in 1...b.count {
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &row)
        }
        return previous[b.count]
    }

    /// Up to `limit` candidates closest to `word` (case-insensitive), nearest first, ties in the
    /// candidates' order; only those within a distance that still looks like a typo, unless
    /// `always` is set.
    public static func names(to word: String, in candidates: [String], limit: Int = 3, always: Bool = false) -> [String] {
        let w = word.lowercased()
        let scored = candidates.enumerated().map { (offset, name) -> (Int, Int, String) in
            let n = name.lowercased()
            var d = distance(w, n)
            // A name that contains what was typed (or the reverse) is a good suggestion too.
            if !w.isEmpty && (n.contains(w) || w.contains(n)) { d = min(d, max(1, abs(n.count - w.count) / 2)) }
            return (d, offset, name)
        }
        let threshold = max(2, w.count / 2)
        var seen = Set<String>()
        return scored
            .filter { always || $0.0 <= threshold }
            .sorted { ($0.0, $0.1) < ($1.0, $1.1) }
            .filter { seen.insert($0.2).inserted }
            .prefix(limit)
            .map(\.2)
    }

    /// Whether two words are the same word give or take a typo or a truncation, as task text
    /// writes unit names ("Restruturasi", "Fasilitas", "Sumber" for "Sumber Daya Manusia").
    static func similarWords(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let shorter = min(a.count, b.count)
        if shorter >= 5 && (a.hasPrefix(b) || b.hasPrefix(a)) { return true }
        if shorter >= 5 { return distance(a, b) <= (shorter >= 8 ? 2 : 1) }
        return false
    }
}
