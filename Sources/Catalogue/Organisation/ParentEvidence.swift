/// Places seksi whose head names no bidang (`KEPALA SEKSI PERTANIAN, ...` gets other tasks from the
/// Kepala Dinas): by the bidang its staff's tasks name, else by the heads of the seksi beside its head
/// in the document, when both are in one bidang.
enum ParentEvidence {
    static func placeOrphans(_ org: inout Organisation, catalogue: Catalogue, superiors: [Int: OrganisationInference.Superior]) {
        let orphans = org.units.indices.filter { !org.units[$0].kind.isBidangLevel && org.units[$0].parent == nil }
        guard !orphans.isEmpty else { return }
        var votes: [Int: [Int: Double]] = [:]
        // Staff whose title names the seksi and whose task names a bidang.
        for (p, superior) in superiors {
            guard case .unit(let bidang, let exact) = superior, org.units[bidang].kind.isBidangLevel else { continue }
            for e in catalogue.positions[p].evidence where e.kind == .titleNames && orphans.contains(e.unit) {
                votes[e.unit, default: [:]][bidang, default: 0] += exact ? PositionEvidence.exactName : PositionEvidence.tolerantName
            }
        }
        // Else the heads of the seksi before and after its head, when both are in the same bidang.
        let heads = catalogue.positions.indices.filter { catalogue.positions[$0].heads.map { org.units[$0].kind == .seksi } ?? false }
        for (k, p) in heads.enumerated() where k > 0 && k + 1 < heads.count {
            let unit = catalogue.positions[p].heads!
            guard orphans.contains(unit), votes[unit] == nil else { continue }
            let before = org.units[catalogue.positions[heads[k - 1]].heads!].parent
            let after = org.units[catalogue.positions[heads[k + 1]].heads!].parent
            if let before, before == after { votes[unit] = [before: 2 * PositionEvidence.neighbour] }
        }
        for (unit, byParent) in votes {
            let ranked = byParent.sorted { $0.value > $1.value }
            if ranked.count == 1 || ranked[0].value > ranked[1].value { org.units[unit].parent = ranked[0].key }
        }
    }
}
