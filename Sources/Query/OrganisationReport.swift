import Catalogue

/// The organisation as a table (`iki organisation`): office > Sekretariat, bidang and UPT > sub
/// bagian and seksi > positions, each position with its confidence and its evidence; and the draft
/// organisation file for the positions left unresolved or placed with low confidence.
public enum OrganisationReport {
    public static func tree(_ catalogue: Catalogue) -> ResultSet {
        let org = catalogue.organisation
        var rows: [[Value]] = []
        func add(_ depth: Int, _ name: String, _ kind: String, unit: String?, confidence: String?, mark: String?, evidence: String?) {
            let indent = String(repeating: "  ", count: depth)
            rows.append([.number(Double(depth)), .text(indent + name), .text(kind), unit.map(Value.text) ?? .missing,
                         confidence.map(Value.text) ?? .missing, mark.map(Value.text) ?? .missing, evidence.map(Value.text) ?? .missing])
        }
        func addPositions(in unit: Int?, depth: Int, office: Int) {
            // Heads first, then the others in document order.
            let inUnit = catalogue.positions.indices.filter { catalogue.positions[$0].office == office && catalogue.positions[$0].unit == unit }
            for p in inUnit.filter({ catalogue.positions[$0].heads != nil }) + inUnit.filter({ catalogue.positions[$0].heads == nil }) {
                let position = catalogue.positions[p]
                add(depth, position.title, position.heads != nil ? "head" : "position", unit: unit.map { org.units[$0].fullName },
                    confidence: position.confidence.rawValue, mark: mark(position.confidence), evidence: explain(position, org))
            }
        }
        func addUnit(_ u: Int, depth: Int, office: Int) {
            add(depth, org.units[u].fullName, org.units[u].kind.rawValue, unit: org.units[u].fullName, confidence: nil, mark: nil, evidence: nil)
            addPositions(in: u, depth: depth + 1, office: office)
            for child in org.units.indices where org.units[child].parent == u && child != u { addUnit(child, depth: depth + 1, office: office) }
        }
        let offices = catalogue.offices.isEmpty ? [catalogue.metadata.office ?? catalogue.file] : catalogue.offices.map { $0.metadata.office ?? $0.file }
        for (k, office) in offices.enumerated() {
            add(0, office, "office", unit: nil, confidence: nil, mark: nil, evidence: nil)
            let units = org.units.indices.filter { org.units[$0].office == k }
            for u in units where org.units[u].kind.isBidangLevel { addUnit(u, depth: 1, office: k) }
            let orphans = units.filter { !org.units[$0].kind.isBidangLevel && org.bidangLevel(of: $0) == nil && org.units[$0].parent == nil }
            if !orphans.isEmpty {
                add(1, Message.treeNoBidang.text, "none", unit: nil, confidence: nil, mark: "unresolved", evidence: nil)
                for u in orphans { addUnit(u, depth: 2, office: k) }
            }
            if catalogue.positions.contains(where: { $0.office == k && $0.unit == nil }) {
                add(1, Message.treeUnresolved.text, "none", unit: nil, confidence: nil, mark: "unresolved", evidence: nil)
                addPositions(in: nil, depth: 2, office: k)
            }
        }
        let columns: [(String, ValueType)] = [("depth", .number), ("organisation", .text), ("kind", .text), ("unit", .text),
                                              ("confidence", .text), ("mark", .text), ("evidence", .text)]
        return ResultSet(columns: columns.map { Column(name: $0.0, type: $0.1) }, rows: rows)
    }

    /// The rows an analyst must check: `position,unit,parent,note`, loadable with `--organisation`
    /// once `unit` (and `parent`) are filled in. Unresolved positions have no unit yet; positions of
    /// low confidence have the inferred one, to confirm; units without a bidang want a parent.
    public static func draft(_ catalogue: Catalogue) -> ResultSet {
        let org = catalogue.organisation
        var rows: [[Value]] = []
        for (u, unit) in org.units.enumerated() where !unit.kind.isBidangLevel && org.bidangLevel(of: u) == nil {
            let candidates = org.units.filter { $0.kind == .bidang && $0.office == unit.office }.map(\.fullName)
            rows.append([.missing, .text(unit.fullName), .missing,
                         .text(Message.draftNoBidang(unit.fullName).text + "; " + Message.draftCandidates(candidates).text)])
        }
        for position in catalogue.positions where position.heads == nil && (position.unit == nil || position.confidence == .low) {
            var note: [String] = []
            if position.unit == nil {
                var candidates = position.candidates
                for e in position.evidence where !candidates.contains(e.unit) { candidates.append(e.unit) }
                if !candidates.isEmpty { note.append(Message.draftCandidates(candidates.map { org.units[$0].fullName }).text) }
            } else {
                note.append(Message.draftCheckUnit.text)
            }
            note.append(explain(position, org))
            rows.append([.text(position.title), position.unit.map { .text(org.units[$0].fullName) } ?? .missing, .missing, .text(note.joined(separator: "; "))])
        }
        return ResultSet(columns: ["position", "unit", "parent", "note"].map { Column(name: $0, type: .text) }, rows: rows)
    }

    static func mark(_ confidence: Confidence) -> String? {
        switch confidence {
        case .unresolved: return "unresolved"
        case .low: return "check"
        default: return nil
        }
    }

    /// The evidence as a sentence each, strongest first, with its unit when it is not the one chosen.
    static func explain(_ position: Position, _ org: Organisation) -> String {
        guard !position.evidence.isEmpty else { return position.unresolvedReason?.text ?? Message.noEvidence.text }
        var parts = position.evidence.map { e -> String in
            let weight = e.weight == e.weight.rounded() ? String(Int(e.weight)) : String(Double(Int(e.weight * 10)) / 10)
            let unit = e.unit == position.unit ? "" : " -> \(org.units[e.unit].fullName)"
            return "\(e.kind.rawValue) +\(weight): \(sentence(e).text)\(unit)"
        }
        if position.unit == nil, let reason = position.unresolvedReason { parts.insert(reason.text, at: 0) }
        return parts.joined(separator: "; ")
    }

    static func sentence(_ e: Evidence) -> Message {
        switch e.kind {
        case .heads: return .evidenceHeads(e.quote)
        case .titleNames: return .evidenceTitleNames(e.quote)
        case .superior: return .evidenceSuperior(e.quote)
        case .textNames: return .evidenceTextNames(e.quote)
        case .titleWords: return .evidenceTitleWords(e.quote)
        case .sharedWords: return .evidenceSharedWords(e.quote)
        case .documentOrder: return .evidenceDocumentOrder(e.quote)
        case .file: return .evidenceFile(e.quote)
        }
    }
}
