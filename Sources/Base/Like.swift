/// SQL `LIKE`: `%` matches any run of characters (none included), `_` exactly one Character,
/// every other character itself, case-insensitively (both sides lowercased, as the query
/// language compares text). There is no escape character.
///
/// The classic greedy wildcard match: walk text and pattern together; at a `%` remember where it
/// was and where the text stood, and on a mismatch go back to just after that `%` with the text
/// one character further. Only the last `%` matters (an earlier one can never need to take more,
/// since the last one can take it instead), so the time is O(text x pattern) at worst, typically
/// linear, and the space is the two arrays: no recursion, no table.
public func likeMatches(_ text: String, _ pattern: String) -> Bool {
    let t = Array(text.lowercased()), p = Array(pattern.lowercased())
    var i = 0, j = 0
    // After the last `%` seen: its pattern index + 1 and the text index it was tried from.
    var star = -1, mark = 0
    while i < t.count {
        if j < p.count && p[j] == "%" {
            // Runs of `%` are one `%`.
            while j < p.count && p[j] == "%" { j += 1 }
            if j == p.count { return true }
            star = j
            mark = i
        } else if j < p.count && (p[j] == "_" || p[j] == t[i]) {
            i += 1
            j += 1
        } else if star >= 0 {
            mark += 1
            i = mark
            j = star
        } else {
            return false
        }
    }
    while j < p.count && p[j] == "%" { j += 1 }
    return j == p.count
}
