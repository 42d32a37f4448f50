import Foundation

/// Reads the "PENJELASAN/FORMULASI PENGHITUNGAN" cell in the three shapes word-processor exports
/// give it: LaTeX (`$\frac{\text{A}}{\text{B}} \times 100\%$`), underlined numerator
/// (`A <u>...</u> x 100% B`, the underline marks where the numerator ends), or plain text (a count).
public enum FormulaParser {
    public enum Problem: Error, Equatable {
        /// A `\frac` whose braces do not close; offset is the character offset of `\frac`.
        case unbalancedFraction(offset: Int)
    }

    public static func parse(_ raw: String) -> (Formula, Problem?) {
        raw.withBytes { bytes, _ in parse(bytes) }
    }

    /// Parses a formula cell's bytes. An ASCII LaTeX or plain formula is read on bytes; the rest
    /// (underlined, slashed, or with other characters) on Characters, by `parse(trimmed:)`.
    static func parse(_ raw: Text.Bytes) -> (Formula, Problem?) {
        let trimmed = Text.trim(raw)
        guard Text.isASCII(trimmed) else { return parse(trimmed: String(decoding: trimmed, as: UTF8.self)) }
        if let at = Text.find("\\frac", in: trimmed) {
            var rest = at + 5
            if let numerator = takeGroup(trimmed, from: &rest), let denominator = takeGroup(trimmed, from: &rest) {
                let n = latexToPlain(numerator), d = latexToPlain(denominator)
                let tail = latexToPlain(Text.Bytes(rebasing: trimmed[rest...]))
                return (withTarget(Formula(kind: .ratio, numerator: n, denominator: d,
                                           text: "\(n) / \(d)" + (tail.isEmpty ? "" : " \(tail)"))), nil)
            }
            // ASCII: the character offset is the byte offset.
            return (withTarget(Formula(kind: .count, text: latexToPlain(trimmed))), .unbalancedFraction(offset: at))
        }
        if Text.index(of: UInt8(ascii: "<"), in: trimmed) == nil && Text.find(" / ", in: trimmed) == nil {
            return (withTarget(Formula(kind: .count, text: stripMarkup(trimmed))), nil)
        }
        return parse(trimmed: String(decoding: trimmed, as: UTF8.self))
    }

    /// `parse` on Characters, of trimmed text.
    static func parse(trimmed: String) -> (Formula, Problem?) {
        if let range = Text.range(of: "\\frac", in: trimmed) {
            let offset = trimmed.distance(from: trimmed.startIndex, to: range.lowerBound)
            var rest = trimmed[range.upperBound...]
            if let numerator = takeGroup(&rest), let denominator = takeGroup(&rest) {
                let n = latexToPlain(numerator), d = latexToPlain(denominator)
                let tail = latexToPlain(String(rest))
                return (withTarget(Formula(kind: .ratio, numerator: n, denominator: d,
                                           text: "\(n) / \(d)" + (tail.isEmpty ? "" : " \(tail)"))), nil)
            }
            let plain = latexToPlain(trimmed)
            return (withTarget(Formula(kind: .count, text: plain)), .unbalancedFraction(offset: offset))
        }
        if let underline = parseUnderline(trimmed) {
            return (withTarget(underline), nil)
        }
        if let spaced = parseSlash(trimmed) {
            return (withTarget(spaced), nil)
        }
        return (withTarget(Formula(kind: .count, text: stripMarkup(trimmed))), nil)
    }

    /// `A <u>B</u> x 100% C`: numerator "A B", denominator "C".
    static func parseUnderline(_ text: String) -> Formula? {
        guard text.utf8.contains(UInt8(ascii: "<")) else { return nil }
        // ASCII text: ASCII case-insensitive search finds what Foundation's would.
        let isASCII = text.withBytes { $1 }
        guard let open = isASCII ? Text.range(of: "<u>", in: text) : text.range(of: "<u>", options: .caseInsensitive),
              let close = isASCII ? Text.range(of: "</u>", in: text, from: open.upperBound)
                                  : text.range(of: "</u>", options: .caseInsensitive, range: open.upperBound..<text.endIndex)
        else { return nil }
        let numerator = collapse(String(text[..<open.lowerBound]) + " " + String(text[open.upperBound..<close.lowerBound]))
        var rest = Substring(text[close.upperBound...])
        guard skipTimesHundred(&rest) else { return nil }
        let denominator = collapse(stripMarkup(String(rest)))
        guard !numerator.isEmpty, !denominator.isEmpty else { return nil }
        return Formula(kind: .ratio, numerator: stripMarkup(numerator), denominator: denominator,
                       text: "\(stripMarkup(numerator)) / \(denominator) × 100%")
    }

    /// A flattened `A / B x 100%` (spaces around the slash, so "SPP/SPM" stays a name).
    static func parseSlash(_ text: String) -> Formula? {
        guard let slash = Text.range(of: " / ", in: text) else { return nil }
        let denominator: String? = text.withBytes { bytes, isASCII in
            guard isASCII else { return denominatorUpToTimesHundred(text[slash.upperBound...]) }
            let start = text.utf8.distance(from: text.startIndex, to: slash.upperBound)
            return timesHundred(in: bytes, from: start).map { String(decoding: Text.Bytes(rebasing: bytes[start..<$0]), as: UTF8.self) }
        }
        guard let denominator else { return nil }
        let n = collapse(stripMarkup(String(text[..<slash.lowerBound]))), d = collapse(denominator)
        guard !n.isEmpty, !d.isEmpty else { return nil }
        return Formula(kind: .ratio, numerator: n, denominator: d, text: "\(n) / \(d) × 100%")
    }

    /// The text before the first `x 100%` in `rest`, nil when there is none.
    static func denominatorUpToTimesHundred(_ rest: Substring) -> String? {
        var rest = rest
        var denominator = ""
        while !rest.isEmpty {
            var probe = rest
            if skipTimesHundred(&probe) { return denominator }
            denominator.append(rest.removeFirst())
        }
        return nil
    }

    /// Where, from `start` on, the first `x 100%` starts (with the spaces before it) in ASCII bytes:
    /// what trying `skipTimesHundred` at every character finds first.
    static func timesHundred(in bytes: Text.Bytes, from start: Int) -> Int? {
        func skipSpaces(_ i: inout Int) { while i < bytes.count && bytes[i] == 0x20 { i += 1 } }
        for t in start..<max(start, bytes.count) where bytes[t] == UInt8(ascii: "x") || bytes[t] == UInt8(ascii: "X") || bytes[t] == UInt8(ascii: "*") {
            var i = t + 1
            skipSpaces(&i)
            guard Text.Bytes(rebasing: bytes[i...]).starts(with: "100".utf8) else { continue }
            i += 3
            skipSpaces(&i)
            guard i < bytes.count, bytes[i] == UInt8(ascii: "%") else { continue }
            var p = t
            while p > start && bytes[p - 1] == 0x20 { p -= 1 }
            return p
        }
        return nil
    }

    /// Consumes `x 100%` (also `X`, `×`, `*`, `100 %`) with the spaces around it.
    static func skipTimesHundred(_ s: inout Substring) -> Bool {
        var probe = s.drop(while: { $0 == " " })
        guard let first = probe.first, "xX×*".contains(first) else { return false }
        probe = probe.dropFirst().drop(while: { $0 == " " })
        guard probe.hasPrefix("100") else { return false }
        probe = probe.dropFirst(3).drop(while: { $0 == " " })
        guard probe.first == "%" else { return false }
        s = probe.dropFirst().drop(while: { $0 == " " })
        return true
    }

    /// Takes `{...}` (balanced) from the front of `s`, after optional spaces.
    static func takeGroup(_ s: inout Substring) -> String? {
        let start = s.drop(while: { $0 == " " })
        guard start.first == "{" else { return nil }
        var depth = 0
        var index = start.startIndex
        while index < start.endIndex {
            let c = start[index]
            if c == "\\" {
                index = start.index(after: index)
                if index < start.endIndex { index = start.index(after: index) }
                continue
            }
            if c == "{" { depth += 1 }
            if c == "}" {
                depth -= 1
                if depth == 0 {
                    let inner = String(start[start.index(after: start.startIndex)..<index])
                    s = start[start.index(after: index)...]
                    return inner
                }
            }
            index = start.index(after: index)
        }
        return nil
    }

    /// `takeGroup` on ASCII bytes: the inside of the `{...}` at `from` (after optional spaces),
    /// and `from` moved past it.
    static func takeGroup(_ s: Text.Bytes, from: inout Int) -> Text.Bytes? {
        var start = from
        while start < s.count && s[start] == 0x20 { start += 1 }
        guard start < s.count, s[start] == UInt8(ascii: "{") else { return nil }
        var depth = 0
        var index = start
        while index < s.count {
            switch s[index] {
            case UInt8(ascii: "\\"):
                index = min(index + 2, s.count)
                continue
            case UInt8(ascii: "{"):
                depth += 1
            case UInt8(ascii: "}"):
                depth -= 1
                if depth == 0 {
                    from = index + 1
                    return Text.Bytes(rebasing: s[(start + 1)..<index])
                }
            default:
                break
            }
            index += 1
        }
        return nil
    }

    /// `latexToPlain` on ASCII bytes (no String until the result).
    static func latexToPlain(_ latex: Text.Bytes) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(latex.count)
        var i = 0
        while i < latex.count {
            let c = latex[i]
            i += 1
            switch c {
            case UInt8(ascii: "\\"):
                let start = i
                while i < latex.count && Text.isLetter(latex[i]) { i += 1 }
                if i == start {
                    if i < latex.count {
                        let escaped = latex[i]
                        out.append(escaped == UInt8(ascii: ",") || escaped == UInt8(ascii: ";") ? 0x20 : escaped)
                        i += 1
                    }
                } else {
                    let name = Text.Bytes(rebasing: latex[start..<i])
                    // \text, \mathrm, \frac (nested): keep their argument's text
                    if name.elementsEqual("times".utf8) { out += " × ".utf8 }
                    else if name.elementsEqual("cdot".utf8) { out += " · ".utf8 }
                    else if name.elementsEqual("div".utf8) { out += " ÷ ".utf8 }
                }
            case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "$"):
                continue
            default:
                out.append(c)
            }
        }
        return out.withUnsafeBufferPointer { Text.collapse($0) }
    }

    /// LaTeX to what a reader would see: `\text{A}` -> A, `\times` -> ×, `\%` -> %, `$` dropped.
    static func latexToPlain(_ latex: String) -> String {
        var out = ""
        var chars = Substring(latex)
        while let c = chars.first {
            chars = chars.dropFirst()
            switch c {
            case "\\":
                let name = chars.prefix(while: { $0.isLetter })
                if name.isEmpty {
                    if let escaped = chars.first { out.append(escaped == "," || escaped == ";" ? " " : escaped); chars = chars.dropFirst() }
                } else {
                    chars = chars.dropFirst(name.count)
                    switch name {
                    case "times": out += " × "
                    case "cdot": out += " · "
                    case "div": out += " ÷ "
                    default: break // \text, \mathrm, \frac (nested): keep their argument's text
                    }
                }
            case "{", "}", "$": continue
            default: out.append(c)
            }
        }
        return collapse(out)
    }

    static func stripMarkup(_ text: String) -> String {
        text.withBytes { bytes, isASCII in
            if isASCII || Text.index(of: UInt8(ascii: "<"), in: bytes) == nil { return stripMarkup(bytes) }
            // Characters: a '<' with a combining mark on it is not a tag's.
            var out = ""
            var inTag = false
            for c in text {
                if c == "<" { inTag = true; continue }
                if c == ">" && inTag { inTag = false; continue }
                if !inTag { out.append(c) }
            }
            return collapse(out)
        }
    }

    /// `stripMarkup` of bytes: tags (`<u>`, `</u>`) removed, whitespace collapsed.
    static func stripMarkup(_ text: Text.Bytes) -> String {
        guard Text.index(of: UInt8(ascii: "<"), in: text) != nil else { return Text.collapse(text) }
        guard Text.isASCII(text) else { return stripMarkup(String(decoding: text, as: UTF8.self)) }
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var inTag = false
        for c in text {
            if c == UInt8(ascii: "<") { inTag = true; continue }
            if c == UInt8(ascii: ">") && inTag { inTag = false; continue }
            if !inTag { out.append(c) }
        }
        return out.withUnsafeBufferPointer { Text.collapse($0) }
    }

    static func collapse(_ text: String) -> String { Text.collapse(text) }

    /// Finds a yearly target stated in the text: `sebanyak 125 KUMKM`, `sejumlah 180 proposal`.
    static func withTarget(_ formula: Formula) -> Formula {
        var f = formula
        if let (value, unit) = statedTarget(in: formula.text) {
            f.yearlyTarget = value
            f.targetUnit = unit
        }
        return f
    }

    static func statedTarget(in text: String) -> (Double, String?)? {
        guard Text.range(of: "sebanyak", in: text) != nil || Text.range(of: "sejumlah", in: text) != nil else { return nil }
        return text.withBytes { bytes, isASCII in
            isASCII ? statedTarget(inASCII: bytes) : statedTarget(inUnicode: text)
        }
    }

    /// `statedTarget` of ASCII bytes: words split at whitespace bytes, trimmed on bytes.
    static func statedTarget(inASCII bytes: Text.Bytes) -> (Double, String?)? {
        let words = Text.words(bytes)
        for (i, word) in words.enumerated() where i + 1 < words.count {
            guard Text.equals(word, "sebanyak") || Text.equals(word, "sejumlah") else { continue }
            let number = Text.trim(words[i + 1], where: { $0 == 0x2E || $0 == 0x2C || $0 == 0x3B || $0 == 0x3A })  // ".,;:"
            guard let value = parseIndonesianNumber(String(decoding: number, as: UTF8.self)) else { continue }
            var unit: String?
            if i + 2 < words.count {
                let u = Text.trim(words[i + 2], where: Text.isPunctuation)
                if !u.isEmpty { unit = String(decoding: u, as: UTF8.self) }
            }
            return (value, unit)
        }
        return nil
    }

    static func statedTarget(inUnicode text: String) -> (Double, String?)? {
        let words = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        for (i, word) in words.enumerated() where i + 1 < words.count {
            let w = word.lowercased()
            guard w == "sebanyak" || w == "sejumlah" else { continue }
            guard let value = parseIndonesianNumber(words[i + 1].trimmingCharacters(in: CharacterSet(charactersIn: ".,;:"))) else { continue }
            var unit: String?
            if i + 2 < words.count {
                let u = words[i + 2].trimmingCharacters(in: .punctuationCharacters)
                if !u.isEmpty { unit = u }
            }
            return (value, unit)
        }
        return nil
    }

    /// "125", "1.250" (thousands), "12,5" (decimal comma): how numbers are written in the documents.
    static func parseIndonesianNumber(_ s: String) -> Double? {
        guard !s.isEmpty, s.allSatisfy({ $0.isNumber || $0 == "." || $0 == "," }), s.first!.isNumber else { return nil }
        var t = s
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count > 1, parts.dropFirst().allSatisfy({ $0.count == 3 }) {
            t = parts.joined()
        }
        t = t.utf8.allSatisfy({ $0 < 0x80 })
            ? String(decoding: t.utf8.map { $0 == UInt8(ascii: ",") ? UInt8(ascii: ".") : $0 }, as: UTF8.self)
            : t.replacingOccurrences(of: ",", with: ".")
        return Double(t)
    }
}
