/// Short, stable indicator codes: `<position code>-<place of the indicator in its position>`.
///
/// The position code is made from the position's own title only: the initials of its words (small
/// connecting words such as "dan" left out, at most six) followed by the first three letters of the
/// last word: KEPALA SEKSI PERMODALAN -> KSPER, SEKRETARIS DINAS -> SDIN. So adding or removing
/// another position never changes a code. When two titles give the same position code, the first in
/// the document keeps it and each later one gets two letters derived from a hash of its own title
/// (PKUSPKOP, PKUSPKOPXY); identical titles get a running number as well.
public enum IndicatorCodes {
    static let stopWords: Set<String> = ["DAN", "DI", "KE", "DARI", "YANG", "SERTA", "ATAU", "UNTUK", "DENGAN"]
    /// The stop words' bytes (all of them six letters or fewer), for ASCII titles.
    static let stopWordBytes: [[UInt8]] = stopWords.map { Array($0.utf8) }

    public static func positionCode(title: String) -> String {
        title.withBytes { bytes, isASCII in
            guard isASCII else { return positionCode(unicodeTitle: title) }
            // ASCII: words are runs of letters and digits, and their letters upper-case alone.
            var words: [Text.Bytes] = []
            Text.forEachAlphanumericRun(bytes) { word in
                if !(word.count <= 6 && stopWordBytes.contains(where: { Text.equals(word, $0) })) { words.append(word) }
            }
            guard let last = words.last else { return "P" }
            var code = words.dropLast().prefix(6).map { Text.upper($0[0]) }
            code += last.prefix(3).map(Text.upper)
            return String(decoding: code, as: UTF8.self)
        }
    }

    /// `positionCode` on Characters, for a title that is not all ASCII.
    static func positionCode(unicodeTitle title: String) -> String {
        let words = title.uppercased()
            .split(whereSeparator: { !($0.isLetter || $0.isNumber) })
            .map(String.init)
            .filter { !stopWords.contains($0) }
        guard let last = words.last else { return "P" }
        let initials = words.dropLast().compactMap(\.first).prefix(6)
        return String(initials) + String(last.prefix(3))
    }

    /// Two letters A-Z from a 32-bit FNV-1a hash of the normalised title.
    static func suffix(title: String) -> String {
        var hash: UInt32 = 2_166_136_261
        func add(_ byte: UInt8) { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        title.withBytes { bytes, isASCII in
            guard isASCII else {
                for byte in title.uppercased().split(separator: " ").joined(separator: " ").utf8 { add(byte) }
                return
            }
            // ASCII: the same words, upper-cased and joined by one space, on bytes.
            for (i, word) in Text.words(bytes, separatedBy: { $0 == 0x20 }).enumerated() {
                if i > 0 { add(0x20) }
                for byte in word { add(Text.upper(byte)) }
            }
        }
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)
        return String(decoding: [letters[Int(hash % 26)], letters[Int((hash / 26) % 26)]], as: UTF8.self)
    }

    /// The key of `Catalogue.codeIndex`: the code upper-cased. Codes are made upper-case, so
    /// mostly this is the code itself, sharing its String.
    static func key(_ code: String) -> String {
        code.utf8.contains(where: { $0 >= 0x61 }) ? code.uppercased() : code
    }

    /// The index the loaders build, from the codes: later indicators win a code given twice, as
    /// `Merge` indexes them (within one office codes are unique).
    static func index(_ indicators: [Indicator]) -> [String: Int] {
        var index = [String: Int](minimumCapacity: indicators.count)
        for i in indicators.indices { index[key(indicators[i].code)] = i }
        return index
    }

    static func assign(_ catalogue: inout Catalogue, indexing: Bool = true) {
        var taken: Set<String> = []
        for p in catalogue.positions.indices {
            let title = catalogue.positions[p].title
            var code = positionCode(title: title)
            if taken.contains(code) {
                code += suffix(title: title)
                var candidate = code
                var n = 2
                while taken.contains(candidate) {
                    candidate = code + String(n)
                    n += 1
                }
                code = candidate
            }
            taken.insert(code)
            catalogue.positions[p].code = code
            for i in catalogue.positions[p].indicatorIndices {
                catalogue.indicators[i].code = code + "-" + String(catalogue.indicators[i].ordinal)
                if indexing { catalogue.codeIndex[key(catalogue.indicators[i].code)] = i }
            }
        }
    }
}
