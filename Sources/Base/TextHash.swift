import Foundation

/// Hashing texts cheaply: keys made of many texts (a position block, an office's catalogue, a
/// text shared between offices), where Hasher (SipHash) over each String cost more than reading.
extension Text {
    /// Mixes a text into a 64-bit hash, the same for texts that are == (a String equals another
    /// written with other code points for the same characters): their bytes when ASCII, else the
    /// bytes of their composed form (NFC).
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
}
