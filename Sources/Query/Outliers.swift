import Catalogue

/// An aggregate of achievement pushed by outliers (issue 12 item 3): `avg(achievement)` or
/// `sum(achievement)` over rows some of which are above 200% (one count at 1200% pushes a bidang's
/// average to 388.6%). The aggregate notes those rows as it runs; the executor then warns at the
/// call, naming how many and which. The result is not changed.
final class OutlierWatch {
    static let threshold = 200.0
    static let named = 3

    let call: String
    let location: SourceLocation
    let length: Int
    let value: (Int) -> Value
    /// How a row is named in the warning: its code (and period, for realisations).
    let name: (Int) -> String
    private var seen = Set<Int>()
    private var rows: [Int] = []

    init(call: String, location: SourceLocation, length: Int, value: @escaping (Int) -> Value, name: @escaping (Int) -> String) {
        self.call = call
        self.location = location
        self.length = length
        self.value = value
        self.name = name
    }

    /// Notes a group's rows above the threshold (a row in two groups is counted once).
    func note(_ group: [Int]) {
        for row in group {
            guard let n = value(row).number, n > Self.threshold, seen.insert(row).inserted else { continue }
            rows.append(row)
        }
    }

    /// The warning for the rows noted since the last call (the biggest named first), and none
    /// when there were none.
    func take() -> Diagnostic? {
        defer { seen = []; rows = [] }
        guard !rows.isEmpty else { return nil }
        // The biggest first: those are what moved the result most.
        let values = Dictionary(uniqueKeysWithValues: rows.map { ($0, value($0).number ?? 0) })
        let ranked = rows.sorted { values[$0]! != values[$1]! ? values[$0]! > values[$1]! : $0 < $1 }
        var names: [String] = []
        for row in ranked where names.count < Self.named {
            let n = name(row)
            if !names.contains(n) { names.append(n) }
        }
        return .warning(.outlierInAggregate(call, rows: rows.count, codes: names, more: rows.count - names.count),
                        at: location, length: length, notes: [.outlierHint])
    }
}

extension Resolver {
    /// A watch for `avg`/`sum` of achievement, or nil for any other aggregate.
    func outlierWatch(_ function: String, _ input: Compiled, _ argument: Expr, _ token: Token) -> OutlierWatch? {
        guard function == "avg" || function == "sum", input.fieldName == "achievement" else { return nil }
        // The caret spans the call as written, `avg(achievement)`, when the argument is a name.
        var length = token.length
        if case .name = argument, argument.token.location.line == token.location.line {
            length = argument.token.location.column + argument.token.length - token.location.column + 1
        }
        let label = field(named: "code") ?? field(named: "unit") ?? field(named: "objective")
        let period = thing == .realisations ? field(named: "period") : nil
        let context = self.context
        return OutlierWatch(call: "\(token.text)(\(argument.token.text))", location: token.location, length: length, value: input.eval) { row in
            let text = label.map { $0.get(context, row).asText } ?? "row \(row + 1)"
            return period.map { text + " " + $0.get(context, row).asText } ?? text
        }
    }
}
