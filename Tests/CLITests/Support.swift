// The package root, the built `iki` (`Iki.run`, `Iki.root`), temporary files and folders and the
// bundled data, shared with the other test targets, for every file of this one.
@_exported import TestSupport
import Foundation

/// Fields of one CSV line (quoted fields with doubled quotes; the template has no line breaks in fields).
func fields(_ line: String, delimiter: Character = ",") -> [String] {
    var result: [String] = [], field = "", quoted = false, chars = Array(line), i = 0
    while i < chars.count {
        let c = chars[i]
        if quoted {
            if c == "\"" {
                if i + 1 < chars.count && chars[i + 1] == "\"" { field.append("\""); i += 1 } else { quoted = false }
            } else { field.append(c) }
        } else if c == "\"" && field.isEmpty {
            quoted = true
        } else if c == delimiter {
            result.append(field); field = ""
        } else { field.append(c) }
        i += 1
    }
    result.append(field)
    return result
}

/// A CSV line from fields, quoting what needs it.
func line(_ fields: [String], delimiter: Character = ",") -> String {
    fields.map { f in
        f.contains(delimiter) || f.contains("\"") ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f
    }.joined(separator: String(delimiter))
}
