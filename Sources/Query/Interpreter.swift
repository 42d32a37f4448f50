import Catalogue

/// Runs statements over a dataset. Each `show` is planned (`Planner`: names resolved, types
/// checked, expressions compiled), then executed (`Executor`); `explain` prints the plan instead.
public struct Interpreter {
    /// Replacing it drops the evaluations and columns kept for the old one.
    public var dataset: Dataset { didSet { cache = EvaluationCache() } }
    /// The period statements use when they say no `for`; nil means the latest with realisations.
    public var period: Period?
    public var parameters: [String: Value]
    /// Asked every few thousand rows; true abandons the statement (Ctrl-C in the shell).
    public var isCancelled: () -> Bool = { false }
    /// Evaluations kept between statements; replace it when the data changes.
    public var cache = EvaluationCache()

    public init(dataset: Dataset, period: Period? = nil, parameters: [String: Value] = [:]) {
        self.dataset = dataset
        self.period = period
        self.parameters = parameters
    }

    /// The period a statement without `for` is evaluated for.
    public var defaultPeriod: Period? { period ?? dataset.realisations.latestPeriod }

    public func run(_ statement: Statement) throws(Diagnostic) -> ResultSet {
        switch statement {
        case .query(let question): return try run(question)
        case .command(.export(let show, _, _, _)):
            return try run(show)
        case .command(.set(_, let token)), .command(.load(_, _, let token)), .command(.help(_, let token)), .command(.report(_, _, let token)):
            throw .error(.sessionCommand(token.text), at: token)
        case .command(.quit):
            throw .error(.quitIsSessionCommand)
        }
    }

    public func run(_ question: Question) throws(Diagnostic) -> ResultSet {
        switch question {
        case .show(let show): return try run(show)
        case .explain(let show, _):
            // The plan's lines as a one-column result, for callers that want a table.
            let plan = try self.plan(show)
            let lines = plan.text.split(separator: "\n").map { [Value.text(String($0))] }
            return ResultSet(columns: [Column(name: "plan", type: .text)], rows: lines, warnings: plan.warnings, period: plan.period)
        case .describeThing(let thing, _): return Describe.fields(of: thing)
        case .lint: return LintReport.result(dataset.catalogue)
        case .describeOne(let thing, let name, let token):
            let context = Context(dataset: dataset, period: defaultPeriod, cache: cache)
            return thing == .indicators ? try Describe.indicator(name, token, context) : try Describe.position(name, token, context)
        }
    }

    func resolvePeriod(_ show: ShowStatement) throws(Diagnostic) -> (Period?, Plan.PeriodSource) {
        if let token = show.periodToken, token.kind == .parameter {
            return (try Self.period(parameter: token.text, in: parameters, yearToDate: show.periodUpTo, at: token), .statement)
        }
        if let p = show.period, show.periodToDate {
            // Year to date: from the period's first month to the latest month reported (the
            // year's end when a later year is reported).
            guard let latest = dataset.realisations.latestPeriod, latest.year >= p.year,
                  latest.year > p.year || latest.lastMonth >= p.firstMonth else {
                throw .error(.nothingReportedToDate(p), at: show.periodToken!)
            }
            return (.range(p.year, from: p.firstMonth, to: latest.year > p.year ? 12 : latest.lastMonth), .statement)
        }
        if let p = show.period { return (p, .statement) }
        // Realisations without `for` list every period; everything else uses the current one.
        return (show.thing == .realisations ? nil : defaultPeriod, period == nil ? .latest : .session)
    }

    /// `$name` as a period (`for $p`, `set period $p`); January up to it for `s.d. $p`.
    public static func period(parameter name: String, in parameters: [String: Value], yearToDate: Bool,
                              at token: Token) throws(Diagnostic) -> Period {
        guard let value = parameters[name] else {
            throw .error(.unknownParameter(name), at: token, notes: [.giveParameter(name)])
        }
        guard let period = value.asPeriod else {
            throw .error(.parameterNotAPeriod(name), at: token, notes: [.periodForms])
        }
        return yearToDate ? period.yearToDate : period
    }

    /// The period a statement's `for` names (a parameter, `to date`), or the default one: what
    /// `report for ...` is made for.
    public func period(of show: ShowStatement) throws(Diagnostic) -> Period? {
        try resolvePeriod(show).0
    }

    /// The plan of a `show`, built without reading a row: what `explain` prints.
    public func plan(_ show: ShowStatement) throws(Diagnostic) -> Plan {
        try planned(show).plan
    }

    func planned(_ show: ShowStatement) throws(Diagnostic) -> (plan: Plan, context: Context) {
        let (period, source) = try resolvePeriod(show)
        let context = Context(dataset: dataset, period: period, cache: cache)
        var plan = try Planner.plan(show, period: period, source: source, context: context, parameters: parameters)
        if let warning = notOver(show, period) { plan.warnings.insert(warning, at: 0) }
        return (plan, context)
    }

    /// A warning when the statement's `for` names a calendar period whose last months are not
    /// reported yet (`for 2026` in October): the realisation so far would be compared with the
    /// whole period's target. It names the range that compares like with like.
    func notOver(_ show: ShowStatement, _ period: Period?) -> Diagnostic? {
        guard show.thing != .realisations, let period, !period.isRange, period.months > 1, let token = show.periodToken,
              let latest = dataset.realisations.latestPeriod, latest.granularity == .month, latest.year == period.year,
              latest.lastMonth >= period.firstMonth, latest.lastMonth < period.lastMonth else { return nil }
        let range = Period.range(period.year, from: period.firstMonth, to: latest.lastMonth)
        return .warning(.periodNotOver(period, latest: latest, range: range), at: token.location, length: token.length)
    }

    func run(_ show: ShowStatement) throws(Diagnostic) -> ResultSet {
        guard let pivot = show.pivot else {
            let (plan, context) = try planned(show)
            return try Executor(context: context, isCancelled: isCancelled).run(plan)
        }
        // The pivoted field is a column of the statement (added when not written), then the
        // result is turned into a crosstab.
        var statement = show
        statement.pivot = nil
        if statement.columns.isEmpty {
            statement.columns = Schema.defaultColumns[show.thing]!.map { SelectItem(expr: .name($0, show.thingToken), alias: nil, text: $0) }
        }
        let word = pivot.text.lowercased()
        let field = Vocabulary.fieldAliases[word] ?? word
        func names(_ item: SelectItem) -> Bool {
            if item.alias?.lowercased() == word { return true }
            guard item.alias == nil, case .name(let w, _) = item.expr else { return false }
            return (Vocabulary.fieldAliases[w.lowercased()] ?? w.lowercased()) == field
        }
        if !statement.columns.contains(where: names) {
            statement.columns.append(SelectItem(expr: .name(pivot.text, pivot), alias: nil, text: field))
        }
        let index = statement.columns.firstIndex(where: names)!
        let result = try run(statement)
        return Pivot.apply(result, column: index)
    }
}
