import Foundation

/// Collects the evidence for the unit of a position that heads none (see `Evidence.Kind`): the
/// superior its tasks name, the unit its title names, its title's words, units its texts name and
/// the words its texts share with units' names. Words many positions use ("usaha", "koperasi",
/// "pengembangan") say nothing about a unit, so only a name's distinctive words count.
struct PositionEvidence {
    /// An exact name, a tolerant one; a name in a text with its kind ("Seksi X") or without.
    static let exactName = 10.0, tolerantName = 6.0, namedWithKind = 8.0, namedBare = 4.0
    /// Times the share of a name's distinctive words found, when at least half are.
    static let titleWords = 6.0, sharedWords = 3.0
    /// Each neighbour in the document, for positions nothing else places.
    static let neighbour = 1.0

    let org: Organisation
    /// Every word of the catalogue's texts and units' names, numbered: the sets and counts below
    /// are of numbers, and each word is hashed once where it is read.
    let vocabulary: WordNumbers
    /// Each unit's name as words (lower case, without "dan", "serta", "bina" and its kind).
    let phrases: [[Int32]]
    /// The units (not the sekretariat) whose names start with each word, by its number: the
    /// names' words are numbered first, so only numbers below this array's count start one.
    let namesStartingWith: [[Int]]
    /// The words of each unit's name that at most a quarter of the positions use (for texts), and
    /// at most half (for titles, which are short and say what a position does), and that fewer
    /// than three units' names have; each in the order of its words' texts.
    let distinctive: [[Int32]], inTitles: [[Int32]]
    /// Words at most an eighth of the positions use: one of them shared says something.
    let isRare: [Bool]
    /// The words that say a name in a text is a unit's ("seksi X"), those the catalogue has.
    let kindWords: [Int32]
    /// Each position's words, made once: the counts below and its evidence read the same words.
    let positionWords: [Words]
    /// `Nearest.similarWords` of two numbered words, once per pair: positions' titles repeat
    /// their words, and units' names are compared with every title.
    private var similarity = PairMemo()

    /// A position's title as words, and each of its texts with its words and whether it names the
    /// superior (that task is evidence already, as the superior).
    struct Words {
        var title: [Int32]
        var texts: [(text: String, words: [Int32], namesSuperior: Bool)]
    }

    init(catalogue: Catalogue, org: Organisation) {
        self.org = org
        var vocabulary = WordNumbers()
        phrases = org.units.map { vocabulary.numbers(ofWordsIn: $0.shortName) }
        var starting = [[Int]](repeating: [], count: vocabulary.count)
        for (id, phrase) in phrases.enumerated() where !phrase.isEmpty && org.units[id].kind != .sekretariat {
            starting[Int(phrase[0])].append(id)
        }
        namesStartingWith = starting
        // Rows repeat their objective and source, and staff their tasks: each text is split once.
        var split = TextTable<(words: [Int32], namesSuperior: Bool)>()
        func read(_ text: String) -> (text: String, words: [Int32], namesSuperior: Bool) {
            let read = split.value(of: text) {
                (vocabulary.numbers(ofWordsIn: text), Text.range(of: "lain yang di", in: text) != nil)
            }
            return (text, read.words, read.namesSuperior)
        }
        positionWords = catalogue.positions.map { position in
            Words(title: vocabulary.numbers(ofWordsIn: position.title),
                  texts: PositionEvidence.texts(of: position, in: catalogue).map(read))
        }
        // How many positions use each word; a word seen again in the same position is marked
        // with that position, so it counts once.
        var used = [Int](repeating: 0, count: vocabulary.count)
        var seenIn = [Int](repeating: -1, count: vocabulary.count)
        for (p, words) in positionWords.enumerated() {
            for w in words.title where seenIn[Int(w)] != p { seenIn[Int(w)] = p; used[Int(w)] += 1 }
            for text in words.texts {
                for w in text.words where seenIn[Int(w)] != p { seenIn[Int(w)] = p; used[Int(w)] += 1 }
            }
        }
        let n = catalogue.positions.count
        let names = phrases
        // A word in the names of three units or more ("pengembangan") tells none of them apart.
        var named = [Int](repeating: 0, count: vocabulary.count)
        for name in names { for word in Set(name) { named[Int(word)] += 1 } }
        let words = vocabulary
        func keep(_ limit: Int) -> [[Int32]] {
            names.map { name in
                Set(name.filter { used[Int($0)] <= max(4, limit) && named[Int($0)] < 3 })
                    .map { ($0, words.word($0)) }.sorted { $0.1 < $1.1 }.map(\.0)
            }
        }
        distinctive = keep(n / 4)
        inTitles = keep(n / 2)
        isRare = used.map { $0 > 0 && $0 <= max(2, n / 8) }
        kindWords = ["seksi", "bidang", "upt", "subbag", "bagian", "kasubag", "kasi", "kabid"].compactMap { vocabulary.number(of: $0) }
        self.vocabulary = vocabulary
    }

    /// Every piece of evidence for position `p`, strongest first. `superior`: what its task's
    /// superior resolved to.
    mutating func collect(_ p: Int, in catalogue: Catalogue, superior: OrganisationInference.Superior) -> [Evidence] {
        let position = catalogue.positions[p]
        let vocabulary = vocabulary
        let text = { (w: Int32) in vocabulary.word(w) }
        var found: [Evidence] = []
        switch superior {
        case .unit(let id, let exact):
            found.append(Evidence(kind: .superior, unit: id, exact: exact, weight: exact ? Self.exactName : Self.tolerantName, quote: position.superiorText ?? ""))
        case .tied(let ids, _):
            for id in ids { found.append(Evidence(kind: .superior, unit: id, exact: false, weight: Self.tolerantName, quote: position.superiorText ?? "")) }
        case .headOfOffice, .unresolved:
            break
        }
        var named: Set<Int> = []
        if let (id, exact) = OrganisationInference.unitNamed(inTitle: position.title, org: org) {
            named.insert(id)
            found.append(Evidence(kind: .titleNames, unit: id, exact: exact, weight: exact ? Self.exactName : Self.tolerantName, quote: position.title))
        }
        let titleWords = positionWords[p].title
        for (id, words) in inTitles.enumerated() where !words.isEmpty && !named.contains(id) && org.units[id].kind != .sekretariat {
            var covered = 0.0
            var quoted: [String] = []
            for w in words {
                if titleWords.contains(w) { covered += 1; quoted.append(text(w)) }
                else if let t = titleWords.first(where: { similar($0, w) }) { covered += 0.5; quoted.append(text(t)) }
            }
            let share = covered / Double(words.count)
            if share >= 0.5 { found.append(Evidence(kind: .titleWords, unit: id, exact: false, weight: Self.titleWords * share, quote: quoted.joined(separator: ", "))) }
        }
        // Texts: the task naming the superior is evidence already.
        var all = [Bool](repeating: false, count: vocabulary.count)
        var textNamed: [Int: Evidence] = [:]
        for (quote, words, namesSuperior) in positionWords[p].texts where !namesSuperior {
            for w in words { all[Int(w)] = true }
            // Each unit's name where it first occurs in the text, found from its first word (a
            // unit's evidence does not depend on the order the units are found in).
            var met: [Int] = []
            for at in words.indices where Int(words[at]) < namesStartingWith.count {
                for id in namesStartingWith[Int(words[at])] where !met.contains(id) {
                    let phrase = phrases[id]
                    guard at + phrase.count <= words.count, words[at..<(at + phrase.count)].elementsEqual(phrase) else { continue }
                    met.append(id)
                    let withKind = at > 0 && kindWords.contains(words[at - 1])
                    guard withKind || phrase.count >= 2 else { continue }
                    let weight = withKind ? Self.namedWithKind : Self.namedBare
                    if (textNamed[id]?.weight ?? 0) < weight {
                        textNamed[id] = Evidence(kind: .textNames, unit: id, exact: true, weight: weight, quote: quote)
                    }
                }
            }
        }
        found += textNamed.keys.sorted().map { textNamed[$0]! }
        for (id, words) in distinctive.enumerated() where !words.isEmpty && org.units[id].kind != .sekretariat {
            let shared = words.filter { all[Int($0)] }
            // One word in common is evidence only when few positions use it.
            guard shared.count * 2 >= words.count, shared.count >= 2 || (shared.count == 1 && isRare[Int(shared[0])]) else { continue }
            found.append(Evidence(kind: .sharedWords, unit: id, exact: false, weight: Self.sharedWords * Double(shared.count) / Double(words.count), quote: shared.map(text).joined(separator: ", ")))
        }
        return found.sorted { $0.weight > $1.weight }
    }

    /// Whether a title's word `t` is like a unit name's word `w`, give or take a typo.
    private mutating func similar(_ t: Int32, _ w: Int32) -> Bool {
        let (known, slot) = similarity.find(t, w)
        if let known { return known }
        let found = Nearest.similarWords(vocabulary.word(t), vocabulary.word(w))
        similarity.add(t, w, found, slot: slot)
        return found
    }

    /// Tasks, functions, and each indicator's objective, name, formula and data source.
    static func texts(of position: Position, in catalogue: Catalogue) -> [String] {
        var texts = position.tasks + position.functions
        for i in position.indicatorIndices {
            let indicator = catalogue.indicators[i]
            texts += [indicator.objective, indicator.name, indicator.formula.text, indicator.source]
        }
        return texts
    }
}

/// A yes or no remembered for pairs of word numbers: open addressing on the pair, a power of two
/// long and at most half full (a Dictionary's SipHash per probe was 3% of a check's instructions).
struct PairMemo {
    /// The pair (first number in the high half), `empty` where none is: numbers are never negative.
    private var keys = [UInt64](repeating: empty, count: 1024)
    private var answers = [Bool](repeating: false, count: 1024)
    private var count = 0
    private static let empty = UInt64.max

    /// The pair's answer, or the empty slot where it goes.
    func find(_ a: Int32, _ b: Int32) -> (answer: Bool?, slot: Int) {
        let key = Self.key(a, b), mask = keys.count - 1
        var slot = Self.slot(key) & mask
        while keys[slot] != Self.empty {
            if keys[slot] == key { return (answers[slot], slot) }
            slot = (slot + 1) & mask
        }
        return (nil, slot)
    }

    /// The answer of a pair `find` did not have, into the slot it gave.
    mutating func add(_ a: Int32, _ b: Int32, _ answer: Bool, slot: Int) {
        keys[slot] = Self.key(a, b)
        answers[slot] = answer
        count += 1
        guard count * 2 > keys.count else { return }
        let (oldKeys, oldAnswers) = (keys, answers)
        keys = [UInt64](repeating: Self.empty, count: oldKeys.count * 2)
        answers = [Bool](repeating: false, count: oldKeys.count * 2)
        let mask = keys.count - 1
        for (key, answer) in zip(oldKeys, oldAnswers) where key != Self.empty {
            var slot = Self.slot(key) & mask
            while keys[slot] != Self.empty { slot = (slot + 1) & mask }
            (keys[slot], answers[slot]) = (key, answer)
        }
    }

    private static func key(_ a: Int32, _ b: Int32) -> UInt64 { UInt64(UInt32(a)) << 32 | UInt64(UInt32(b)) }

    /// Fibonacci hashing: the product's high bits depend on every bit of the pair.
    private static func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) }
}

/// Words numbered in the order they are first met, kept as lower-case bytes in one buffer and
/// found by a hash of their bytes: a text's words are numbered straight from its bytes, with no
/// String per word (a String is made only for a word evidence quotes or compares tolerantly).
struct WordNumbers {
    /// Every word's bytes, one after another: word n is `bytes[starts[n]..<starts[n + 1]]`.
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]
    /// Open addressing on the words' hashes: a word's number + 1, 0 where none is; a power of two
    /// long, at most half full.
    private var slots = [Int32](repeating: 0, count: 1024)
    private var hashes: [UInt64] = []
    /// Words past ASCII, found first as Strings find each other (text written with other code
    /// points for the same characters is the same word); the table has them too, under their
    /// bytes as first met. No such word equals an ASCII one: lower-cased, none of its characters
    /// composes into ASCII.
    private var unicode: [String: Int32] = [:]

    var count: Int { starts.count - 1 }

    func word(_ n: Int32) -> String {
        String(decoding: bytes[starts[Int(n)]..<starts[Int(n) + 1]], as: UTF8.self)
    }

    /// The number of an ASCII word given in lower case, if it was met.
    func number(of word: String) -> Int32? {
        var word = word
        return word.withUTF8 { find($0, hash: Self.hash($0)).number }
    }

    /// The text's words, lower case: runs of letters and digits, without the words that join a
    /// name's parts ("dan", "serta", "bina", "di"). An ASCII text's (or one whose only other
    /// characters are × and ÷, see `Text.signsOnly`) on its bytes; another's on Characters, as
    /// `Text.lowercasedWords` splits it.
    mutating func numbers(ofWordsIn text: String) -> [Int32] {
        var numbers: [Int32] = []
        text.withBytes { bytes, isASCII in
            guard isASCII || Text.signsOnly(bytes) else {
                for word in Text.lowercasedWords(text) where !Self.isJoiner(word) {
                    numbers.append(number(word))
                }
                return
            }
            // One pass: each run of ASCII letters and digits lower-cased and hashed as it is read
            // (written out here: `Text`'s byte helpers are calls from this module, not inlined).
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { lower in
                var i = 0
                while i < bytes.count {
                    var length = 0
                    var hash = Self.seed
                    while i < bytes.count {
                        let b = bytes[i], folded = b | 0x20
                        let c: UInt8
                        if folded &- 0x61 < 26 { c = folded } else if b &- 0x30 < 10 { c = b } else { break }
                        lower[length] = c
                        hash = (hash ^ UInt64(c)) &* Self.prime
                        length += 1
                        i += 1
                    }
                    guard length > 0 else { i += 1; continue }
                    let word = Text.Bytes(start: lower.baseAddress, count: length)
                    if !Self.isJoiner(word) { numbers.append(number(word, hash: hash)) }
                }
            }
        }
        return numbers
    }

    /// Whether lower-case bytes are a joiner.
    static func isJoiner(_ word: Text.Bytes) -> Bool {
        func equals(_ joiner: StaticString) -> Bool {
            memcmp(word.baseAddress!, joiner.utf8Start, word.count) == 0
        }
        switch word.count {
        case 2: return equals("di")
        case 3: return equals("dan")
        case 4: return equals("bina")
        case 5: return equals("serta")
        default: return false
        }
    }

    static func isJoiner(_ word: String) -> Bool {
        var word = word
        return word.withUTF8 { isJoiner($0) }
    }

    private mutating func number(_ word: String) -> Int32 {
        var word = word
        if let ascii = word.withUTF8({ Text.isASCII($0) ? number($0) : nil }) { return ascii }
        if let known = unicode[word] { return known }
        // Not met as a String: its bytes are new too (equal bytes are an equal String).
        let n = word.withUTF8 { number($0) }
        unicode[word] = n
        return n
    }

    private mutating func number(_ word: Text.Bytes, hash: UInt64? = nil) -> Int32 {
        let hash = hash ?? Self.hash(word)
        let (known, slot) = find(word, hash: hash)
        return known ?? add(word, hash: hash, slot: slot)
    }

    /// The word's number, or the empty slot where it goes.
    private func find(_ word: Text.Bytes, hash: UInt64) -> (number: Int32?, slot: Int) {
        let mask = slots.count - 1
        var slot = Self.slot(hash) & mask
        while slots[slot] != 0 {
            let n = Int(slots[slot] - 1)
            if hashes[n] == hash && starts[n + 1] - starts[n] == word.count
                && bytes.withUnsafeBufferPointer({ word.isEmpty || memcmp($0.baseAddress! + starts[n], word.baseAddress!, word.count) == 0 }) {
                return (Int32(n), slot)
            }
            slot = (slot + 1) & mask
        }
        return (nil, slot)
    }

    /// A new word, into the empty `slot`.
    private mutating func add(_ word: Text.Bytes, hash: UInt64, slot: Int) -> Int32 {
        let n = Int32(count)
        bytes.append(contentsOf: word)
        starts.append(bytes.count)
        hashes.append(hash)
        slots[slot] = n + 1
        if hashes.count * 2 > slots.count { grow() }
        return n
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for n in hashes.indices {
            var slot = Self.slot(hashes[n]) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(n) + 1
        }
    }

    /// FNV-1a: words are short, and `numbers(ofWordsIn:)` hashes each byte as it lower-cases it.
    private static let seed: UInt64 = 0xCBF2_9CE4_8422_2325, prime: UInt64 = 0x100_0000_01B3

    private static func hash(_ word: Text.Bytes) -> UInt64 {
        var h = seed
        for c in word { h = (h ^ UInt64(c)) &* prime }
        return h
    }

    /// The table's slot for a hash, before the mask: its high bits folded into the low ones.
    private static func slot(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash ^ (hash >> 29)) }
}
