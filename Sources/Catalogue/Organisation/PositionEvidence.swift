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

    /// A position's title as words, and each of its texts with its words and whether it names the
    /// superior (that task is evidence already, as the superior).
    struct Words {
        var title: [Int32]
        var texts: [(text: String, words: [Int32], namesSuperior: Bool)]
    }

    init(catalogue: Catalogue, org: Organisation) {
        self.org = org
        var vocabulary = WordNumbers()
        phrases = org.units.map { vocabulary.numbers(PositionEvidence.words($0.shortName)) }
        // Rows repeat their objective and source, and staff their tasks: each text is split once.
        var split: [ExactText: (words: [Int32], namesSuperior: Bool)] = [:]
        func read(_ text: String) -> (text: String, words: [Int32], namesSuperior: Bool) {
            if let known = split[ExactText(string: text)] { return (text, known.words, known.namesSuperior) }
            let read = (vocabulary.numbers(PositionEvidence.words(text)), Text.range(of: "lain yang di", in: text) != nil)
            split[ExactText(string: text)] = read
            return (text, read.0, read.1)
        }
        positionWords = catalogue.positions.map { position in
            Words(title: vocabulary.numbers(PositionEvidence.words(position.title)),
                  texts: PositionEvidence.texts(of: position, in: catalogue).map(read))
        }
        // How many positions use each word; a word seen again in the same position is marked
        // with that position, so it counts once.
        var used = [Int](repeating: 0, count: vocabulary.words.count)
        var seenIn = [Int](repeating: -1, count: vocabulary.words.count)
        for (p, words) in positionWords.enumerated() {
            for w in words.title where seenIn[Int(w)] != p { seenIn[Int(w)] = p; used[Int(w)] += 1 }
            for text in words.texts {
                for w in text.words where seenIn[Int(w)] != p { seenIn[Int(w)] = p; used[Int(w)] += 1 }
            }
        }
        let n = catalogue.positions.count
        let names = phrases
        // A word in the names of three units or more ("pengembangan") tells none of them apart.
        var named = [Int](repeating: 0, count: vocabulary.words.count)
        for name in names { for word in Set(name) { named[Int(word)] += 1 } }
        let texts = vocabulary.words
        func keep(_ limit: Int) -> [[Int32]] {
            names.map { Array(Set($0.filter { used[Int($0)] <= max(4, limit) && named[Int($0)] < 3 })).sorted { texts[Int($0)] < texts[Int($1)] } }
        }
        distinctive = keep(n / 4)
        inTitles = keep(n / 2)
        isRare = used.map { $0 > 0 && $0 <= max(2, n / 8) }
        kindWords = ["seksi", "bidang", "upt", "subbag", "bagian", "kasubag", "kasi", "kabid"].compactMap { vocabulary.number(of: $0) }
        self.vocabulary = vocabulary
    }

    /// Every piece of evidence for position `p`, strongest first. `superior`: what its task's
    /// superior resolved to.
    func collect(_ p: Int, in catalogue: Catalogue, superior: OrganisationInference.Superior) -> [Evidence] {
        let position = catalogue.positions[p]
        let text = { (w: Int32) in vocabulary.words[Int(w)] }
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
                else if let t = titleWords.first(where: { Nearest.similarWords(text($0), text(w)) }) { covered += 0.5; quoted.append(text(t)) }
            }
            let share = covered / Double(words.count)
            if share >= 0.5 { found.append(Evidence(kind: .titleWords, unit: id, exact: false, weight: Self.titleWords * share, quote: quoted.joined(separator: ", "))) }
        }
        // Texts: the task naming the superior is evidence already.
        var all = [Bool](repeating: false, count: vocabulary.words.count)
        var textNamed: [Int: Evidence] = [:]
        for (quote, words, namesSuperior) in positionWords[p].texts where !namesSuperior {
            for w in words { all[Int(w)] = true }
            for (id, phrase) in phrases.enumerated() where !phrase.isEmpty && org.units[id].kind != .sekretariat {
                guard let at = Self.find(phrase, in: words) else { continue }
                let withKind = at > 0 && kindWords.contains(words[at - 1])
                guard withKind || phrase.count >= 2 else { continue }
                let weight = withKind ? Self.namedWithKind : Self.namedBare
                if (textNamed[id]?.weight ?? 0) < weight {
                    textNamed[id] = Evidence(kind: .textNames, unit: id, exact: true, weight: weight, quote: quote)
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

    /// Where `phrase` starts in `words`, if it occurs.
    static func find<Word: Equatable>(_ phrase: [Word], in words: [Word]) -> Int? {
        guard words.count >= phrase.count else { return nil }
        for start in 0...(words.count - phrase.count) where words[start] == phrase[0] {
            if (1..<phrase.count).allSatisfy({ words[start + $0] == phrase[$0] }) { return start }
        }
        return nil
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

    /// Lower-case words of letters and digits, without the words that join a name's parts.
    static func words(_ text: String) -> [String] {
        // (This runs over every text of the catalogue: only short words can be joiners.)
        Text.lowercasedWords(text).filter { $0.utf8.count > 5 || !joiners.contains($0) }
    }

    static let joiners: Set<String> = ["dan", "serta", "bina", "di"]
}

/// Words numbered in the order they are first met.
struct WordNumbers {
    private(set) var words: [String] = []
    private var numbers: [String: Int32] = [:]

    mutating func numbers(_ given: [String]) -> [Int32] {
        given.map { word in
            if let known = numbers[word] { return known }
            let number = Int32(words.count)
            numbers[word] = number
            words.append(word)
            return number
        }
    }

    func number(of word: String) -> Int32? { numbers[word] }
}
