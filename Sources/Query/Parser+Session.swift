import Catalogue

/// The session statements: export, set, load. Their rules are in grammar/iki.ebnf too.
extension Parser {
    // export = "export" show "to" STRING [ "format" NAME ] ;
    mutating func export(_ start: Token) throws(Diagnostic) -> Statement {
        guard keyword(peek) == "show" else {
            throw error("expected show after export, as in export show indicators to \"indicators.csv\"", at: peek)
        }
        let showToken = peek
        advance()
        let statement = try show(showToken)
        let to = peek
        guard keyword(to) == "to" else {
            throw error("expected 'to \"file\"' to end the export, found \(describe(to))", at: to)
        }
        advance()
        let path = peek
        guard path.kind == .string || path.kind == .parameter else {
            throw error("expected the file name in quotes after 'to', found \(describe(path))", at: path)
        }
        advance()
        var format: String?
        if keyword(peek) == "format" {
            advance()
            format = try formatName()
        }
        return .export(statement, path.kind == .parameter ? "$" + path.text : path.text, format, path)
    }

    static let formats = ["table", "csv", "tsv", "json", "markdown"]

    mutating func formatName() throws(Diagnostic) -> String {
        let token = peek
        guard token.kind == .identifier || token.kind == .string, Self.formats.contains(token.text.lowercased()) else {
            throw error("expected a format (\(Self.formats.joined(separator: ", "))), found \(describe(token))", at: token)
        }
        advance()
        return token.text.lowercased()
    }

    // set = "set" ( "format" NAME | "period" ( period | "latest" ) | "timer" ( "on" | "off" )
    //       | "output" ( STRING | "stdout" ) | "param" NAME "=" primary ) ;
    mutating func set(_ start: Token) throws(Diagnostic) -> Statement {
        let what = peek
        let settings = ["format", "period", "timer", "output", "param"]
        let word = what.kind == .identifier ? (Vocabulary.settingAliases[what.text.lowercased()] ?? what.text.lowercased()) : ""
        guard settings.contains(word) else {
            let near = what.kind == .identifier ? Nearest.names(to: what.text, in: settings) : []
            throw error("expected what to set: \(settings.joined(separator: ", ")); found \(describe(what))", at: what,
                        notes: near.isEmpty ? [] : ["did you mean \(near.joined(separator: ", "))?"])
        }
        advance()
        if peek.isSymbol("=") && word != "param" { advance() }
        switch word {
        case "format":
            return .set(.format(try formatName()), what)
        case "period":
            if peek.kind == .identifier, ["latest", "terakhir"].contains(peek.text.lowercased()) {
                advance()
                return .set(.period(nil), what)
            }
            var holder = ShowStatement(thing: .indicators, thingToken: what)
            try period(into: &holder, after: what)
            if let token = holder.periodToken, token.kind == .parameter {
                return .set(.periodParameter(token.text), token)
            }
            return .set(.period(holder.period), what)
        case "timer":
            let value = peek
            guard value.kind == .identifier, let on = ["on": true, "off": false, "nyala": true, "mati": false][value.text.lowercased()] else {
                throw error("expected on or off after 'set timer', found \(describe(value))", at: value)
            }
            advance()
            return .set(.timer(on), what)
        case "output":
            let value = peek
            if value.kind == .identifier, value.text.lowercased() == "stdout" {
                advance()
                return .set(.output(nil), what)
            }
            guard value.kind == .string else {
                throw error("expected a file name in quotes or stdout after 'set output', found \(describe(value))", at: value)
            }
            advance()
            return .set(.output(value.text), value)
        default:
            let name = peek
            guard name.kind == .identifier else { throw error("expected a parameter name after 'set param', found \(describe(name))", at: name) }
            advance()
            try expect("=", after: name)
            let value = peek
            let expr = try unary()
            switch expr {
            case .number(let n, _, _): return .set(.parameter(name.text, .number(n)), name)
            case .negate(.number(let n, _, _), _): return .set(.parameter(name.text, .number(-n)), name)
            case .string(let s, _): return .set(.parameter(name.text, .text(s)), name)
            case .period(let p, _): return .set(.parameter(name.text, .period(p)), name)
            default: throw error("a parameter's value is a number, text in quotes or a period, found \(describe(value))", at: value)
            }
        }
    }

    // load = "load" ( "catalogue" | "organisation" | "realisations" ) STRING ;
    mutating func load(_ start: Token) throws(Diagnostic) -> Statement {
        let what = peek
        let kinds: [String: LoadKind] = [
            "catalogue": .catalogue, "catalog": .catalogue, "katalog": .catalogue,
            "organisation": .organisation, "organization": .organisation, "organisasi": .organisation,
            "realisations": .realisations, "realizations": .realisations, "realisasi": .realisations, "targets": .realisations, "target": .realisations,
        ]
        guard what.kind == .identifier, let kind = kinds[what.text.lowercased()] else {
            throw error("expected what to load: catalogue, organisation or realisations; found \(describe(what))", at: what)
        }
        advance()
        let path = peek
        guard path.kind == .string else {
            throw error("expected the file name in quotes, found \(describe(path))", at: path)
        }
        advance()
        return .load(kind, path.text, path)
    }
}
