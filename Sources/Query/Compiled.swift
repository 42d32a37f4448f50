import Catalogue

/// A checked, typed expression, ready to run: fields are looked up once when it is compiled, so
/// the loop only calls closures. Over rows, `eval` takes a row index; in a grouped plan's outputs,
/// a group index (see `GroupTable`).
struct Compiled {
    var type: ValueType
    var eval: (Int) -> Value
    /// For unit-typed fields: the unit id of a row, and the kinds of unit it can be.
    var unitOf: ((Int) -> Int?)?
    var unitKinds: Set<UnitKind>?
    var fieldName: String?
    /// For fields with `Field.groupID`: how many ids, and row `i`'s.
    var groupID: (count: Int, column: [Int32]?, id: (Int) -> Int)?
    /// A constant's value, known at plan time (literals).
    var constant: Value?
    /// `trend(x)`, `bar(x)`: how a terminal draws the column.
    var picture: Picture?
    /// What `explain` prints for it: what it is, over which operands.
    var node: PlanNode

    init(_ label: String, _ type: ValueType, _ operands: [Compiled] = [], eval: @escaping (Int) -> Value) {
        self.type = type
        self.eval = eval
        node = PlanNode(label: label, type: type, children: operands.map(\.node))
    }
}

/// An expression as `explain` prints it: a label, its type and its operands, one line each.
struct PlanNode {
    var label: String
    var type: ValueType
    var children: [PlanNode] = []

    func lines(indent: String) -> [String] {
        [indent + label + ": " + type.name] + children.flatMap { $0.lines(indent: indent + "  ") }
    }
}

extension ValueType {
    /// The type's name as `explain` prints it: a boolean is what `where` calls a condition.
    var name: String { self == .boolean ? "condition" : rawValue }
}

extension Compiled {
    /// `a + b`, `a - b`, `a * b`, `a / b` over numbers, for rows and for groups alike: the one place
    /// arithmetic is typed and evaluated. A percentage plus or minus a number stays a percentage
    /// (80% - 5 is 75%); a product or quotient is a plain number. Division by zero, like any
    /// result that is not finite, is missing; one past the largest Double from finite operands
    /// is also counted at `site` (`OverflowTally`), so the result warns about it.
    static func arithmetic(_ op: String, _ a: Compiled, _ b: Compiled, site: (tally: OverflowTally, index: Int)? = nil) -> Compiled {
        let type: ValueType = (a.type == .percent || b.type == .percent) && (op == "+" || op == "-") ? .percent : .number
        let f: (Double, Double) -> Double? = switch op {
        case "+": { $0 + $1 }
        case "-": { $0 - $1 }
        case "*": { $0 * $1 }
        default: { $1 == 0 ? nil : $0 / $1 }
        }
        let ea = a.eval, eb = b.eval
        return Compiled(op, type, [a, b]) { i in
            guard let x = ea(i).number, let y = eb(i).number, let v = f(x, y) else { return .missing }
            guard v.isFinite else {
                if x.isFinite && y.isFinite, let site { site.tally.overflowed(site.index, row: i) }
                return .missing
            }
            return .number(v)
        }
    }

    /// `-a`, keeping a's type.
    static func negation(_ c: Compiled) -> Compiled {
        let e = c.eval
        return Compiled("-", c.type, [c]) { e($0).number.map { .number(-$0) } ?? .missing }
    }
}
