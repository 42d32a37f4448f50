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
        case .command(.set(_, let token)), .command(.load(_, _, let token)), .command(.help(_, let token)):
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
            guard let value = parameters[token.text] else {
                throw .error(.unknownParameter(token.text), at: token, notes: [.giveParameter(token.text)])
            }
            guard let period = value.asPeriod else {
                throw .error(.parameterNotAPeriod(token.text), at: token, notes: [.periodForms])
            }
            return (period, .statement)
        }
        if let p = show.period { return (p, .statement) }
        // Realisations without `for` list every period; everything else uses the current one.
        return (show.thing == .realisations ? nil : defaultPeriod, period == nil ? .latest : .session)
    }

    /// The plan of a `show`, built without reading a row: what `explain` prints.
    public func plan(_ show: ShowStatement) throws(Diagnostic) -> Plan {
        try planned(show).plan
    }

    func planned(_ show: ShowStatement) throws(Diagnostic) -> (plan: Plan, context: Context) {
        let (period, source) = try resolvePeriod(show)
        let context = Context(dataset: dataset, period: period, cache: cache)
        return (try Planner.plan(show, period: period, source: source, context: context, parameters: parameters), context)
    }

    func run(_ show: ShowStatement) throws(Diagnostic) -> ResultSet {
        let (plan, context) = try planned(show)
        return try Executor(context: context, isCancelled: isCancelled).run(plan)
    }
}
