import Foundation

/// Whitespace handling and searching on UTF-8 bytes. The catalogue loader calls these on every
/// line, and Character-level `isWhitespace` and Foundation's trimming cost more than the parsing
/// itself.
package enum Text {
    /// A run of a file's bytes (a line, a cell); valid while the buffer it points into is.
    package typealias Bytes = UnsafeBufferPointer<UInt8>

    /// The extension of a path's last component as NSString's `pathExtension` gives it (`csv` for
    /// `a/b.csv`, nothing for `.csv`, `a.` or `dir.d/file`), without the bridge to NSString: on
    /// Linux that cost about 50,000 instructions a call, once per file of a folder of offices.
    package static func fileExtension(_ path: String) -> String {
        // An ASCII path on its bytes: Character steps (grapheme breaking) cost ~25,000
        // instructions a path, a tenth of a province's warm open.
        let ascii = asciiExtension(path)
        if ascii.plain { return ascii.start.map { String(path[$0...]) } ?? "" }
        var end = path.endIndex
        while end > path.startIndex, path[path.index(before: end)] == "/" { end = path.index(before: end) }
        let trimmed = path[..<end]
        let name = trimmed.lastIndex(of: "/").map { trimmed[trimmed.index(after: $0)...] } ?? trimmed
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...])
    }

    /// The path without its last component's extension, as NSString's `deletingPathExtension`
    /// gives it (`a/b` for `a/b.txt`, `a` for `a.`, `.csv` for `.csv`): on bytes for an ASCII
    /// path, as `fileExtension` (NSString's cost ~60,000 instructions a call).
    package static func deletingExtension(_ path: String) -> String {
        let ascii = asciiExtension(path)
        guard ascii.plain else { return (path as NSString).deletingPathExtension }
        guard let start = ascii.start else { return path }
        return String(path[..<path.utf8.index(before: start)])
    }

    /// Where the extension of an ASCII path's last component starts (after its dot; nil when it
    /// has none, the dot is its first character, or it is `..`). Not `plain` for any other path
    /// (a byte past ASCII, `//`, a trailing `/`): NSString's own rules settle those.
    private static func asciiExtension(_ path: String) -> (plain: Bool, start: String.Index?) {
        var copy = path
        let offset: Int?? = copy.withUTF8 { bytes -> Int?? in
            let slash = UInt8(ascii: "/")
            var previous: UInt8 = 0, name = 0, dot = -1
            for (i, b) in bytes.enumerated() {
                if b >= 0x80 || (b == slash && previous == slash) { return nil }
                if b == slash {
                    name = i + 1
                    dot = -1
                } else if b == UInt8(ascii: ".") {
                    dot = i
                }
                previous = b
            }
            if previous == slash { return nil }
            let dotDot = bytes.count - name == 2 && bytes[name] == UInt8(ascii: ".") && bytes[name + 1] == UInt8(ascii: ".")
            return .some(dot > name && !dotDot ? dot + 1 : nil)
        }
        guard let offset else { return (false, nil) }
        return (true, offset.map { path.utf8.index(path.utf8.startIndex, offsetBy: $0) })
    }

    /// Spaces, tabs and line ends (ASCII; `collapse` also takes U+00A0, the no-break space word
    /// processors export).
    @inline(__always)
    package static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0B || b == 0x0C }

    /// Runs of whitespace become one space; leading and trailing whitespace is removed.
    package static func collapse(_ text: String) -> String {
        text.withBytes { bytes, _ in isCollapsed(bytes) ? text : collapse(bytes) }
    }

    /// `collapse` of bytes, straight into the String kept (no String in between).
    package static func collapse(_ bytes: Bytes) -> String {
        if isCollapsed(bytes) { return String(decoding: bytes, as: UTF8.self) }
        return String(unsafeUninitializedCapacity: bytes.count) { out in
            var count = 0
            var pendingSpace = false
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if isSpace(b) || (b == 0xC2 && i + 1 < bytes.count && bytes[i + 1] == 0xA0) {
                    if b == 0xC2 { i += 1 }
                    pendingSpace = count > 0
                } else {
                    if pendingSpace { out[count] = 0x20; count += 1; pendingSpace = false }
                    out[count] = b
                    count += 1
                }
                i += 1
            }
            return count
        }
    }

    /// Whether `collapse` keeps the bytes as they are: nothing at either end to trim, no run of
    /// whitespace, no no-break space. Checked first, so the common case costs one pass and no
    /// copy. (A lone tab between words is kept, not turned into a space: `collapse` has always
    /// returned such text unchanged.)
    package static func isCollapsed(_ bytes: Bytes) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return true }
        if isSpace(base[0]) || isSpace(base[bytes.count - 1]) { return false }
        // The last byte is not a space: no run or no-break space can start there.
        let last = base + bytes.count - 1
        var p = base
        while p < last {
            let b = p.pointee
            if b <= 0x20 {
                if isSpace(b) && isSpace(p[1]) { return false }
            } else if b == 0xC2 && p[1] == 0xA0 {
                return false
            }
            p += 1
        }
        return true
    }

    /// Leading and trailing spaces and tabs removed (what `.whitespaces` trimming does for the
    /// files iki reads).
    package static func trim(_ text: some StringProtocol) -> String {
        let s = Substring(text)
        let utf8 = s.utf8
        guard let first = utf8.firstIndex(where: { !isSpace($0) }) else { return "" }
        var end = utf8.endIndex
        while end > first, isSpace(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        return String(s[first..<end])
    }

    /// The text without the ASCII bytes `drop` accepts at either end: `trimmingCharacters(in:)`
    /// for a set of ASCII characters, which trims scalars, so bytes are the same.
    package static func trim(_ text: String, where drop: (UInt8) -> Bool) -> String {
        text.withBytes { bytes, _ in
            let trimmed = trim(bytes, where: drop)
            return trimmed.count == bytes.count ? text : String(decoding: trimmed, as: UTF8.self)
        }
    }

    package static func trim(_ bytes: Bytes, where drop: (UInt8) -> Bool) -> Bytes {
        var start = 0, end = bytes.count
        while start < end, drop(bytes[start]) { start += 1 }
        while end > start, drop(bytes[end - 1]) { end -= 1 }
        return Bytes(rebasing: bytes[start..<end])
    }

    /// ASCII's punctuation (Unicode category P), what `.punctuationCharacters` has of it.
    package static func isPunctuation(_ b: UInt8) -> Bool {
        switch b {
        case 0x21...0x23, 0x25...0x2A, 0x2C...0x2F, 0x3A, 0x3B, 0x3F, 0x40, 0x5B...0x5D, 0x5F, 0x7B, 0x7D: return true
        default: return false
        }
    }

    /// The words of ASCII text: runs of bytes between whitespace.
    package static func words(_ bytes: Bytes, separatedBy isSeparator: (UInt8) -> Bool = isSpace) -> [Bytes] {
        var words: [Bytes] = []
        var i = 0
        while i < bytes.count {
            if isSeparator(bytes[i]) { i += 1; continue }
            let start = i
            while i < bytes.count && !isSeparator(bytes[i]) { i += 1 }
            words.append(Bytes(rebasing: bytes[start..<i]))
        }
        return words
    }

    /// `trim` of bytes: the bytes between the leading and trailing whitespace.
    package static func trim(_ bytes: Bytes) -> Bytes {
        var start = 0, end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return Bytes(rebasing: bytes[start..<end])
    }

    /// Whether every character past ASCII is × or ÷, as formulas write them: neither letter nor
    /// digit, joined to no neighbour, the same in either case; so the text's words are its runs of
    /// ASCII letters and digits, which end at those bytes.
    package static func signsOnly(_ bytes: Bytes) -> Bool {
        var i = 0
        while i < bytes.count {
            if bytes[i] < 0x80 { i += 1; continue }
            guard bytes[i] == 0xC3, i + 1 < bytes.count, bytes[i + 1] == 0x97 || bytes[i + 1] == 0xB7 else { return false }
            i += 2
        }
        return true
    }

    /// Each run of ASCII letters and digits (a word of ASCII text), in order.
    package static func forEachAlphanumericRun(_ bytes: Bytes, _ body: (Bytes) -> Void) {
        var i = 0
        while i < bytes.count {
            guard isLetter(bytes[i]) || isDigit(bytes[i]) else { i += 1; continue }
            let start = i
            while i < bytes.count && (isLetter(bytes[i]) || isDigit(bytes[i])) { i += 1 }
            body(Bytes(rebasing: bytes[start..<i]))
        }
    }

    /// The words of a text lower-cased: runs of letters and digits. An ASCII text's on bytes
    /// (they give the same words as Characters do), and one whose only other characters are signs
    /// (`signsOnly`); another's on Characters.
    package static func lowercasedWords(_ text: String) -> [String] {
        text.withBytes { bytes, isASCII in
            guard isASCII || signsOnly(bytes) else {
                return text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
            }
            var words: [String] = []
            forEachAlphanumericRun(bytes) { word in
                words.append(String(unsafeUninitializedCapacity: word.count) { out in
                    for k in word.indices { out[k] = lower(word[k]) }
                    return word.count
                })
            }
            return words
        }
    }

    /// Whether every byte is ASCII, eight at a time.
    package static func isASCII(_ bytes: Bytes) -> Bool {
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return true }
        var i = 0
        while i + 8 <= bytes.count {
            if base.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            i += 8
        }
        while i < bytes.count {
            if bytes[i] >= 0x80 { return false }
            i += 1
        }
        return true
    }

    /// The offset of the first byte equal to `byte` at or after `from`.
    package static func index(of byte: UInt8, in bytes: Bytes, from: Int = 0) -> Int? {
        guard let base = bytes.baseAddress, from < bytes.count,
              let found = memchr(base + from, Int32(byte), bytes.count - from) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// ASCII-case-insensitive search; the catalogue's markers ("lain yang diberikan") are ASCII.
    package static func range(of needle: String, in haystack: String, from: String.Index? = nil) -> Range<String.Index>? {
        var haystack = haystack
        let offset = from.map { haystack.utf8.distance(from: haystack.startIndex, to: $0) } ?? 0
        guard let start = haystack.withUTF8({ find(needle, in: $0, from: offset) }) else { return nil }
        let utf8 = haystack.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: start)
        return lower..<utf8.index(lower, offsetBy: needle.utf8.count)
    }

    /// The offset where `needle` starts in `bytes`, ASCII case ignored; nil for an empty needle.
    package static func find(_ needle: String, in bytes: Bytes, from: Int = 0) -> Int? {
        var needle = needle
        return needle.withUTF8 { n -> Int? in
            guard !n.isEmpty, let base = bytes.baseAddress, from >= 0, from + n.count <= bytes.count else { return nil }
            // The needle's rarest byte in Indonesian text (the "y" of "lain yang di", the "/" of
            // " / "), in either case, found by memchr; then the rest around it. Candidates come
            // in order, so the first that matches is the first occurrence.
            let k = anchor(of: n)
            let lowerAnchor = lower(n[k]), upperAnchor = upper(n[k])
            let end = bytes.count - n.count + k + 1
            func next(_ byte: UInt8, after offset: Int) -> Int? {
                guard offset < end, let found = memchr(base + offset, Int32(byte), end - offset) else { return nil }
                return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            var lowerAt = next(lowerAnchor, after: from + k)
            var upperAt = upperAnchor == lowerAnchor ? nil : next(upperAnchor, after: from + k)
            while true {
                let at = min(lowerAt ?? Int.max, upperAt ?? Int.max)
                guard at != Int.max else { return nil }
                if matches(n, in: bytes, at: at - k) { return at - k }
                if at == lowerAt { lowerAt = next(lowerAnchor, after: at + 1) } else { upperAt = next(upperAnchor, after: at + 1) }
            }
        }
    }

    /// Where a needle's rarest byte is: letters ranked by how often Indonesian text has them,
    /// a space the most common of all, other bytes (punctuation, digits, `\\`) rarer than any.
    static func anchor(of needle: Bytes) -> Int {
        var best = 0, bestRank = -2
        var k = 0
        while k < needle.count {
            let rank = rarity(needle[k])
            if rank > bestRank { best = k; bestRank = rank }
            k += 1
        }
        return best
    }

    /// A byte's place from the most common in Indonesian text (a space, then a, n, i, ...) to
    /// the rarest letters; other bytes above them all.
    @inline(__always)
    static func rarity(_ b: UInt8) -> Int {
        switch lower(b) {
        case 0x20: return -1
        case UInt8(ascii: "a"): return 0
        case UInt8(ascii: "n"): return 1
        case UInt8(ascii: "i"): return 2
        case UInt8(ascii: "e"): return 3
        case UInt8(ascii: "u"): return 4
        case UInt8(ascii: "t"): return 5
        case UInt8(ascii: "r"): return 6
        case UInt8(ascii: "k"): return 7
        case UInt8(ascii: "m"): return 8
        case UInt8(ascii: "s"): return 9
        case UInt8(ascii: "l"): return 10
        case UInt8(ascii: "g"): return 11
        case UInt8(ascii: "d"): return 12
        case UInt8(ascii: "p"): return 13
        case UInt8(ascii: "b"): return 14
        case UInt8(ascii: "h"): return 15
        case UInt8(ascii: "o"): return 16
        case UInt8(ascii: "y"): return 17
        case UInt8(ascii: "j"): return 18
        case UInt8(ascii: "c"): return 19
        case UInt8(ascii: "w"): return 20
        case UInt8(ascii: "f"): return 21
        case UInt8(ascii: "v"): return 22
        case UInt8(ascii: "z"): return 23
        case UInt8(ascii: "x"): return 24
        case UInt8(ascii: "q"): return 25
        default: return 26
        }
    }

    /// Whether `needle` is at `offset` in `bytes`, ASCII case ignored.
    @inline(__always)
    package static func matches(_ needle: Bytes, in bytes: Bytes, at offset: Int) -> Bool {
        guard offset + needle.count <= bytes.count else { return false }
        for k in 0..<needle.count where lower(bytes[offset + k]) != lower(needle[k]) { return false }
        return true
    }

    /// Whether the bytes are `word`, ASCII case ignored.
    package static func equals(_ bytes: Bytes, _ word: [UInt8]) -> Bool {
        word.count == bytes.count && word.withUnsafeBufferPointer { matches($0, in: bytes, at: 0) }
    }

    /// Whether the bytes are `word`, ASCII case ignored.
    package static func equals(_ bytes: Bytes, _ word: String) -> Bool {
        guard word.utf8.count == bytes.count else { return false }
        var word = word
        return word.withUTF8 { $0.count == bytes.count && matches($0, in: bytes, at: 0) }
    }

    /// Whether the bytes start with `prefix`, ASCII case ignored.
    package static func hasPrefix(_ bytes: Bytes, _ prefix: String) -> Bool {
        var prefix = prefix
        return prefix.withUTF8 { matches($0, in: bytes, at: 0) }
    }

    @inline(__always)
    package static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }

    @inline(__always)
    package static func upper(_ b: UInt8) -> UInt8 { b >= 0x61 && b <= 0x7A ? b - 0x20 : b }

    @inline(__always)
    package static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    @inline(__always)
    package static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

    /// Upper-cased, whitespace runs made one space, ends trimmed: how titles are compared.
    package static func upperCollapsed(_ text: String) -> String {
        text.withBytes { bytes, isASCII in
            isASCII ? upperCollapsedASCII(bytes) : text.uppercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
    }

    /// An ASCII string's bytes upper-cased and whitespace-collapsed, as `uppercased()` and
    /// `collapse` would give them (callers check the text is ASCII: Unicode case mapping differs).
    package static func upperCollapsedASCII(_ bytes: Bytes) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { out in
            var count = 0
            var pendingSpace = false
            for b in bytes {
                if isSpace(b) {
                    pendingSpace = count > 0
                } else {
                    if pendingSpace { out[count] = 0x20; count += 1; pendingSpace = false }
                    out[count] = upper(b)
                    count += 1
                }
            }
            return count
        }
    }
}

extension String {
    /// The String's UTF-8 bytes and whether they are all ASCII, for code that scans bytes when
    /// it can and falls back to Characters when it cannot.
    package func withBytes<R>(_ body: (Text.Bytes, _ isASCII: Bool) throws -> R) rethrows -> R {
        var text = self
        return try text.withUTF8 { try body($0, Text.isASCII($0)) }
    }
}
