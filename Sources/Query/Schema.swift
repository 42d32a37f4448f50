import Catalogue

/// A field of a thing: its name, type, meaning (for `describe`) and how to read it from row `i`.
public struct Field {
    public var name: String
    public var type: ValueType
    public var meaning: String
    /// For unit-typed fields: the unit id of row `i` (compared by id, shown by short name).
    var unitOf: ((Context, Int) -> Int?)?
    /// For unit-typed fields: the kinds of unit its values can be (bidang: bidang-level only).
    var unitKinds: Set<UnitKind>?
    /// For fields that group often (office, region, units): row `i`'s value as an id, equal
    /// exactly when the values group together (case-insensitively), -1 when missing; so grouping
    /// hashes integers rather than text. `count` bounds the ids.
    var groupID: GroupID?
    var get: (Context, Int) -> Value
}

/// The fields of each thing, and how many rows it has.
public enum Schema {
    public static let defaultColumns: [Thing: [String]] = [
        .indicators: ["code", "position", "indicator", "target", "realisation", "achievement", "category"],
        .realisations: ["code", "period", "target", "realisation", "achievement", "category"],
        .positions: ["code", "position", "unit", "bidang", "indicators", "achievement"],
        .units: ["unit", "kind", "bidang", "positions", "indicators", "achievement"],
        .objectives: ["objective", "position", "bidang", "indicators", "achievement"],
    ]

    static func rowCount(_ thing: Thing, _ context: Context) -> Int {
        switch thing {
        case .indicators: return context.dataset.catalogue.indicators.count
        case .realisations: return context.realisationPairs.count
        case .positions: return context.dataset.catalogue.positions.count
        case .units: return context.dataset.catalogue.organisation.units.count
        case .objectives: return context.objectives.count
        }
    }

    public static func fields(_ thing: Thing) -> [Field] {
        switch thing {
        case .indicators:
            return indicatorFields(rowsAreIndicators: true, indicator: { _, i in i }, evaluation: { c, i in c.evaluation(i) }, achievement: { c, i in c.achievement(i) },
                                   previous: { c, i in c.previousEvaluation(i) }, period: { c, _ in c.period })
        case .realisations:
            var fields = indicatorFields(rowsAreIndicators: false, indicator: { c, r in c.realisationPairs[r].indicator },
                                         evaluation: { c, r in c.evaluation(pair: r) },
                                         achievement: { c, r in c.evaluation(pair: r).achievement },
                                         previous: { c, r in c.previousEvaluation(pair: r) },
                                         period: { c, r in c.realisationPairs[r].period })
            fields.append(Field(name: "value", type: .number, meaning: "the value reported for exactly this period (counts)") { c, r in
                row(c, r)?.value.map(Value.number) ?? .missing
            })
            fields.append(Field(name: "note", type: .text, meaning: "the note reported with the row") { c, r in
                row(c, r).map { .text($0.note) } ?? .missing
            })
            return fields
        case .positions:
            return positionFields()
        case .units:
            return unitFields()
        case .objectives:
            return objectiveFields()
        }
    }

    static func row(_ c: Context, _ r: Int) -> Realisation? {
        let (indicator, period) = c.realisationPairs[r]
        return c.dataset.realisations.row(of: indicator, period: period)
    }

    static func text(_ s: String?) -> Value { s.map(Value.text) ?? .missing }

    /// The office and region of a row, from its office's signature block.
    static func officeFields(_ officeOf: @escaping (Context, Int) -> Int) -> [Field] {
        [
            Field(name: "office", type: .text, meaning: "the office (dinas), from its catalogue's signature block",
                  groupID: GroupID(count: { $0.columns.officeNames.count }, id: { c, i in c.columns.officeNames.ids[officeOf(c, i)] })) { c, i in
                text(c.dataset.catalogue.offices[officeOf(c, i)].metadata.office)
            },
            Field(name: "region", type: .text, meaning: "the region of the office (kabupaten, kota or provinsi)",
                  groupID: GroupID(count: { $0.columns.regionNames.count }, id: { c, i in c.columns.regionNames.ids[officeOf(c, i)] })) { c, i in
                text(c.dataset.catalogue.offices[officeOf(c, i)].metadata.region)
            },
        ]
    }
    static func number(_ d: Double?) -> Value { d.map(Value.number) ?? .missing }

    /// unit, seksi and bidang of a row, from the index of its position.
    static func unitFields(position: @escaping (Context, Int) -> Int) -> [Field] {
        func unit(_ name: String, _ meaning: String, _ kinds: Set<UnitKind>? = nil, _ pick: @escaping (Context, Int) -> Int?) -> Field {
            let unitOf: (Context, Int) -> Int? = { c, i in c.dataset.catalogue.positions[position(c, i)].unit.flatMap { pick(c, $0) } }
            let groupID = GroupID(count: { $0.columns.unitNames.count }, id: { c, i in unitOf(c, i).map { c.columns.unitNames.ids[$0] } ?? -1 })
            return Field(name: name, type: .unit, meaning: meaning, unitOf: unitOf, unitKinds: kinds, groupID: groupID) { c, i in
                unitOf(c, i).map { .text(c.dataset.catalogue.organisation.units[$0].shortName) } ?? .missing
            }
        }
        return [
            unit("unit", "the unit the position belongs to (short name; compares by the unit matching rule)") { _, u in u },
            unit("seksi", "the seksi or sub bagian, when the position belongs to one", [.seksi, .subBagian]) { c, u in
                let kind = c.dataset.catalogue.organisation.units[u].kind
                return kind == .seksi || kind == .subBagian ? u : nil
            },
            unit("bidang", "the bidang-level unit: Sekretariat, a bidang or a UPT", [.sekretariat, .bidang, .upt]) { c, u in c.columns.bidangOfUnit[u] },
        ]
    }

    static func indicatorFields(rowsAreIndicators: Bool, indicator: @escaping (Context, Int) -> Int, evaluation: @escaping (Context, Int) -> Evaluation,
                                achievement: @escaping (Context, Int) -> Double?,
                                previous: @escaping (Context, Int) -> Evaluation,
                                period: @escaping (Context, Int) -> Period?) -> [Field] {
        // Fields are read in place (`indicators[i].code`): a copy of the Indicator would retain
        // and release every String it holds, on every row.
        func ind(_ c: Context, _ r: Int) -> Int { indicator(c, r) }
        func pos(_ c: Context, _ r: Int) -> Int { c.columns.indicatorPositions[indicator(c, r)] }
        var fields = [
            Field(name: "code", type: .text, meaning: "the indicator's code, e.g. SDIN-1") { c, r in .text(c.dataset.catalogue.indicators[ind(c, r)].code) },
            Field(name: "indicator", type: .text, meaning: "the indicator's name (indikator kinerja)") { c, r in .text(c.dataset.catalogue.indicators[ind(c, r)].name) },
            Field(name: "position", type: .text, meaning: "the position (jabatan) it belongs to") { c, r in .text(c.dataset.catalogue.positions[pos(c, r)].title) },
        ]
        fields += unitFields(position: pos)
        fields += officeFields { c, r in c.dataset.catalogue.positions[pos(c, r)].office }
        // Their group ids come from the columns made per dataset, one array read per row.
        for k in fields.indices where fields[k].groupID != nil {
            let key = Columns.groupedFields.firstIndex(of: fields[k].name)!, count = fields[k].groupID!.count
            fields[k].groupID = GroupID(count: count, column: rowsAreIndicators ? { c in c.columns.indicatorGroupIDs[key] } : nil,
                                        id: { c, r in Int(c.columns.indicatorGroupIDs[key][ind(c, r)]) })
        }
        fields += chainFields(position: pos)
        fields += [
            Field(name: "objective", type: .text, meaning: "the strategic objective (sasaran strategis) it measures") { c, r in .text(c.dataset.catalogue.indicators[ind(c, r)].objective) },
            Field(name: "kind", type: .text, meaning: "ratio (numerator / denominator x 100%) or count") { c, r in .text(c.dataset.catalogue.indicators[ind(c, r)].kind.rawValue) },
            Field(name: "numerator", type: .text, meaning: "what a ratio counts above the line") { c, r in text(c.dataset.catalogue.indicators[ind(c, r)].formula.numerator) },
            Field(name: "denominator", type: .text, meaning: "what a ratio counts below the line") { c, r in text(c.dataset.catalogue.indicators[ind(c, r)].formula.denominator) },
            Field(name: "formula", type: .text, meaning: "the formula as plain text") { c, r in .text(c.dataset.catalogue.indicators[ind(c, r)].formula.text) },
            Field(name: "source", type: .text, meaning: "the data source (sumber data)") { c, r in .text(c.dataset.catalogue.indicators[ind(c, r)].source) },
            Field(name: "target_unit", type: .text, meaning: "the unit of a count target stated in the catalogue, e.g. KUMKM") { c, r in text(c.dataset.catalogue.indicators[ind(c, r)].formula.targetUnit) },
            Field(name: "polarity", type: .text, meaning: "positive (bigger is better) or negative") { c, r in .text(c.dataset.catalogue.indicators[ind(c, r)].polarity.rawValue) },
            Field(name: "consolidation", type: .text, meaning: "how rows inside a period combine: sum, average or last") { c, r in
                .text((c.dataset.catalogue.indicators[ind(c, r)].consolidation ?? .sum).rawValue)
            },
            Field(name: "period", type: .period, meaning: "the period evaluated") { c, r in period(c, r).map(Value.period) ?? .missing },
            Field(name: "target", type: .number, meaning: "the target for the period (percent for ratios)") { c, r in number(evaluation(c, r).target) },
            Field(name: "target_source", type: .text, meaning: "where the target came from: the period, the year (scaled) or the catalogue; a range target's bounds") { c, r in
                let e = evaluation(c, r)
                guard let source = e.targetSource?.description else { return .missing }
                guard let upper = e.targetUpper, let lower = e.target else { return .text(source) }
                return .text("\(source), range \(numberLiteral(lower))-\(numberLiteral(upper))")
            },
            Field(name: "realisation", type: .number, meaning: "what was achieved in the period (percent for ratios)") { c, r in number(evaluation(c, r).realisation) },
            Field(name: "achievement", type: .percent, meaning: "capaian: realisation / target x 100 (or 2 - r/t for negative polarity); missing when the state is not reported, not-computable or not-applicable, and so left out of averages") { c, r in
                number(achievement(c, r))
            },
            Field(name: "category", type: .text, meaning: "predikat from the achievement: Sangat Baik, Baik, Cukup, Kurang, Sangat Kurang; the state instead when it is not-computable or not-applicable") { c, r in
                let e = evaluation(c, r)
                if e.state == .notComputable || e.state == .notApplicable { return .text(e.state.rawValue) }
                return text(e.category)
            },
            Field(name: "state", type: .text, meaning: "reported, not-reported, not-computable (components reported, the denominator zero: tidak dapat dihitung) or not-applicable (before the indicator's first target in the year: tidak berlaku); only reported has an achievement, so the others are left out of averages") { c, r in
                .text(evaluation(c, r).state.rawValue)
            },
            Field(name: "score", type: .number, meaning: "the rule set's score: skp-2021 converts capaian (above 110% scores 120); the others score the capaian itself") { c, r in
                number(evaluation(c, r).score)
            },
            Field(name: "rule", type: .text, meaning: "the rule set and the row of it that gave the score, e.g. skp-2021: > 110%: 120") { c, r in
                guard let rule = evaluation(c, r).rule else { return .missing }
                return .text("\(c.dataset.scale.rules.rawValue): \(rule)")
            },
            Field(name: "reports", type: .number, meaning: "how many reported rows make the realisation") { c, r in .number(Double(evaluation(c, r).rows)) },
            Field(name: "previous_achievement", type: .percent, meaning: "achievement in the period before, of the same length (last month for a month)") { c, r in
                number(previous(c, r).achievement)
            },
            Field(name: "change", type: .percent, meaning: "achievement minus previous_achievement, in percentage points") { c, r in
                guard let now = evaluation(c, r).achievement, let before = previous(c, r).achievement else { return .missing }
                return .number(now - before)
            },
        ]
        return fields
    }

    static func positionFields() -> [Field] {
        func pos(_ c: Context, _ i: Int) -> Position { c.dataset.catalogue.positions[i] }
        var fields = [
            Field(name: "code", type: .text, meaning: "the position's code, which its indicator codes start with") { c, i in .text(pos(c, i).code) },
            Field(name: "position", type: .text, meaning: "the title (jabatan)") { c, i in .text(pos(c, i).title) },
        ]
        fields += unitFields { _, i in i }
        fields += officeFields { c, i in pos(c, i).office }
        fields += chainFields { _, i in i }
        fields += [
            Field(name: "superior_named", type: .text, meaning: "who gives it other tasks, as its task text says") { c, i in text(pos(c, i).superiorText) },
            Field(name: "tasks", type: .number, meaning: "number of tasks (tugas)") { c, i in .number(Double(pos(c, i).tasks.count)) },
            Field(name: "functions", type: .number, meaning: "number of functions (fungsi)") { c, i in .number(Double(pos(c, i).functions.count)) },
            Field(name: "indicators", type: .number, meaning: "number of indicators") { c, i in .number(Double(pos(c, i).indicatorIndices.count)) },
            Field(name: "reported", type: .number, meaning: "how many of its indicators reported in the period (a not-computable one did: its components are reported)") { c, i in
                .number(Double(pos(c, i).indicatorIndices.filter { [.reported, .notComputable].contains(c.evaluation($0).state) }.count))
            },
            Field(name: "not_reported", type: .number, meaning: "how many of its indicators have not reported in the period; not-applicable ones (before their first target) are not counted") { c, i in
                .number(Double(pos(c, i).indicatorIndices.filter { c.evaluation($0).state == .notReported }.count))
            },
            Field(name: "achievement", type: .percent, meaning: "mean achievement of its indicators in the period") { c, i in
                c.meanAchievement(pos(c, i).indicatorIndices)
            },
            Field(name: "period", type: .period, meaning: "the period evaluated") { c, _ in c.period.map(Value.period) ?? .missing },
        ]
        return fields
    }

    /// The chain of superiors, for positions and (through their position) indicators.
    static func chainFields(position: @escaping (Context, Int) -> Int) -> [Field] {
        [
            Field(name: "superior", type: .text, meaning: "the position it reports to: its unit's head, or the head above for a head") { c, r in
                text(c.superiors.title(of: position(c, r), in: c.dataset.catalogue))
            },
            Field(name: "subordinates", type: .number, meaning: "how many positions report to it (to its position, for an indicator)") { c, r in
                .number(Double(c.superiors.subordinates[position(c, r)]))
            },
        ]
    }

    static func unitFields() -> [Field] {
        func unit(_ c: Context, _ i: Int) -> Unit { c.dataset.catalogue.organisation.units[i] }
        return [
            Field(name: "unit", type: .unit, meaning: "the unit's short name", unitOf: { _, i in i }) { c, i in .text(unit(c, i).shortName) },
            Field(name: "name", type: .text, meaning: "the unit's full name") { c, i in .text(unit(c, i).fullName) },
            Field(name: "kind", type: .text, meaning: "sekretariat, bidang, seksi, sub bagian or upt") { c, i in .text(unit(c, i).kind.rawValue) },
            Field(name: "parent", type: .unit, meaning: "the unit above it", unitOf: { c, i in unit(c, i).parent }) { c, i in
                unit(c, i).parent.map { .text(c.dataset.catalogue.organisation.units[$0].shortName) } ?? .missing
            },
            Field(name: "bidang", type: .unit, meaning: "the bidang-level unit it belongs to", unitOf: { c, i in c.dataset.catalogue.organisation.bidangLevel(of: i) },
                  unitKinds: [.sekretariat, .bidang, .upt]) { c, i in
                c.dataset.catalogue.organisation.bidangLevel(of: i).map { .text(c.dataset.catalogue.organisation.units[$0].shortName) } ?? .missing
            },
        ] + officeFields { c, i in unit(c, i).office } + [
            Field(name: "positions", type: .number, meaning: "number of positions in it (sub-units included)") { c, i in
                .number(Double(c.unitPositionCounts[i]))
            },
            Field(name: "indicators", type: .number, meaning: "number of indicators of its positions (sub-units included)") { c, i in .number(Double(c.unitIndicators[i].count)) },
            Field(name: "achievement", type: .percent, meaning: "mean achievement of those indicators in the period") { c, i in c.meanAchievement(c.unitIndicators[i]) },
            Field(name: "period", type: .period, meaning: "the period evaluated") { c, _ in c.period.map(Value.period) ?? .missing },
        ]
    }

    static func objectiveFields() -> [Field] {
        func pos(_ c: Context, _ i: Int) -> Position { c.dataset.catalogue.positions[c.objectives[i].position] }
        var fields = [
            Field(name: "objective", type: .text, meaning: "the strategic objective (sasaran strategis)") { c, i in .text(c.objectives[i].name) },
            Field(name: "position", type: .text, meaning: "the position whose table states it") { c, i in .text(pos(c, i).title) },
        ]
        fields += unitFields { c, i in c.objectives[i].position }
        fields += officeFields { c, i in pos(c, i).office }
        fields += [
            Field(name: "indicators", type: .number, meaning: "number of indicators measuring it") { c, i in .number(Double(c.objectives[i].indicators.count)) },
            Field(name: "achievement", type: .percent, meaning: "mean achievement of those indicators in the period") { c, i in c.meanAchievement(c.objectives[i].indicators) },
            Field(name: "period", type: .period, meaning: "the period evaluated") { c, _ in c.period.map(Value.period) ?? .missing },
        ]
        return fields
    }
}
