import Query

/// An array of objects, one per row, keys in column order; numbers as numbers, missing (and a
/// number that is not finite, which JSON cannot write) as null. Strings escape what RFC 8259
/// requires (quote, backslash, U+0000-U+001F) and, so that JSON printed on a terminal cannot act on
/// it and JavaScript can embed it, DEL, the C1 controls (U+007F-U+009F) and U+2028, U+2029 too.
enum JSONRenderer {
    static func render(_ result: ResultSet) -> String {
        guard !result.rows.isEmpty else { return "[]\n" }
        return "[\n" + objects(result.rows[...], result.columns, last: result.rows.count - 1) + "]\n"
    }

    /// Rows as objects, one a line, each but the one at index `last` followed by a comma: the
    /// array's middle, a slice at a time (`Renderer.pieces`).
    static func objects(_ rows: ArraySlice<[Value]>, _ columns: [Column], last: Int) -> String {
        let names = columns.map { string($0.name) }
        var out = ""
        for r in rows.indices {
            let members = zip(names, rows[r]).map { name, value in "\(name): \(json(value))" }
            out += "  {" + members.joined(separator: ", ") + "}" + (r == last ? "\n" : ",\n")
        }
        return out
    }

    static func json(_ value: Value) -> String {
        switch value.finite {
        case .missing: return "null"
        case .number(let n): return Renderer.machineNumber(n)
        case .bool(let b): return b ? "true" : "false"
        case .text, .period: return string(Renderer.machineText(value)!)
        }
    }

    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
