/// The kinds of unit an Indonesian regional office (dinas) is made of.
public enum UnitKind: String, Sendable, CaseIterable {
    case sekretariat
    case bidang
    case seksi
    case subBagian = "sub bagian"
    case upt

    /// Bidang-level units hang directly under the head of office.
    public var isBidangLevel: Bool { self == .sekretariat || self == .bidang || self == .upt }

    /// The words a full name starts with.
    var prefix: String {
        switch self {
        case .sekretariat: return "Sekretariat"
        case .bidang: return "Bidang"
        case .seksi: return "Seksi"
        case .subBagian: return "Sub Bagian"
        case .upt: return "UPT"
        }
    }
}

public struct Unit: Sendable, Equatable {
    public var kind: UnitKind
    /// "Bidang Bina Fasilitasi Pembiayaan"
    public var fullName: String
    /// "Fasilitasi Pembiayaan": what analysts type and tables show.
    public var shortName: String
    public var parent: Int?
    /// Index into `Catalogue.offices`.
    public var office: Int = 0

    public init(kind: UnitKind, fullName: String, shortName: String, parent: Int? = nil) {
        self.kind = kind
        self.fullName = fullName
        self.shortName = shortName
        self.parent = parent
    }
}

public struct Organisation: Sendable {
    public var units: [Unit] = []
    /// Unit ids by name key (full and short names), built by `index()` for many offices' units;
    /// used while no unit has been added since (names and kinds do not change once loaded).
    private var keyIndex: [String: [Int]]?
    private var indexedCount = 0
    public init() { index() }

    /// Builds the name index, so `units(named:)` stays fast with thousands of units.
    public mutating func index() {
        var index: [String: [Int]] = [:]
        for (id, unit) in units.enumerated() {
            let full = UnitName.key(unit.fullName), short = UnitName.key(unit.shortName)
            index[full, default: []].append(id)
            if short != full { index[short, default: []].append(id) }
        }
        keyIndex = index
        indexedCount = units.count
    }

    /// The bidang-level unit a unit belongs to (itself when it is one); nil while its parent is unknown.
    public func bidangLevel(of id: Int) -> Int? {
        // A chain longer than the number of units is a cycle: no bidang. (No Set: this runs per row.)
        var current = id
        var steps = 0
        while !units[current].kind.isBidangLevel {
            guard let parent = units[current].parent, steps < units.count else { return nil }
            current = parent
            steps += 1
        }
        return current
    }

    /// Units whose name matches `name` by the unit matching rule (see `UnitName.key`).
    public func units(named name: String) -> [Int] {
        if let keyIndex, indexedCount == units.count { return keyIndex[UnitName.key(name)] ?? [] }
        let key = UnitName.key(name)
        return units.indices.filter { UnitName.key(units[$0].fullName) == key || UnitName.key(units[$0].shortName) == key }
    }

    mutating func add(_ unit: Unit) -> Int {
        let key = UnitName.key(unit.fullName)
        if let existing = units(named: unit.fullName).first(where: { units[$0].kind == unit.kind && UnitName.key(units[$0].fullName) == key }) {
            return existing
        }
        units.append(unit)
        // Keep the name index current, so adding many units stays linear.
        if keyIndex != nil && indexedCount == units.count - 1 {
            let short = UnitName.key(unit.shortName)
            keyIndex![key, default: []].append(units.count - 1)
            if short != key { keyIndex![short, default: []].append(units.count - 1) }
            indexedCount = units.count
        }
        return units.count - 1
    }
}

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
    static func tokens(_ name: String) -> [String] {
        name.withBytes { bytes, isASCII in
            guard isASCII else {
                return name.lowercased()
                    .split(whereSeparator: { !$0.isLetter && !$0.isNumber })
                    .map(String.init)
                    .filter { !ignoredTokens.contains($0) }
            }
            // ASCII: letters and digits are bytes.
            var tokens: [String] = []
            var i = 0
            while i < bytes.count {
                guard Text.isLetter(bytes[i]) || Text.isDigit(bytes[i]) else { i += 1; continue }
                let start = i
                while i < bytes.count && (Text.isLetter(bytes[i]) || Text.isDigit(bytes[i])) { i += 1 }
                let token = String(unsafeUninitializedCapacity: i - start) { out in
                    for k in start..<i { out[k - start] = Text.lower(bytes[k]) }
                    return i - start
                }
                if !ignoredTokens.contains(token) { tokens.append(token) }
            }
            return tokens
        }
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
