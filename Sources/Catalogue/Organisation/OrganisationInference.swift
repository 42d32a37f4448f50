import Foundation

/// Infers the organisation from the catalogue itself: titles define units (`KEPALA SEKSI Y` ->
/// Seksi Y); every other position is placed by its evidence (`PositionEvidence`), weighed by
/// `EvidenceScore`. What cannot be inferred is left unresolved with a warning naming the position
/// and, for a tie, its candidates; an organisation file completes or overrides it.
enum OrganisationInference {
    enum Superior: Equatable {
        case headOfOffice
        /// `exact`: the text names the unit as it is named (by the unit rule), not tolerantly.
        case unit(Int, exact: Bool)
        /// A tolerant name that fits several units equally.
        case tied([Int], Message)
        case unresolved(Message)
    }

    static func infer(_ catalogue: inout Catalogue) {
        var org = Organisation()

        // Units headed by a position: bidang-level ones first, so that sub bagian of a UPT find it.
        var headed: [(position: Int, kind: UnitKind, name: String, upt: String?)] = []
        for (p, position) in catalogue.positions.enumerated() {
            if let head = headedUnit(title: position.title) { headed.append((p, head.kind, head.name, head.upt)) }
        }
        for entry in headed.sorted(by: { ($0.kind.isBidangLevel ? 0 : 1, $0.position) < ($1.kind.isBidangLevel ? 0 : 1, $1.position) }) {
            var parent: Int?
            if let upt = entry.upt { parent = org.add(makeUnit(.upt, upt)) }
            let id = org.add(makeUnit(entry.kind, entry.name, parent: parent))
            catalogue.positions[entry.position].heads = id
            catalogue.positions[entry.position].unit = id
            catalogue.positions[entry.position].evidence = [Evidence(kind: .heads, unit: id, exact: true, weight: PositionEvidence.exactName, quote: catalogue.positions[entry.position].title)]
            catalogue.positions[entry.position].confidence = .high
        }

        for p in catalogue.positions.indices {
            catalogue.positions[p].superiorText = superiorText(in: catalogue.positions[p].tasks)
        }

        // Units are all known now: their name tokens, once, for the tolerant matching below.
        let tokens = org.units.map { UnitName.tokens($0.fullName) }
        // A unit's staff name the same superior: each text is resolved once. (Resolving reads
        // units' names and kinds, which no longer change; parents, which do, it does not read.)
        // (Keyed byte for byte: the text goes into the reason when it names no unit.)
        var resolved = TextTable<Superior>()
        func resolveOnce(_ text: String?) -> Superior {
            guard let text else { return resolve(nil, in: org) }
            return resolved.value(of: text) { resolve(text, in: org, tokens: tokens) }
        }

        // Parents of seksi and sub bagian, from their heads' superiors.
        let sekretariat = org.units.firstIndex(where: { $0.kind == .sekretariat })
        for p in catalogue.positions.indices {
            guard let id = catalogue.positions[p].heads, !org.units[id].kind.isBidangLevel, org.units[id].parent == nil else { continue }
            let position = catalogue.positions[p]
            switch resolveOnce(position.superiorText) {
            case .unit(let parent, _) where parent != id && org.units[parent].kind.isBidangLevel:
                org.units[id].parent = parent
            default:
                if org.units[id].kind == .subBagian, let sekretariat {
                    org.units[id].parent = sekretariat
                }
                // Otherwise placed by its staff or its neighbours below, or reported.
            }
        }

        // Everyone else: by the evidence.
        var collector = PositionEvidence(catalogue: catalogue, org: org)
        let staff = catalogue.positions.indices.filter { catalogue.positions[$0].heads == nil }
        var superiors: [Int: Superior] = [:]
        for p in staff {
            let superior = resolveOnce(catalogue.positions[p].superiorText)
            superiors[p] = superior
            catalogue.positions[p].evidence = collector.collect(p, in: catalogue, superior: superior)
        }
        ParentEvidence.placeOrphans(&org, catalogue: catalogue, superiors: superiors)
        for p in staff { settle(p, &catalogue, org: org, superior: superiors[p]!) }
        // Positions nothing placed: their neighbours in the document, where those agree.
        // (Not the head of office, who is above every unit.)
        let unplaced = staff.filter { catalogue.positions[$0].evidence.isEmpty && !isHeadOfOffice(catalogue.positions[$0].title) }
        // (Neighbours as placed by their own evidence: one placed by its neighbours places no other.)
        let placed = catalogue.positions.map(\.unit)
        for p in unplaced {
            let before = (0..<p).reversed().first { placed[$0] != nil }
            let after = (p + 1..<placed.count).first { placed[$0] != nil }
            for n in [before, after].compactMap({ $0 }) {
                guard let unit = placed[n] else { continue }
                catalogue.positions[p].evidence.append(Evidence(kind: .documentOrder, unit: unit, exact: false, weight: PositionEvidence.neighbour, quote: catalogue.positions[n].title))
            }
            settle(p, &catalogue, org: org, superior: superiors[p]!)
        }
        catalogue.organisation = org
    }

    static func isHeadOfOffice(_ title: String) -> Bool {
        let t = Text.upperCollapsed(title)
        return ["KEPALA DINAS", "KEPALA BADAN", "KEPALA KANTOR"].contains { t == $0 || t.hasPrefix($0 + " ") }
    }

    /// Decides position `p`'s unit from its evidence; without one, says why.
    static func settle(_ p: Int, _ catalogue: inout Catalogue, org: Organisation, superior: Superior) {
        let decision = EvidenceScore.decide(catalogue.positions[p].evidence, in: org)
        catalogue.positions[p].unit = decision.unit
        catalogue.positions[p].confidence = decision.confidence
        catalogue.positions[p].candidates = decision.tied
        guard decision.unit == nil else { catalogue.positions[p].unresolvedReason = nil; return }
        if decision.tied.count >= 2 {
            catalogue.positions[p].unresolvedReason = .evidenceTied(decision.tied.map { org.units[$0].fullName })
            return
        }
        switch superior {
        case .headOfOffice: catalogue.positions[p].unresolvedReason = .superiorIsHeadOfOffice
        case .unresolved(let why), .tied(_, let why): catalogue.positions[p].unresolvedReason = why
        case .unit: catalogue.positions[p].unresolvedReason = .noUnitGiven
        }
    }

    /// `KEPALA SEKSI Y` -> (seksi, "Y"); `KEPALA SUB BAGIAN TATA USAHA UPT W` -> (sub bagian, "TATA USAHA", upt "W").
    static func headedUnit(title: String) -> (kind: UnitKind, name: String, upt: String?)? {
        let t = Text.upperCollapsed(title)
        if t.hasPrefix("SEKRETARIS") && !t.hasPrefix("SEKRETARIS DESA") { return (.sekretariat, "Sekretariat", nil) }
        let prefixes: [(String, UnitKind)] = [
            ("KEPALA BIDANG ", .bidang), ("KEPALA SEKSI ", .seksi), ("KEPALA SUB BAGIAN ", .subBagian),
            ("KEPALA SUBBAGIAN ", .subBagian), ("KASUBAG ", .subBagian), ("KEPALA UPT ", .upt),
            ("KEPALA UNIT PELAKSANA TEKNIS ", .upt),
        ]
        for (prefix, kind) in prefixes where t.hasPrefix(prefix) {
            let rest = String(t.dropFirst(prefix.count))
            if kind == .subBagian, let upt = rest.range(of: " UPT ") {
                return (kind, String(rest[..<upt.lowerBound]), String(rest[upt.upperBound...]))
            }
            return (kind, rest, nil)
        }
        return nil
    }

    static func makeUnit(_ kind: UnitKind, _ rawName: String, parent: Int? = nil) -> Unit {
        var name = rawName
        // "UPT PENGELOLA DANA BERGULIR DINAS KOPERASI ...": the office's name is not the UPT's.
        if kind == .upt, let dinas = name.range(of: " DINAS ", options: .caseInsensitive) { name = String(name[..<dinas.lowerBound]) }
        if kind == .sekretariat { return Unit(kind: kind, fullName: "Sekretariat", shortName: "Sekretariat", parent: parent) }
        let pretty = titleCase(name)
        var short = pretty
        if short.lowercased().hasPrefix("bina ") { short = String(short.dropFirst(5)) }
        return Unit(kind: kind, fullName: "\(kind.prefix) \(pretty)", shortName: short, parent: parent)
    }

    /// The superior named in "tugas lain yang diberikan (oleh) <superior> sesuai ...".
    static func superiorText(in tasks: [String]) -> String? {
        for task in tasks {
            // What the three markers start with: most tasks have none of them.
            guard Text.range(of: "lain yang di", in: task) != nil else { continue }
            for marker in ["lain yang diberikan", "lain yang diperintahkan", "lain yang ditugaskan"] {
                guard let range = Text.range(of: marker, in: task) else { continue }
                var rest = Text.trim(task[range.upperBound...])
                if rest.lowercased().hasPrefix("oleh ") { rest = String(rest.dropFirst(5)) }
                for end in [" sesuai", " baik", ";", " dalam rangka"] {
                    if let r = Text.range(of: end, in: rest) { rest = String(rest[..<r.lowerBound]) }
                }
                rest = Text.trim(rest, where: { $0 == 0x20 || $0 == 0x2E || $0 == 0x2C || $0 == 0x3B })  // " .,;"
                while rest.lowercased().hasPrefix("kepala kepala ") { rest = String(rest.dropFirst(7)) }
                if !rest.isEmpty { return rest }
            }
        }
        return nil
    }

    static func resolve(_ text: String?, in org: Organisation, tokens: [[String]]? = nil) -> Superior {
        guard let text else { return .unresolved(.noSuperiorNamed) }
        let s = text.lowercased()
        if s.hasPrefix("kepala dinas") || s.hasPrefix("kadis") { return .headOfOffice }
        if s.hasPrefix("sekretaris") {
            if let id = org.units.firstIndex(where: { $0.kind == .sekretariat }) { return .unit(id, exact: true) }
            return .unresolved(.noSekretariat)
        }
        let kinds: [(String, UnitKind)] = [
            ("kepala bidang ", .bidang), ("kabid ", .bidang), ("kepala seksi ", .seksi), ("kasi ", .seksi),
            ("kepala sub bagian ", .subBagian), ("kepala subbagian ", .subBagian), ("kasubag ", .subBagian),
            ("kasubbag ", .subBagian), ("kepala upt ", .upt),
        ]
        for (prefix, kind) in kinds where s.hasPrefix(prefix) {
            return match(String(text.dropFirst(prefix.count)), kind: kind, in: org, quoted: text, tokens: tokens)
        }
        return .unresolved(.superiorNamesNoUnit(text))
    }

    /// A unit name as task text writes it: a unit named exactly (by the unit rule) wins outright;
    /// else tolerantly, every word matching a word of the unit's name, give or take a typo or
    /// truncation, the unit whose name is covered best winning, and a tie naming both.
    static func match(_ name: String, kind: UnitKind, in org: Organisation, quoted: String, tokens unitTokens: [[String]]? = nil) -> Superior {
        let exact = org.units(named: name).filter { org.units[$0].kind == kind }
        if exact.count == 1 { return .unit(exact[0], exact: true) }
        let query = UnitName.tokens(name)
        guard !query.isEmpty else { return .unresolved(.namesNoUnit(quoted)) }
        var best: [(Int, Double)] = []
        for (id, unit) in org.units.enumerated() where unit.kind == kind {
            let tokens = unitTokens?[id] ?? UnitName.tokens(unit.fullName)
            guard query.allSatisfy({ q in tokens.contains { Nearest.similarWords(q, $0) } }) else { continue }
            let covered = tokens.filter { t in query.contains { Nearest.similarWords($0, t) } }.count
            best.append((id, Double(covered) / Double(tokens.count)))
        }
        best.sort { $0.1 > $1.1 }
        guard let top = best.first else { return .unresolved(.noUnitMatches(quoted)) }
        if best.count > 1 && best[1].1 == top.1 {
            let tied = best.filter { $0.1 == top.1 }.map(\.0)
            return .tied(tied, .matchesTwoUnits(quoted, org.units[tied[0]].fullName, org.units[tied[1]].fullName))
        }
        return .unit(top.0, exact: false)
    }

    /// "PENGELOLA DATA SEKSI PERTANIAN, ..." names its seksi outright: the unit, and whether by its exact name.
    static func unitNamed(inTitle title: String, org: Organisation, tokens: [[String]]? = nil) -> (Int, Bool)? {
        let t = title.uppercased()
        let isASCII = t.withBytes { $1 }
        for (marker, kind) in [(" SEKSI ", UnitKind.seksi), (" SUB BAGIAN ", .subBagian), (" SUBBAG ", .subBagian), (" UPT ", .upt)] {
            // Upper-cased ASCII text has no lower case for `Text.range` to ignore.
            guard let r = isASCII ? Text.range(of: marker, in: t) : t.range(of: marker) else { continue }
            if case .unit(let id, let exact) = match(String(t[r.upperBound...]), kind: kind, in: org, quoted: title, tokens: tokens) { return (id, exact) }
        }
        return nil
    }
}
