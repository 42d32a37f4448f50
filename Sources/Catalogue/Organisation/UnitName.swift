import Foundation

/// The unit matching rule: case- and space-insensitive, ignoring the kind prefix (Bidang, Seksi,
/// Sub Bagian, UPT) and the word "Bina", so "Fasilitasi Pembiayaan" finds "Bidang Bina Fasilitasi
/// Pembiayaan".
public enum UnitName {

    public static func key(_ name: String) -> String {
        // On bytes: this runs for every unit name an organisation file or a query compares, and
        // for every unit inferred. An ASCII name is lower-cased on its bytes too.
        name.withBytes { bytes, isASCII in isASCII ? key(ascii: bytes) : key(unicode: name) }
    }

    /// `key` of an ASCII name, in one pass: its words are what `Text.collapse` leaves between
    /// spaces (runs between whitespace, or between spaces where it keeps the text as it is: a
    /// lone tab stays), lower-cased and run together, without the kind in front or "bina".
    static func key(ascii bytes: Text.Bytes) -> String {
        let anySpace = !Text.isCollapsed(bytes)
        func isSeparator(_ b: UInt8) -> Bool { b == 0x20 || (anySpace && (b == 0x09 || (b >= 0x0A && b <= 0x0D))) }
        var i = 0
        /// The next word from `i` on, and `i` past it.
        func nextWord() -> Text.Bytes? {
            while i < bytes.count && isSeparator(bytes[i]) { i += 1 }
            guard i < bytes.count else { return nil }
            let start = i
            while i < bytes.count && !isSeparator(bytes[i]) { i += 1 }
            return Text.Bytes(rebasing: bytes[start..<i])
        }
        return String(unsafeUninitializedCapacity: bytes.count) { out in
            var count = 0
            var word = nextWord()
            if let first = word {
                if Self.kindWords.contains(where: { Text.equals(first, $0) }) {
                    word = nextWord()
                } else if Text.equals(first, "sub") {
                    let after = i
                    if let second = nextWord(), Text.equals(second, "bagian") { word = nextWord() } else { i = after }
                }
            }
            while let w = word {
                if !Text.equals(w, "bina") {
                    for byte in w { out[count] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte; count += 1 }
                }
                word = nextWord()
            }
            return count
        }
    }

    /// The words a unit's kind is written with, in front of its name.
    private static let kindWords = ["bidang", "seksi", "upt", "subbagian", "subbag"]

    static func key(unicode name: String) -> String {
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
    static func tokens(_ name: String) -> [String] {
        Text.lowercasedWords(name).filter { !ignoredTokens.contains($0) }
    }

    static let ignoredTokens: Set<String> = ["dan", "bina", "serta", "di", "bidang", "seksi", "sub", "bagian", "upt", "kasubag", "subbag"]
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
