import Foundation

/// The unit matching rule: case- and space-insensitive, ignoring the kind prefix (Bidang, Seksi,
/// Sub Bagian, UPT) and the word "Bina", so "Fasilitasi Pembiayaan" finds "Bidang Bina Fasilitasi
/// Pembiayaan".
public enum UnitName {

    public static func key(_ name: String) -> String {
        // On bytes: this runs for every unit name an organisation file or a query compares.
        // (Lower-cased, the kind words are ASCII: comparing bytes is comparing Strings.)
        Text.collapse(name.lowercased()).withBytes { bytes, _ in
            let words = Text.words(bytes, separatedBy: { $0 == 0x20 })
            var start = 0
            if let first = words.first {
                if ["bidang", "seksi", "upt", "subbagian", "subbag"].contains(where: { first.elementsEqual($0.utf8) }) { start = 1 }
                else if first.elementsEqual("sub".utf8), words.count > 1, words[1].elementsEqual("bagian".utf8) { start = 2 }
            }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                var count = 0
                for word in words.dropFirst(start) where !word.elementsEqual("bina".utf8) {
                    for byte in word { out[count] = byte; count += 1 }
                }
                return count
            }
        }
    }

    /// Tokens for tolerant matching of names written in task text, which abbreviate and misspell.
    static func tokens(_ name: String) -> [String] { lowerWords(name, without: ignoredTokens) }

    static let ignoredTokens = DroppedWords(["dan", "bina", "serta", "di", "bidang", "seksi", "sub", "bagian", "upt", "kasubag", "subbag"])

    /// Lower-case words of letters and digits, without the `dropped` ones. ASCII text (nearly all
    /// of a catalogue) on bytes: `Character.isLetter` looks up Unicode properties per character,
    /// which made the words of a catalogue's texts half of a start on the bundled data.
    static func lowerWords(_ text: String, without dropped: DroppedWords) -> [String] {
        text.withBytes { bytes, isASCII in
            guard isASCII else {
                return text.lowercased()
                    .split(whereSeparator: { !$0.isLetter && !$0.isNumber })
                    .map(String.init)
                    .filter { !dropped.strings.contains($0) }
            }
            // Letters and digits; upper-case letters lowered (the bytes of `lowercased()`).
            func isWord(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10 }
            func lower(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b | 0x20 : b }
            var words: [String] = []
            var i = 0
            while i < bytes.count {
                guard isWord(bytes[i]) else { i += 1; continue }
                let start = i
                while i < bytes.count && isWord(bytes[i]) { i += 1 }
                let word = Text.Bytes(rebasing: bytes[start..<i])
                if word.count <= dropped.longest && dropped.bytes.contains(where: { Text.equals(word, $0) }) { continue }
                words.append(String(unsafeUninitializedCapacity: word.count) { buffer in
                    for k in 0..<word.count { buffer[k] = lower(word[k]) }
                    return word.count
                })
            }
            return words
        }
    }
}

/// Words left out of word lists (lower case): as Strings for non-ASCII text, as bytes to compare
/// (case ignored) before a String is made of an ASCII word.
struct DroppedWords: Sendable {
    let strings: Set<String>
    let bytes: [[UInt8]]
    let longest: Int

    init(_ words: Set<String>) {
        strings = words
        bytes = words.map { Array($0.utf8) }
        longest = bytes.map(\.count).max() ?? 0
    }
}

/// Turns a capitalised title fragment into the way unit names are written: "Fasilitasi Pembiayaan",
/// small connecting words in lower case, acronyms kept.
func titleCase(_ text: String) -> String {
    text.withBytes { bytes, isASCII in
        guard isASCII else { return titleCase(unicode: text) }
        // ASCII: words, their case and their punctuation are bytes.
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for (i, word) in Text.words(bytes, separatedBy: { $0 == 0x20 }).enumerated() {
            if i > 0 { out.append(0x20) }
            let bare = Text.trim(word, where: Text.isPunctuation)
            if TitleWords.acronyms.contains(where: { Text.equals(bare, $0) }) {
                out += word.map(Text.upper)
            } else if i > 0 && TitleWords.small.contains(where: { Text.equals(word, $0) }) {
                out += word.map(Text.lower)
            } else {
                out.append(Text.upper(word[0]))
                out += word.dropFirst().map(Text.lower)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// The words `titleCase` writes in lower case (after the first) and in capitals.
enum TitleWords {
    static let small: Set<String> = ["dan", "di", "ke", "dari", "yang", "serta", "atau", "untuk", "dengan"]
    static let acronyms: Set<String> = ["UPT", "UMKM", "KUMKM", "SDM", "KSP", "USP", "KSPPS", "PLUT-KUMKM", "BLUD", "ASN", "PNS"]
}

/// `titleCase` on Characters, for text that is not all ASCII.
func titleCase(unicode text: String) -> String {
    let small = TitleWords.small, acronyms = TitleWords.acronyms
    var out: [String] = []
    for (i, word) in text.split(separator: " ").enumerated() {
        let w = String(word)
        if acronyms.contains(w.uppercased().trimmingCharacters(in: .punctuationCharacters)) {
            out.append(w.uppercased())
        } else if i > 0 && small.contains(w.lowercased()) {
            out.append(w.lowercased())
        } else {
            out.append(w.prefix(1).uppercased() + w.dropFirst().lowercased())
        }
    }
    return out.joined(separator: " ")
}
