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
        var end = path.endIndex
        while end > path.startIndex, path[path.index(before: end)] == "/" { end = path.index(before: end) }
        let trimmed = path[..<end]
        let name = trimmed.lastIndex(of: "/").map { trimmed[trimmed.index(after: $0)...] } ?? trimmed
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...])
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

    /// Mixes a text into a 64-bit hash, the same for texts that are == (a String equals another
    /// written with other code points for the same characters): their bytes when ASCII, else the
    /// bytes of their composed form (NFC). For keys made of many texts (a position block, an
    /// office's catalogue), where Hasher (SipHash) over each String costs more than the reading.
    package static func hash(_ text: String, into h: inout UInt64) {
        var text = text
        // Characters before U+0300 (lead bytes before 0xCC: Latin, ×, ÷) are composed already
        // and compose with nothing; Foundation's composition costs ~50,000 instructions a text.
        let done = text.withUTF8 { bytes in
            guard isComposed(bytes) else { return false }
            hash(bytes, into: &h)
            return true
        }
        guard !done else { return }
        var composed = text.precomposedStringWithCanonicalMapping
        composed.withUTF8 { hash($0, into: &h) }
    }

    /// Whether every character of valid UTF-8 is before U+0300: no combining mark, so the text is
    /// in composed form (NFC) as it is.
    package static func isComposed(_ bytes: Bytes) -> Bool {
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return true }
        var i = 0
        // ASCII eight bytes at a time (most texts), then byte by byte from the first other.
        while i + 8 <= bytes.count {
            if base.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
            i += 8
        }
        while i < bytes.count {
            if bytes[i] >= 0xCC { return false }
            i += 1
        }
        return true
    }

    /// Mixes a number (how many texts follow) into a 64-bit hash.
    package static func hash(_ n: Int, into h: inout UInt64) {
        let x = (h ^ UInt64(bitPattern: Int64(n))) &* 0x9E37_79B9_7F4A_7C15
        h = x ^ (x >> 32)
    }

    /// Mixes bytes into a 64-bit hash, eight at a time; their count goes in too, so that texts
    /// mixed one after another do not run into each other.
    package static func hash(_ bytes: Bytes, into h: inout UInt64) {
        let raw = UnsafeRawBufferPointer(bytes)
        var x = (h ^ UInt64(raw.count)) &* 0x9E37_79B9_7F4A_7C15
        var i = 0
        while i + 8 <= raw.count {
            x = (x ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            x ^= x >> 29
            i += 8
        }
        while i < raw.count {
            x = (x ^ UInt64(raw[i])) &* 0x9E37_79B9_7F4A_7C15
            i += 1
        }
        h = x ^ (x >> 32)
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
            guard let first = n.first, let base = bytes.baseAddress, from + n.count <= bytes.count else { return nil }
            // The first byte in either case, then the rest.
            let lowerFirst = lower(first), upperFirst = upper(first)
            let last = base + (bytes.count - n.count)
            var p = base + from
            while p <= last {
                let b = p.pointee
                if (b == lowerFirst || b == upperFirst) && matches(n, in: bytes, at: p - base) { return p - base }
                p += 1
            }
            return nil
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

/// A String as a set or dictionary key, equal to another only byte for byte (String's == also
/// equates text written with other code points for the same characters), hashed eight bytes at
/// a time.
package struct ExactText: Hashable {
    package let string: String

    package init(string: String) { self.string = string }

    package static func == (a: ExactText, b: ExactText) -> Bool {
        var a = a.string, b = b.string
        return a.utf8.count == b.utf8.count && a.withUTF8 { x in
            b.withUTF8 { y in x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 }
        }
    }

    package func hash(into hasher: inout Hasher) {
        var string = string
        string.withUTF8 { bytes in
            var h: UInt64 = 0
            Text.hash(bytes, into: &h)
            hasher.combine(h)
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
