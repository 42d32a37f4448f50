/// Weighs a position's evidence into a unit and a confidence. A unit scores its own evidence plus
/// its parent's (evidence for a bidang is evidence for its seksi too, so the more specific unit
/// wins when both are named); the best wins unless another unit, not above it, scores the same.
enum EvidenceScore {
    struct Decision: Equatable {
        var unit: Int?
        var confidence: Confidence
        /// The units tied for the best score, when there is a tie.
        var tied: [Int]
    }

    static func decide(_ evidence: [Evidence], in org: Organisation) -> Decision {
        var own: [Int: Double] = [:]
        for e in evidence { own[e.unit, default: 0] += e.weight }
        guard !own.isEmpty else { return Decision(unit: nil, confidence: .unresolved, tied: []) }
        func score(_ u: Int) -> Double {
            guard let parent = org.units[u].parent, parent != u else { return own[u] ?? 0 }
            return (own[u] ?? 0) + (own[parent] ?? 0)
        }
        // Ties broken by unit id only to make the order stable; a tie is reported, not broken.
        let ranked = own.keys.map { ($0, score($0)) }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        let (best, top) = ranked[0]
        let rivals = ranked.dropFirst().filter { !OrganisationFile.isAncestor($0.0, of: best, in: org) }
        let second = rivals.first?.1 ?? 0
        if second == top {
            return Decision(unit: nil, confidence: .unresolved, tied: [best] + rivals.filter { $0.1 == top }.map(\.0))
        }
        let lead = top - second
        let confidence: Confidence = top >= 8 && lead >= 4 ? .high : top >= 3 && lead >= 2 ? .medium : .low
        return Decision(unit: best, confidence: confidence, tied: [])
    }
}
