import Catalogue
import Foundation

/// `trend(x)` and `bar(x)`: columns a terminal draws (issue 13, pictures in the terminal). Their
/// values stay data, so CSV, JSON and workbooks get numbers: a trend is x for each month as text,
/// `85.0;90.1;-` (one decimal, `-` for a missing month), a bar is x itself.
extension Vocabulary {
    /// The picture functions and their Indonesian aliases (grammar/aliases.md).
    public static let pictureFunctions: [String: String] = ["trend": "trend", "tren": "trend", "bar": "bar", "batang": "bar"]
}

extension Resolver {
    mutating func compilePicture(_ name: String, _ argument: Expr?, _ token: Token) throws(Diagnostic) -> Compiled {
        guard let argument else { throw .error(.pictureNeedsArgument(name), at: token) }
        if containsAggregate(argument) { throw .error(.pictureOfAggregate(name), at: argument.token) }
        if name == "bar" { return try bar(try compile(argument), argument, token) }
        // Rows of realisations are pairs of one period: they have no other months.
        guard thing != .realisations else { throw .error(.trendNeedsIndicators(thing.rawValue), at: token) }
        let inner = try compile(argument)
        try requireNumeric(inner, argument, token, "trend(...)")
        let months = Self.trendMonths(context.period, latest: context.dataset.realisations.latestPeriod)
        // The same expression, compiled against each month's evaluation (as previous_achievement
        // reaches the period before).
        var evals: [(Int) -> Value] = []
        for month in months {
            var resolver = Resolver(thing: thing, context: Context(dataset: context.dataset, period: month, cache: context.cache), parameters: parameters)
            evals.append(try resolver.compile(argument).eval)
        }
        return Self.trend(evals, months, inner)
    }

    /// `trend(avg(achievement))` in a grouped query: the group's aggregate month by month, each
    /// month's aggregate over the group's rows as `for` that month would give it. A field alone
    /// (`trend(achievement)`) draws the group's average.
    mutating func compileGroupedTrend(_ name: String, _ argument: Expr?, _ token: Token, in scope: GroupScope) throws(Diagnostic) -> Compiled {
        guard let argument else { throw .error(.pictureNeedsArgument(name), at: token) }
        guard thing != .realisations else { throw .error(.trendNeedsIndicators(thing.rawValue), at: token) }
        let aggregated: Expr = containsAggregate(argument) ? argument : .call("avg", argument, argument.token)
        // The months' aggregates are not the statement's: they warn of no outliers.
        let watches = scope.table.watches.count
        defer { scope.table.watches.removeSubrange(watches...) }
        let inner = try compileGrouped(aggregated, text: nil, in: scope)
        try requireNumeric(inner, argument, token, "trend(...)")
        let months = Self.trendMonths(context.period, latest: context.dataset.realisations.latestPeriod)
        var evals: [(Int) -> Value] = []
        for month in months {
            var resolver = Resolver(thing: thing, context: Context(dataset: context.dataset, period: month, cache: context.cache), parameters: parameters)
            evals.append(try resolver.compileGrouped(aggregated, text: nil, in: scope).eval)
        }
        return Self.trend(evals, months, inner)
    }

    /// A trend column: each month's value with one decimal, `;` between, `-` for a missing month.
    static func trend(_ evals: [(Int) -> Value], _ months: [Period], _ inner: Compiled) -> Compiled {
        var c = Compiled("trend over \(months.first?.description ?? "-")..\(months.last?.description ?? "-")", .text, [inner]) { row in
            .text(evals.map { e in e(row).number.flatMap { $0.isFinite ? fixedDecimals($0, 1) : nil } ?? "-" }.joined(separator: ";"))
        }
        c.picture = .trend
        return c
    }

    /// A bar of a number over rows or groups: the value itself, drawn by the terminal.
    func bar(_ inner: Compiled, _ argument: Expr, _ token: Token) throws(Diagnostic) -> Compiled {
        try requireNumeric(inner, argument, token, "bar(...)")
        var c = Compiled("bar", inner.type, [inner], eval: inner.eval)
        c.picture = .bar(bands: context.dataset.scale.bands.map(\.minimum))
        return c
    }

    /// The months of a trend: the period's months from its first to the latest reported month in
    /// it (all of them when none is reported in it or the period is over).
    static func trendMonths(_ period: Period?, latest: Period?) -> [Period] {
        guard let period else { return [] }
        var last = period.lastMonth
        if let latest, latest.year == period.year, (period.firstMonth...period.lastMonth).contains(latest.lastMonth) {
            last = latest.lastMonth
        }
        return (period.firstMonth...last).map { Period.month(period.year, $0) }
    }
}
