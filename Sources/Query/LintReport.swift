import Catalogue

/// `iki lint` as a table: one row per finding, in document order.
public enum LintReport {
    public static func result(_ catalogue: Catalogue) -> ResultSet {
        let rows = CatalogueLint.check(catalogue).map { f -> [Value] in
            let indicator = catalogue.indicators[f.indicator]
            return [.text("\(f.location.file):\(f.location.line):\(f.location.column)"), .text(f.rule.severity.rawValue), .text(f.rule.rawValue),
                    .text(indicator.code), .text(indicator.name), .text(f.reason.text)]
        }
        return ResultSet(columns: ["location", "level", "rule", "code", "indicator", "reason"].map { Column(name: $0, type: .text) }, rows: rows)
    }

    public static func hasErrors(_ catalogue: Catalogue) -> Bool { CatalogueLint.check(catalogue).contains { $0.rule.severity == .error } }
}
