import Query

/// An array of objects, one per row, keys in column order; numbers as numbers, missing as null.
enum JSONRenderer {
    static func render(_ result: ResultSet) -> String {
        guard !result.rows.isEmpty else { return "[]\n" }
        var out = "[\n"
        for (r, row) in result.rows.enumerated() {
            let members = zip(result.columns, row).map { column, value in "\(string(column.name)): \(json(value))" }
            out += "  {" + members.joined(separator: ", ") + "}" + (r == result.rows.count - 1 ? "\n" : ",\n")
        }
        return out + "]\n"
    }

    static func json(_ value: Value) -> String {
        switch value {
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
                if scalar.value < 0x20 {
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
