import Foundation

/// The organisation file: a CSV that completes or overrides the inferred organisation.
///
///     position,unit,parent
///     BENDAHARA GAJI,Sub Bagian Keuangan dan Aset,
///     ,Seksi Pertanian Perkebunan dan Kehutanan,Bidang Bina Produksi dan Pemasaran Koperasi
///
/// `position` is a title or a position code; `unit` a unit name (matched by the unit rule);
/// `parent` sets the unit's parent, and creates the unit when no unit has that name. Other columns
/// (a `note`, say) are ignored.
public enum OrganisationFile {
    public static func apply(path: String, to catalogue: inout Catalogue) -> [Diagnostic] {
        do {
            let records = try CSVReader.read(path: path)
            return apply(records: records, file: path, to: &catalogue)
        } catch {
            return [error]
        }
    }

    public static func apply(records: [CSVRecord], file: String, to catalogue: inout Catalogue) -> [Diagnostic] {
        let table = CSVTable(records: records, file: file)
        guard table.has("unit") else {
            return [.error(.noUnitColumn, at: SourceLocation(file: file, line: 1))]
        }
        var diagnostics: [Diagnostic] = []
        var assigned: [Int: Int] = [:]          // position -> line that assigned it
        var parented: [Int: (Int, Int)] = [:]   // unit -> (parent, line)
        let titleKey = Text.upperCollapsed
        var positionsByKey: [String: [Int]] = [:]
        for (i, p) in catalogue.positions.enumerated() {
            positionsByKey[titleKey(p.title), default: []].append(i)
            positionsByKey[IndicatorCodes.key(p.code), default: []].append(i)
        }

        for row in table.rows {
            let unitName = table.cell(row, "unit"), parentName = table.cell(row, "parent"), positionName = table.cell(row, "position")
            if unitName.isEmpty && parentName.isEmpty && positionName.isEmpty { continue }
            guard !unitName.isEmpty else {
                diagnostics.append(.error(.rowWithoutUnit, at: table.location(row, "unit")))
                continue
            }
            var parent: Int?
            if !parentName.isEmpty {
                guard let p = findUnit(parentName, in: catalogue, table: table, row: row, column: "parent", &diagnostics) else { continue }
                parent = p
            }
            var unitID: Int
            let matches = catalogue.organisation.units(named: unitName)
            if matches.count == 1 {
                unitID = matches[0]
            } else if matches.isEmpty, parent != nil, let kind = kind(of: unitName) {
                let short = shortName(unitName, kind: kind)
                unitID = catalogue.organisation.add(Unit(kind: kind, fullName: Text.collapse(unitName), shortName: short))
            } else {
                guard let u = findUnit(unitName, in: catalogue, table: table, row: row, column: "unit", &diagnostics) else { continue }
                unitID = u
            }
            if let parent {
                if catalogue.organisation.units[unitID].kind.isBidangLevel {
                    diagnostics.append(.error(.bidangLevelWithParent(catalogue.organisation.units[unitID].fullName), at: table.location(row, "parent")))
                } else if parent == unitID || isAncestor(unitID, of: parent, in: catalogue.organisation) {
                    diagnostics.append(.error(.parentCycle(catalogue.organisation.units[parent].fullName), at: table.location(row, "parent")))
                } else if let (earlier, line) = parented[unitID], earlier != parent {
                    diagnostics.append(.error(.secondParent(catalogue.organisation.units[unitID].fullName, earlier: catalogue.organisation.units[earlier].fullName, line: line), at: table.location(row, "parent")))
                } else {
                    catalogue.organisation.units[unitID].parent = parent
                    parented[unitID] = (parent, row.line)
                }
            }
            guard !positionName.isEmpty else { continue }
            guard let positions = positionsByKey[titleKey(positionName)] ?? positionsByKey[positionName.uppercased()] else {
                let near = Nearest.names(to: positionName, in: catalogue.positions.map(\.title), limit: 3, always: true)
                diagnostics.append(.error(.unknownPosition(positionName, in: catalogue.file), at: table.location(row, "position"),
                                          notes: [.nearest(near, separator: "; ")]))
                continue
            }
            for p in positions {
                if let line = assigned[p] {
                    diagnostics.append(.error(.positionUnitGivenTwice(catalogue.positions[p].title, line: line), at: table.location(row, "position")))
                    continue
                }
                assigned[p] = row.line
                catalogue.positions[p].unit = unitID
                catalogue.positions[p].unresolvedReason = nil
                catalogue.positions[p].evidence = [Evidence(kind: .file, unit: unitID, exact: true, weight: PositionEvidence.exactName, file: file, line: row.line)]
                catalogue.positions[p].confidence = .given
                catalogue.positions[p].candidates = []
            }
        }
        return diagnostics
    }

    static func findUnit(_ name: String, in catalogue: Catalogue, table: CSVTable, row: CSVRecord, column: String, _ diagnostics: inout [Diagnostic]) -> Int? {
        let matches = catalogue.organisation.units(named: name)
        if matches.count == 1 { return matches[0] }
        let units = catalogue.organisation.units
        if matches.count > 1 {
            diagnostics.append(.error(.ambiguousUnit(name, matches.map { units[$0].fullName }), at: table.location(row, column)))
            return nil
        }
        let near = Nearest.names(to: name, in: units.map(\.fullName), limit: 3, always: true)
        diagnostics.append(.error(.unknownUnit(name, creating: column == "unit"),
                                  at: table.location(row, column), notes: [.nearest(near, separator: "; ")]))
        return nil
    }

    static func isAncestor(_ ancestor: Int, of unit: Int, in org: Organisation) -> Bool {
        var current = org.units[unit].parent
        var steps = 0
        while let c = current, steps < org.units.count {
            if c == ancestor { return true }
            current = org.units[c].parent
            steps += 1
        }
        return false
    }

    static func kind(of name: String) -> UnitKind? {
        let n = name.lowercased()
        if n.hasPrefix("sekretariat") { return .sekretariat }
        if n.hasPrefix("sub bagian ") || n.hasPrefix("subbagian ") || n.hasPrefix("subbag ") { return .subBagian }
        if n.hasPrefix("seksi ") { return .seksi }
        if n.hasPrefix("bidang ") { return .bidang }
        if n.hasPrefix("upt ") { return .upt }
        return nil
    }

    static func shortName(_ name: String, kind: UnitKind) -> String {
        var words = Text.collapse(name).split(separator: " ").map(String.init)
        let prefixWords = kind == .subBagian && words.first?.lowercased() == "sub" ? 2 : 1
        words.removeFirst(min(prefixWords, words.count))
        if words.first?.lowercased() == "bina" { words.removeFirst() }
        return words.isEmpty ? name : words.joined(separator: " ")
    }
}
