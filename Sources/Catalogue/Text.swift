/// Whitespace handling on UTF-8 bytes. The catalogue loader calls these on every line, and
/// Character-level `isWhitespace` and Foundation's trimming cost more than the parsing itself.
enum Text {
    /// Spaces, tabs, line ends; and U+00A0 (no-break space), which word processors export.
    @inline(__always)
    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0B || b == 0x0C }

    /// Runs of whitespace become one space; leading and trailing whitespace is removed.
    static func collapse(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String in
            var out = [UInt8]()
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if isSpace(b) || (b == 0xC2 && i + 1 < bytes.count && bytes[i + 1] == 0xA0) {
                    if b == 0xC2 { i += 1 }
                    pendingSpace = !out.isEmpty
                } else {
                    if pendingSpace { out.append(0x20); pendingSpace = false }
                    out.append(b)
                }
                i += 1
            }
            if out.count == bytes.count && !out.isEmpty { return String(decoding: bytes, as: UTF8.self) }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Leading and trailing spaces and tabs removed (what `.whitespaces` trimming does for the
    /// files iki reads).
    static func trim(_ text: some StringProtocol) -> String {
        let s = Substring(text)
        let utf8 = s.utf8
        guard let first = utf8.firstIndex(where: { !isSpace($0) }) else { return "" }
        var end = utf8.endIndex
        while end > first, isSpace(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        return String(s[first..<end])
    }

    /// ASCII-case-insensitive search; the catalogue's markers ("lain yang diberikan") are ASCII.
    static func range(of needle: String, in haystack: String) -> Range<String.Index>? {
        let n = Array(needle.utf8).map(lower)
        guard !n.isEmpty else { return nil }
        let h = haystack.utf8
        var i = h.startIndex
        while i != h.endIndex {
            var j = i, k = 0
            while k < n.count, j != h.endIndex, lower(h[j]) == n[k] { j = h.index(after: j); k += 1 }
            if k == n.count { return i..<j }
            i = h.index(after: i)
        }
        return nil
    }

    @inline(__always)
    static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }
}
