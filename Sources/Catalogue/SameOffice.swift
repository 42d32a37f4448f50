import Foundation

/// One office's catalogue given twice: an office's folder after someone exported the Word file
/// holds `catalogue.docx` and `catalogue.txt` of the same document side by side, and loading both
/// would count every indicator twice. Two catalogues are of the same office when their signature
/// blocks name the same office and region; then one is loaded:
/// - the same texts (positions, tasks, functions, indicators, formulas, sources, targets): a
///   warning naming both files and the one loaded;
/// - different texts: an error naming both, and still only one is loaded (two versions of one
///   office's catalogue side by side is a mistake to fix, never two offices).
/// The .docx is preferred: it is the signed decree's attachment, and the text is what a converter
/// made of it (converters lose tables and equations). Between two files of one kind, or when the
/// other was already merged (more than a batch of files apart), the first in load order is kept.
struct SameOffice {
    struct Loaded {
        var file: String
        var identity: String?
        var fingerprint: Int
        var positions: Int
        var indicators: Int
        var office: String
    }

    /// What the catalogue says of itself, computed where it is loaded (in parallel).
    static func describe(_ catalogue: Catalogue, file: String) -> Loaded {
        var identity: String?
        if let office = catalogue.metadata.office, !catalogue.positions.isEmpty {
            identity = Text.upperCollapsed(office) + "|" + Text.upperCollapsed(catalogue.metadata.region ?? "")
        }
        // `Text.hash`, not Hasher: every office is fingerprinted, and SipHash over all its texts
        // cost about 2.5% of reading it.
        var h: UInt64 = 0
        if identity != nil {
            for p in catalogue.positions {
                p.hashTexts(into: &h)
                Text.hash(p.indicatorIndices.count, into: &h)
            }
            for i in catalogue.indicators {
                i.hashTexts(into: &h)
                // Whether there is a target, then its bits (0 and -0 alike, as Hasher has them).
                let target = i.formula.yearlyTarget
                Text.hash(target == nil ? 0 : 1, into: &h)
                Text.hash(target.map { $0 == 0 ? 0 : Int(truncatingIfNeeded: $0.bitPattern) } ?? 0, into: &h)
            }
        }
        let office = [catalogue.metadata.office, catalogue.metadata.region].compactMap { $0 }.joined(separator: ", ")
        return Loaded(file: file, identity: identity, fingerprint: Int(bitPattern: UInt(h)),
                      positions: catalogue.positions.count, indicators: catalogue.indicators.count, office: office)
    }

    /// The office identities seen so far, each with the file kept for it.
    private var kept: [String: Loaded] = [:]

    /// Which of a batch's catalogues to merge (in order), given those merged before; and the
    /// diagnostic for each one left out, at its place in the batch.
    mutating func choose(_ batch: [Loaded]) -> (keep: [Bool], said: [Int: Diagnostic]) {
        var keep = [Bool](repeating: true, count: batch.count)
        var said: [Int: Diagnostic] = [:]
        var inBatch: [String: Int] = [:]
        for (j, part) in batch.enumerated() {
            guard let identity = part.identity else { continue }
            if let k = inBatch[identity], Self.isWord(part.file) && !Self.isWord(batch[k].file) {
                // Not yet merged: the Word document takes the text's place.
                keep[k] = false
                said[k] = Self.diagnostic(left: batch[k], used: part)
                inBatch[identity] = j
                kept[identity] = part
            } else if let used = inBatch[identity].map({ batch[$0] }) ?? kept[identity] {
                keep[j] = false
                said[j] = Self.diagnostic(left: part, used: used)
            } else {
                inBatch[identity] = j
                kept[identity] = part
            }
        }
        return (keep, said)
    }

    static func isWord(_ file: String) -> Bool { Text.fileExtension(file).lowercased() == "docx" }

    static func diagnostic(left: Loaded, used: Loaded) -> Diagnostic {
        let at = SourceLocation(file: left.file, place: "")
        if left.fingerprint == used.fingerprint && left.positions == used.positions && left.indicators == used.indicators {
            return .warning(.sameOfficeTwice(office: used.office, used: used.file, left: left.file, positions: used.positions, indicators: used.indicators), at: at)
        }
        return .error(.sameOfficeDiffers(office: used.office, used: used.file, left: left.file,
                                         usedCounts: (used.positions, used.indicators), leftCounts: (left.positions, left.indicators)), at: at)
    }
}
