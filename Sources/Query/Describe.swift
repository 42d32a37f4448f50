import Catalogue

/// `describe`: the fields of a thing, or the whole card of one indicator or position.
enum Describe {
    static func fields(of thing: Thing) -> ResultSet {
        let aliases = Dictionary(grouping: Vocabulary.fieldAliases, by: \.value).mapValues { $0.map(\.key).sorted() }
        let rows: [[Value]] = Schema.fields(thing).map { field in
            [.text(field.name), .text(field.type == .unit ? "unit" : field.type.rawValue),
             .text((aliases[field.name] ?? []).joined(separator: ", ")), .text(field.localizedMeaning)]
        }
        return ResultSet(columns: [Column(name: "field", type: .text), Column(name: "type", type: .text),
                                   Column(name: "alias", type: .text), Column(name: "meaning", type: .text)], rows: rows)
    }

    static func card(_ pairs: [(String, String)]) -> ResultSet {
        ResultSet(columns: [Column(name: "field", type: .text), Column(name: "value", type: .text)],
                  rows: pairs.map { [.text($0.0), .text($0.1)] })
    }

    static func indicator(_ name: String, _ token: Token, _ context: Context) throws(Diagnostic) -> ResultSet {
        let catalogue = context.dataset.catalogue
        guard let index = catalogue.indicatorIndex(code: name) else {
            throw .error(.noIndicatorCode(name), at: token, notes: [.nearest(nearest(name, in: catalogue.indicators.map(\.code)))])
        }
        let indicator = catalogue.indicators[index]
        let position = catalogue.positions[indicator.positionIndex]
        var pairs: [(String, String)] = [
            ("code", indicator.code), ("indicator", indicator.name), ("position", position.title),
            ("unit", catalogue.unit(of: position)?.fullName ?? "-"), ("bidang", catalogue.bidang(of: position)?.fullName ?? "-"),
            ("objective", indicator.objective), ("kind", indicator.kind.rawValue), ("formula", indicator.formula.text),
        ]
        if let n = indicator.formula.numerator { pairs.append(("numerator", n)) }
        if let d = indicator.formula.denominator { pairs.append(("denominator", d)) }
        pairs.append(("source", indicator.source))
        if let t = indicator.formula.yearlyTarget { pairs.append(("stated target", numberLiteral(t) + (indicator.formula.targetUnit.map { " " + $0 } ?? "") + " a year")) }
        pairs.append(("polarity", indicator.polarity.rawValue))
        pairs.append(("consolidation", (indicator.consolidation ?? .sum).rawValue))
        pairs.append(("defined at", "\(indicator.location.file):\(indicator.location.line)"))
        if let period = context.period {
            let e = context.evaluation(index)
            pairs.append(("period", period.description))
            pairs.append(("target", e.target.map { formatNumber($0) } ?? "-"))
            pairs.append(("target source", e.targetSource?.description ?? "-"))
            pairs.append(("realisation", e.realisation.map { formatNumber($0) } ?? "-"))
            pairs.append(("achievement", e.achievement.map { formatNumber($0) + "%" } ?? "-"))
            // Not computable or not applicable says why there is no category.
            let why = e.state == .notComputable || e.state == .notApplicable ? e.state.message.text : "-"
            pairs.append(("category", e.category ?? why))
        }
        return card(pairs)
    }

    static func position(_ name: String, _ token: Token, _ context: Context) throws(Diagnostic) -> ResultSet {
        let catalogue = context.dataset.catalogue
        let key = name.uppercased().split(separator: " ").joined(separator: " ")
        var matches = catalogue.positions.indices.filter { catalogue.positions[$0].code == key || catalogue.positions[$0].title.uppercased() == key }
        if matches.isEmpty { matches = catalogue.positions.indices.filter { catalogue.positions[$0].title.uppercased().contains(key) } }
        guard matches.count == 1 else {
            let near = matches.isEmpty ? nearest(name, in: catalogue.positions.map(\.title)) : matches.prefix(5).map { catalogue.positions[$0].title }
            throw .error(matches.isEmpty ? .noPosition(name) : .positionAmbiguous(name, count: matches.count), at: token,
                         notes: [matches.isEmpty ? .nearest(near, separator: "; ") : .forExample(near)])
        }
        let position = catalogue.positions[matches[0]]
        var pairs: [(String, String)] = [
            ("position", position.title), ("code", position.code),
            ("unit", catalogue.unit(of: position)?.fullName ?? "-"), ("bidang", catalogue.bidang(of: position)?.fullName ?? "-"),
            ("superior", context.superiors.title(of: matches[0], in: catalogue) ?? "-"),
            ("subordinates", String(context.superiors.subordinates[matches[0]])),
            ("superior named", position.superiorText ?? "-"),
        ]
        for (i, task) in position.tasks.enumerated() { pairs.append(("task \(letter(i))", task)) }
        for (i, function) in position.functions.enumerated() { pairs.append(("function \(letter(i))", function)) }
        for index in position.indicatorIndices {
            let indicator = catalogue.indicators[index]
            pairs.append((indicator.code, indicator.name))
            pairs.append(("  objective", indicator.objective))
            pairs.append(("  formula", indicator.formula.text))
            pairs.append(("  source", indicator.source))
            if context.period != nil {
                let e = context.evaluation(index)
                pairs.append(("  achievement", e.achievement.map { formatNumber($0) + "% (" + (e.category ?? "") + ")" } ?? "-"))
            }
        }
        return card(pairs)
    }

    /// Up to three names that look like a typo of `name`; when none does, the three nearest.
    static func nearest(_ name: String, in names: [String]) -> [String] {
        let close = Nearest.names(to: name, in: names, limit: 3)
        return close.isEmpty ? Nearest.names(to: name, in: names, limit: 3, always: true) : close
    }

    static func letter(_ i: Int) -> String {
        i < 26 ? String(UnicodeScalar(UInt8(97 + i))) : String(i + 1)
    }
}

import Foundation
