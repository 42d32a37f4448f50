import Catalogue

// The expression grammar, one function per precedence level, lowest first. Each quotes its rule;
// each sets `height` to the height of the tree it returns, so a chain or a nesting too deep for the
// later (recursive) stages is refused here, where it can be pointed at.
extension Parser {
    // expr = or ;  or = and { "or" and } ;
    mutating func expression() throws(Diagnostic) -> Expr {
        var left = try conjunction()
        var tall = height
        while keyword(peek) == .or {
            let op = peek
            advance()
            let right = try conjunction()
            tall = try taller(tall, height, at: op)
            left = .or(left, right)
        }
        height = tall
        return left
    }

    // and = not { "and" not } ;
    mutating func conjunction() throws(Diagnostic) -> Expr {
        var left = try negation()
        var tall = height
        while keyword(peek) == .and {
            let op = peek
            advance()
            let right = try negation()
            tall = try taller(tall, height, at: op)
            left = .and(left, right)
        }
        height = tall
        return left
    }

    // not = "not" not | comparison ;
    mutating func negation() throws(Diagnostic) -> Expr {
        if keyword(peek) == .not {
            let token = peek
            try deeper(at: token)
            defer { depth -= 1 }
            advance()
            let inner = try negation()
            height = try taller(height, at: token)
            return .not(inner, token)
        }
        return try comparison()
    }

    // comparison = sum [ op sum | [ "not" ] "in" "(" expr { "," expr } ")"
    //              | [ "not" ] "between" sum "and" sum | [ "not" ] ( "contains" | "like" ) sum
    //              | "is" [ "not" ] "missing" ] ;
    mutating func comparison() throws(Diagnostic) -> Expr {
        let left = try sum()
        let leftHeight = height
        let token = peek
        if token.kind == .symbol, ["=", "!=", "<>", "<", "<=", ">", ">="].contains(token.text) {
            advance()
            let right = try sum()
            height = try taller(leftHeight, height, at: token)
            return .compare(token.text == "<>" ? "!=" : token.text, left, right, token)
        }
        var negated = false
        if keyword(token) == .not, let next = keyword(peekAt(1)), [.in, .between, .contains, .like].contains(next) {
            negated = true
            advance()
        }
        let op = peek
        switch keyword(op) {
        case .in:
            advance()
            try expect("(", after: op)
            var list: [Expr] = []
            var tall = leftHeight
            repeat {
                list.append(try sum())
                tall = max(tall, height)
            } while match(",")
            try expect(")", after: op)
            height = try taller(tall, at: op)
            return .inList(left, list, negated: negated, op)
        case .between:
            advance()
            let low = try sum()
            let lowHeight = height
            try expectKeyword(.and, after: op)
            let high = try sum()
            height = try taller(max(leftHeight, lowHeight), height, at: op)
            return .between(left, low, high, negated: negated, op)
        case .contains, .like:
            advance()
            let pattern = try sum()
            height = try taller(leftHeight, height, at: op)
            return .match(keyword(op)!.rawValue, left, pattern, negated: negated, op)
        case .is where !negated:
            advance()
            var isNot = false
            if keyword(peek) == .not { isNot = true; advance() }
            guard keyword(peek) == .missing else {
                throw error(.expectedMissing(negated: isNot, found: describe(peek)), at: peek)
            }
            advance()
            height = try taller(leftHeight, at: op)
            return .isMissing(left, negated: isNot, op)
        default:
            return left
        }
    }

    // sum = product { ( "+" | "-" ) product } ;
    mutating func sum() throws(Diagnostic) -> Expr {
        var left = try product()
        var tall = height
        while peek.isSymbol("+") || peek.isSymbol("-") {
            let op = peek
            advance()
            let right = try product()
            tall = try taller(tall, height, at: op)
            left = .arithmetic(op.text, left, right, op)
        }
        height = tall
        return left
    }

    // product = unary { ( "*" | "/" ) unary } ;
    mutating func product() throws(Diagnostic) -> Expr {
        var left = try unary()
        var tall = height
        while peek.isSymbol("*") || peek.isSymbol("/") {
            let op = peek
            advance()
            let right = try unary()
            tall = try taller(tall, height, at: op)
            left = .arithmetic(op.text, left, right, op)
        }
        height = tall
        return left
    }

    // unary = "-" unary | primary ;
    mutating func unary() throws(Diagnostic) -> Expr {
        if peek.isSymbol("-") {
            let op = peek
            try deeper(at: op)
            defer { depth -= 1 }
            advance()
            let inner = try unary()
            height = try taller(height, at: op)
            return .negate(inner, op)
        }
        return try primary()
    }

    // primary = NUMBER | PERCENT | STRING | PERIOD | PARAMETER | NAME | NAME "(" ( "*" | expr ) ")" | "(" expr ")" ;
    mutating func primary() throws(Diagnostic) -> Expr {
        let token = peek
        height = 1
        switch token.kind {
        case .number, .percent:
            advance()
            return .number(Double(token.text) ?? 0, percent: token.kind == .percent, token)
        case .string:
            advance()
            return .string(token.text, token)
        case .period:
            advance()
            guard let p = Period(parsing: token.text) else {
                throw error(.notAPeriod(token.text), at: token, notes: [.periodForms])
            }
            return .period(p, token)
        case .parameter:
            advance()
            return .parameter(token.text, token)
        case .identifier:
            if let k = Keyword(word: token.text), Vocabulary.fieldAliases[token.text.lowercased()] == nil {
                throw error(.keywordAsValue(k.rawValue), at: token)
            }
            advance()
            if peek.isSymbol("(") {
                let open = peek
                try deeper(at: open)
                defer { depth -= 1 }
                advance()
                var argument: Expr?
                if peek.isSymbol("*") { advance() } else {
                    argument = try expression()
                    height = try taller(height, at: open)
                }
                try expect(")", after: open)
                return .call(token.text.lowercased(), argument, token)
            }
            return .name(token.text, token)
        case .symbol where token.text == "(":
            try deeper(at: token)
            defer { depth -= 1 }
            advance()
            let inner = try expression()
            try expect(")", after: token)
            return inner
        default:
            throw error(.expectedValue(found: describe(token)), at: token)
        }
    }
}
