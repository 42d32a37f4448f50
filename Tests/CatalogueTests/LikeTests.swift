import Testing
import Base
import TestSupport

/// The matcher `like` used before `likeMatches`: memoised recursion, O(text x pattern) memory and
/// stack depth up to text + pattern. Kept as the oracle.
private func oldLike(_ text: String, _ pattern: String) -> Bool {
    let t = Array(text.lowercased()), p = Array(pattern.lowercased())
    var memo = [[Bool?]](repeating: [Bool?](repeating: nil, count: p.count + 1), count: t.count + 1)
    func go(_ i: Int, _ j: Int) -> Bool {
        if let m = memo[i][j] { return m }
        let result: Bool
        if j == p.count { result = i == t.count }
        else if p[j] == "%" { result = go(i, j + 1) || (i < t.count && go(i + 1, j)) }
        else if i < t.count && (p[j] == "_" || p[j] == t[i]) { result = go(i + 1, j + 1) }
        else { result = false }
        memo[i][j] = result
        return result
    }
    return go(0, 0)
}

@Suite("LIKE matching")
struct LikeTests {
    @Test("a table of cases")
    func table() {
        let cases: [(String, String, Bool)] = [
            ("", "", true), ("", "%", true), ("", "%%", true), ("", "_", false), ("a", "", false),
            ("abc", "abc", true), ("ABC", "abc", true), ("abc", "A_C", true), ("abc", "a%", true),
            ("abc", "%c", true), ("abc", "%b%", true), ("abc", "%d%", false), ("abc", "ab", false),
            ("abc", "abcd", false), ("abc", "a%%c", true), ("abc", "%a%b%c%", true), ("abc", "%c%b%", false),
            ("aaa", "a%a", true), ("aab", "%ab", true), ("mississippi", "m%iss%ppi", true),
            ("mississippi", "m%ss_ss%", true), ("mississippi", "%sip%", true), ("mississippi", "%sipx%", false),
            ("Fasilitasi Pembiayaan", "%pembiayaan", true), ("Fasilitasi Pembiayaan", "fasilitasi%", true),
            ("mañana", "ma_ana", true), ("MAÑANA", "%ñ%", true), ("e\u{301}", "_", true),
            ("a\r\nb", "a_b", true), ("100%", "100%", true), ("x_y", "x_y", true), ("xzy", "x_y", true),
        ]
        for (text, pattern, expected) in cases {
            #expect(likeMatches(text, pattern) == expected, "\(text) like \(pattern)")
            #expect(oldLike(text, pattern) == expected, "oracle: \(text) like \(pattern)")
        }
    }

    @Test("the same results as the old matcher on random small strings")
    func random() {
        var rng = SplitMix(state: 2026)
        let textAlphabet: [Character] = ["a", "b", "A", "%", "_", "é"]
        let patternAlphabet: [Character] = ["a", "b", "B", "%", "_", "É"]
        for _ in 0..<40_000 {
            let text = String((0..<Int.random(in: 0...8, using: &rng)).map { _ in textAlphabet.randomElement(using: &rng)! })
            let pattern = String((0..<Int.random(in: 0...7, using: &rng)).map { _ in patternAlphabet.randomElement(using: &rng)! })
            #expect(likeMatches(text, pattern) == oldLike(text, pattern), "\(text) like \(pattern)")
        }
    }

    @Test("10,000 % and a megabyte of text: no stack overflow, no table")
    func long() {
        let many = String(repeating: "%", count: 10_000)
        #expect(likeMatches("abc", many))
        #expect(likeMatches("", many))
        #expect(likeMatches("abc", many + "c" + many))
        #expect(!likeMatches("abc", many + "d" + many))
        let megabyte = String(repeating: "ab", count: 500_000)
        #expect(likeMatches(megabyte, "%"))
        #expect(likeMatches(megabyte, "a%b"))
        #expect(likeMatches(megabyte, "%ba%ab"))
        #expect(!likeMatches(megabyte, "%abc%"))
        #expect(likeMatches(megabyte, megabyte))
        #expect(likeMatches(megabyte, String(repeating: "_", count: 1_000_000)))
        #expect(!likeMatches(megabyte, String(repeating: "_", count: 999_999)))
        #expect(likeMatches(megabyte, "%" + String(repeating: "a_", count: 1000) + "%"))
    }
}
