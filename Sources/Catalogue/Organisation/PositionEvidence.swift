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
    /// Each unit's name as words (lower case, without "dan", "serta", "bina" and its kind).
    let phrases: [[String]]
    /// The words of each unit's name that at most a quarter of the positions use (for texts), and
    /// at most half (for titles, which are short and say what a position does), and that fewer
    /// than three units' names have.
    let distinctive: [[String]], inTitles: [[String]]
    /// Words at most an eighth of the positions use: one of them shared says something.
    let rare: Set<String>
    /// Each position's title, and each of its texts (in the order of `texts(of:in:)`), as words:
    /// made once here, for the counts and for every position's evidence.
    let titleWords: [[String]], textWords: [[[String]]]

    init(catalogue: Catalogue, org: Organisation) {
        self.org = org
        phrases = org.units.map { PositionEvidence.words($0.shortName) }
        // How many positions use each word: a position counts once, the last one to count it
        // kept beside the count (one hash per word, not a Set per position).
        var counted: [String: (positions: Int, last: Int)] = [:]
        func count(_ word: String, _ p: Int) {
            { (entry: inout (positions: Int, last: Int)) in
                if entry.last != p { entry = (entry.positions + 1, p) }
            }(&counted[word, default: (0, -1)])
        }
        var titleWords: [[String]] = [], textWords: [[[String]]] = []
        titleWords.reserveCapacity(catalogue.positions.count)
        textWords.reserveCapacity(catalogue.positions.count)
        for (p, position) in catalogue.positions.enumerated() {
            let title = PositionEvidence.words(position.title)
            let texts = PositionEvidence.texts(of: position, in: catalogue).map(PositionEvidence.words)
            for word in title { count(word, p) }
            for words in texts { for word in words { count(word, p) } }
            titleWords.append(title)
            textWords.append(texts)
        }
        self.titleWords = titleWords
        self.textWords = textWords
        let used = counted.mapValues(\.positions)
        let n = catalogue.positions.count
        let names = phrases
        // A word in the names of three units or more ("pengembangan") tells none of them apart.
        var named: [String: Int] = [:]
        for name in names { for word in Set(name) { named[word, default: 0] += 1 } }
        func keep(_ limit: Int) -> [[String]] {
            names.map { Array(Set($0.filter { (used[$0] ?? 0) <= max(4, limit) && named[$0]! < 3 })).sorted() }
        }
        distinctive = keep(n / 4)
        inTitles = keep(n / 2)
        rare = Set(used.filter { $0.value <= max(2, n / 8) }.keys)
    }

    /// Every piece of evidence for position `p` (the catalogue's, as given to `init`), strongest
    /// first. `superior`: what its task's superior resolved to.
    func collect(_ p: Int, in catalogue: Catalogue, superior: OrganisationInference.Superior) -> [Evidence] {
        let position = catalogue.positions[p]
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
        let titleWords = self.titleWords[p]
        for (id, words) in inTitles.enumerated() where !words.isEmpty && !named.contains(id) && org.units[id].kind != .sekretariat {
            var covered = 0.0
            var quoted: [String] = []
            for w in words {
                if titleWords.contains(w) { covered += 1; quoted.append(w) }
                else if let t = titleWords.first(where: { Nearest.similarWords($0, w) }) { covered += 0.5; quoted.append(t) }
            }
            let share = covered / Double(words.count)
            if share >= 0.5 { found.append(Evidence(kind: .titleWords, unit: id, exact: false, weight: Self.titleWords * share, quote: quoted.joined(separator: ", "))) }
        }
        // Texts: the task naming the superior is evidence already.
        var all: Set<String> = []
        var textNamed: [Int: Evidence] = [:]
        for (k, text) in Self.texts(of: position, in: catalogue).enumerated() where Text.range(of: "lain yang di", in: text) == nil {
            let words = textWords[p][k]
            all.formUnion(words)
            for (id, phrase) in phrases.enumerated() where !phrase.isEmpty && org.units[id].kind != .sekretariat {
                guard let at = Self.find(phrase, in: words) else { continue }
                let withKind = at > 0 && ["seksi", "bidang", "upt", "subbag", "bagian", "kasubag", "kasi", "kabid"].contains(words[at - 1])
                guard withKind || phrase.count >= 2 else { continue }
                let weight = withKind ? Self.namedWithKind : Self.namedBare
                if (textNamed[id]?.weight ?? 0) < weight {
                    textNamed[id] = Evidence(kind: .textNames, unit: id, exact: true, weight: weight, quote: text)
                }
            }
        }
        found += textNamed.keys.sorted().map { textNamed[$0]! }
        for (id, words) in distinctive.enumerated() where !words.isEmpty && org.units[id].kind != .sekretariat {
            let shared = words.filter { all.contains($0) }
            // One word in common is evidence only when few positions use it.
            guard shared.count * 2 >= words.count, shared.count >= 2 || (shared.count == 1 && rare.contains(shared[0])) else { continue }
            found.append(Evidence(kind: .sharedWords, unit: id, exact: false, weight: Self.sharedWords * Double(shared.count) / Double(words.count), quote: shared.joined(separator: ", ")))
        }
        return found.sorted { $0.weight > $1.weight }
    }

    /// Where `phrase` starts in `words`, if it occurs.
    static func find(_ phrase: [String], in words: [String]) -> Int? {
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
    static func words(_ text: String) -> [String] { UnitName.lowerWords(text, without: joiners) }

    static let joiners = DroppedWords(["dan", "serta", "bina", "di"])
}
