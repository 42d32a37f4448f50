import Catalogue

/// The session statements: export, set, load. Their rules are in grammar/iki.ebnf too.
extension Parser {
    // export = "export" show "to" STRING [ "format" NAME ] ;
    mutating func export(_ start: Token) throws(Diagnostic) -> Command {
        guard keyword(peek) == .show else { throw error(.exportNeedsShow, at: peek) }
        let showToken = peek
        advance()
        let statement = try show(showToken)
        let to = peek
        guard keyword(to) == .to else { throw error(.exportNeedsTo(found: describe(to)), at: to) }
        advance()
        let path = peek
        guard path.kind == .string || path.kind == .parameter else {
            throw error(.expectedExportFile(found: describe(path)), at: path)
        }
        advance()
        var format: String?
        if keyword(peek) == .format {
            advance()
            format = try formatName()
        }
        return .export(statement, path.kind == .parameter ? "$" + path.text : path.text, format, path)
    }

    mutating func formatName() throws(Diagnostic) -> String {
        let token = peek
        guard token.kind == .identifier || token.kind == .string, formats?.contains(token.text.lowercased()) ?? true else {
            throw error(.expectedFormat(formats ?? [], found: describe(token)), at: token)
        }
        advance()
        return token.text.lowercased()
    }

    // set = "set" ( "format" NAME | "period" ( period | "latest" ) | "timer" ( "on" | "off" )
    //       | "output" ( STRING | "stdout" ) | "width" NUMBER | "param" NAME "=" primary | "language" ( "id" | "en" ) | "rules" NAME | "pager" ( "on" | "off" ) ) ;
    mutating func set(_ start: Token) throws(Diagnostic) -> Command {
        let what = peek
        guard what.kind == .identifier, let setting = SettingName(word: what.text) else {
            let names = SettingName.allCases.map(\.rawValue)
            let near = what.kind == .identifier ? Nearest.names(to: what.text, in: names) : []
            throw error(.expectedSetting(names, found: describe(what)), at: what, notes: [.didYouMean(near)])
        }
        advance()
        if peek.isSymbol("=") && setting != .param { advance() }
        switch setting {
        case .format:
            return .set(.format(try formatName()), what)
        case .period:
            if peek.kind == .identifier, Vocabulary.latestWords.contains(peek.text.lowercased()) {
                advance()
                return .set(.period(nil), what)
            }
            var holder = ShowStatement(thing: .indicators, thingToken: what)
            try period(into: &holder, after: what)
            if let token = holder.periodToken, token.kind == .parameter {
                return .set(.periodParameter(token.text, yearToDate: holder.periodUpTo), token)
            }
            if holder.periodToDate { throw error(.toDateOnlyAfterFor, at: tokens[current - 1]) }
            return .set(.period(holder.period), what)
        case .rules:
            // `capped-100`, `skp-2021`: a name with a dash, read as its tokens written together.
            let first = peek
            var name = ""
            while ![.end, .semicolon].contains(peek.kind) {
                name += peek.kind == .string ? peek.text : peek.text
                advance()
            }
            guard !name.isEmpty else { throw error(.unknownRuleSet("", RuleSet.allCases.map(\.rawValue)), at: first) }
            return .set(.rules(name), first)
        case .timer, .pager:
            let value = peek
            guard value.kind == .identifier, let on = Vocabulary.switchWords.first(where: { [$0.english, $0.indonesian].contains(value.text.lowercased()) })?.on else {
                throw error(.expectedOnOff(found: describe(value)), at: value)
            }
            advance()
            return .set(setting == .pager ? .pager(on) : .timer(on), what)
        case .width:
            let value = peek
            guard value.kind == .number, let columns = Int(value.text), columns >= 0, columns <= 10_000 else {
                throw error(.expectedWidth(found: describe(value)), at: value)
            }
            advance()
            return .set(.width(columns), what)
        case .output:
            let value = peek
            if value.kind == .identifier, value.text.lowercased() == Vocabulary.standardOutputWord {
                advance()
                return .set(.output(nil), what)
            }
            guard value.kind == .string else { throw error(.expectedOutput(found: describe(value)), at: value) }
            advance()
            return .set(.output(value.text), value)
        case .language:
            let value = peek
            guard value.kind == .identifier || value.kind == .string, let language = Vocabulary.languageWords[value.text.lowercased()] else {
                throw error(.expectedLanguage(found: describe(value)), at: value)
            }
            advance()
            return .set(.language(language), what)
        case .param:
            let name = peek
            guard name.kind == .identifier else { throw error(.expectedParameterName(found: describe(name)), at: name) }
            advance()
            try expect("=", after: name)
            let value = peek
            let expr = try unary()
            switch expr {
            case .number(let n, _, _): return .set(.parameter(name.text, .number(n)), name)
            case .negate(.number(let n, _, _), _): return .set(.parameter(name.text, .number(-n)), name)
            case .string(let s, _): return .set(.parameter(name.text, .text(s)), name)
            case .period(let p, _): return .set(.parameter(name.text, .period(p)), name)
            default: throw error(.parameterValue(found: describe(value)), at: value)
            }
        }
    }

    // report = "report" [ "for" period ] "to" ( STRING | PARAMETER ) ;
    mutating func report(_ start: Token) throws(Diagnostic) -> Command {
        var period: ShowStatement?
        if keyword(peek) == .for {
            let forToken = peek
            advance()
            var holder = ShowStatement(thing: .indicators, thingToken: forToken)
            try self.period(into: &holder, after: forToken)
            period = holder
        }
        guard keyword(peek) == .to else {
            // At the end of the statement the caret goes under its last word, not past it.
            let at = [.end, .semicolon].contains(peek.kind) ? tokens[current - 1] : peek
            throw error(.reportExpectedTo(found: describe(peek)), at: at)
        }
        advance()
        let path = peek
        guard path.kind == .string || path.kind == .parameter else {
            throw error(.expectedExportFile(found: describe(path)), at: path)
        }
        advance()
        return .report(period, path.kind == .parameter ? "$" + path.text : path.text, path)
    }

    // load = "load" ( "catalogue" | "organisation" | "realisations" ) STRING ;
    mutating func load(_ start: Token) throws(Diagnostic) -> Command {
        let what = peek
        guard what.kind == .identifier, let kind = LoadKind(word: what.text) else {
            throw error(.expectedLoadKind(Vocabulary.choices(LoadKind.allCases.map(\.rawValue)), found: describe(what)), at: what)
        }
        advance()
        let path = peek
        guard path.kind == .string else { throw error(.expectedFileName(found: describe(path)), at: path) }
        advance()
        return .load(kind, path.text, path)
    }
}
