import Catalogue

/// Builds a `Plan` from a `show`: which columns, every expression compiled once by the resolver
/// (over rows, or over groups for a grouped query), the order by keys matched to columns. Reads
/// the schema and the catalogue (field names, unit names, indicator codes), never a row.
enum Planner {
    static func plan(_ show: ShowStatement, period: Period?, source: Plan.PeriodSource, context: Context,
                     parameters: [String: Value]) throws(Diagnostic) -> Plan {
        var resolver = Resolver(thing: show.thing, context: context, parameters: parameters)
        let filter = try show.filter.map { e throws(Diagnostic) in try resolver.condition(e) }
        var items = show.columns
        // Only count, sum, avg, min and max make a query aggregate; any other call is an unknown
        // function, reported as such when its column is compiled.
        // A picture of an aggregate (`bar(avg(achievement))`) makes it aggregate too.
        let grouped = !show.groupBy.isEmpty || items.contains {
            guard case .call(let name, let argument, _) = $0.expr else { return false }
            return Vocabulary.aggregates[name] != nil || (Vocabulary.pictureFunctions[name] != nil && argument.map(containsAggregate) == true)
        }
        if items.isEmpty {
            if grouped {
                items = show.groupBy + [SelectItem(expr: .call("count", nil, show.thingToken), alias: "count", text: "count")]
            } else {
                items = Schema.defaultColumns[show.thing]!.map { SelectItem(expr: .name($0, show.thingToken), alias: nil, text: $0) }
            }
        }
        let names = items.map { item -> String in
            if let alias = item.alias { return alias }
            if case .name(let w, _) = item.expr, let f = resolver.field(named: w) { return f.name }
            return item.text
        }

        var keys: [Compiled] = []
        var outputs: [Compiled] = []
        var order: [Plan.OrderKey] = []
        let groups = GroupTable()
        if grouped {
            for item in show.groupBy { keys.append(try resolver.compile(item.expr)) }
            let scope = GroupScope(items: show.groupBy, keys: keys, table: groups)
            for item in items { outputs.append(try resolver.compileGrouped(item.expr, text: item.text, in: scope)) }
            // Order by output columns: by name, alias or the expression as written.
            for key in show.orderBy {
                let text = key.text.lowercased()
                var i = names.firstIndex { $0.lowercased() == text } ?? items.firstIndex { $0.text.lowercased() == text }
                if i == nil, case .name(let w, _) = key.expr, let f = resolver.field(named: w) {
                    i = names.firstIndex { $0.lowercased() == f.name }
                }
                guard let index = i else {
                    throw .error(.groupedOrderByColumn(names), at: key.expr.token)
                }
                order.append(Plan.OrderKey(text: key.text, descending: key.descending, source: .column(index)))
            }
        } else {
            for item in items { outputs.append(try resolver.compile(item.expr)) }
            // Order: by an output column's name, or by any expression over the row.
            for key in show.orderBy {
                if case .name(let w, _) = key.expr, let i = names.firstIndex(where: { $0.lowercased() == w.lowercased() }) {
                    order.append(Plan.OrderKey(text: key.text, descending: key.descending, source: .column(i)))
                } else {
                    order.append(Plan.OrderKey(text: key.text, descending: key.descending, source: .expression(try resolver.compile(key.expr))))
                }
            }
        }
        let columns = zip(names, outputs).map { Column(name: $0, type: $1.type == .unit ? .text : $1.type, picture: $1.picture) }
        return Plan(thing: show.thing, thingToken: show.thingToken, period: period, periodSource: source, filter: filter,
                    grouped: grouped, keys: keys, outputs: outputs, columns: columns, order: order, limit: show.limit,
                    warnings: resolver.warnings, groups: groups, overflow: resolver.overflow)
    }
}
