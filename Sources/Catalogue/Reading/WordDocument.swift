import Foundation

/// A Word document's body (`word/document.xml`) as the catalogue reader needs it: paragraphs and
/// tables in document order, with the text a reader sees. What Word stores apart from the text is
/// put back here: runs joined, tabs and line breaks, soft hyphens dropped, non-breaking spaces as
/// spaces, content controls (`w:sdt`) and insertions read through, deletions skipped, numbered
/// paragraphs (`w:numPr`: the "a." is not in the text) marked, merged and spanned cells
/// (`w:vMerge`, `w:gridSpan`, `w:gridBefore`) laid on the grid, and equations (OMML) written as the
/// LaTeX a text export carries (`\frac{A}{B}`), so the one formula parser reads both. Text boxes
/// (`w:txbxContent`) are read where they are anchored: their paragraphs come just before the
/// paragraph holding them (in a table cell, into the cell), and of `mc:AlternateContent` only the
/// first choice is read (Word stores a text box twice: as a drawing and as a VML fallback).
/// A paragraph is numbered by `w:numPr` or by its style (`w:pStyle` whose style, or one it is
/// based on, has `w:numPr` in `word/styles.xml`); `w:numId` 0 turns numbering off.
struct WordDocument {
    struct Paragraph {
        /// The paragraph's lines (a `w:br` starts a new one), each trimmed of nothing.
        var lines: [String]
        /// Numbered by Word (`w:numPr`): its marker is generated, not in the text.
        var numbered: Bool
        /// 1-based, counting the body's paragraphs outside tables.
        var number: Int
    }

    struct Cell {
        /// The cell's paragraphs joined by spaces, collapsed.
        var text: String
        /// Its paragraphs' lines, for a table that only lays text out (a signature).
        var lines: [String] = []
        /// A continuation of the merged cell above (`w:vMerge` without `restart`).
        var continuesAbove: Bool
        var span: Int
    }

    struct Table {
        var rows: [[Cell]]
        /// 1-based, counting the body's top-level tables.
        var number: Int
    }

    enum Block {
        case paragraph(Paragraph)
        case table(Table)
    }

    /// A fraction (`m:f`) lacking its numerator or denominator: where, and its text.
    struct EquationProblem {
        var block: Int
        var row: Int
        var column: Int
        var text: String
    }

    var blocks: [Block] = []
    var equationProblems: [EquationProblem] = []

    /// The paragraph styles of `word/styles.xml` that number their paragraphs: a `w:numPr` whose
    /// `w:numId` is not 0, in the style or in one it is based on (`w:basedOn`, followed up to 32
    /// deep, so a loop of styles ends).
    static func numberedStyles(_ styles: XMLElements) -> Set<String> {
        var basedOn: [String: String] = [:], numbering: [String: Bool] = [:]
        var current: (id: String, depth: Int)?
        func attribute(_ e: XMLElements.Element, _ name: String) -> String? {
            e.attributes.first { $0.key == name || $0.key.hasSuffix(":" + name) }?.value
        }
        for e in styles.elements {
            if let c = current, e.depth <= c.depth { current = nil }
            if e.name == "style" {
                if let id = attribute(e, "styleId") { current = (id, e.depth) }
                continue
            }
            guard let c = current else { continue }
            if e.name == "basedOn", let parent = attribute(e, "val") { basedOn[c.id] = parent }
            if e.name == "numId" { numbering[c.id] = attribute(e, "val").map { $0 != "0" } ?? false }
        }
        var numbered: Set<String> = []
        for id in Set(basedOn.keys).union(numbering.keys) {
            var style: String? = id, steps = 0
            while let s = style, steps < 32 {
                if let own = numbering[s] {
                    if own { numbered.insert(id) }
                    break
                }
                style = basedOn[s]
                steps += 1
            }
        }
        return numbered
    }

    /// Parses the part; nil and what is wrong (a message and its line) when it is not well-formed
    /// XML or has no `w:document`.
    /// `numberedStyles`: the paragraph styles that number their paragraphs (`numberedStyles(_:)`).
    static func parse(_ data: Data, numberedStyles: Set<String> = []) -> (WordDocument?, (problem: Message, line: Int)?) {
        var walk = WordBodyParser(numberedStyles: numberedStyles)
        if let failure = XMLTokenizer.read(data, into: &walk, root: "w:document") {
            return (nil, (failure.problem.message, failure.line))
        }
        // A document that is not WordprocessingML never closes its `w:document`.
        guard walk.closedDocument else {
            let lines = data.withUnsafeBytes { raw in raw.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) } }
            return (nil, (.wordNoDocumentElement, lines))
        }
        return (walk.document, nil)
    }
}

/// The walk behind `WordDocument.parse`, over the tokenizer's tags and text. Text goes to the
/// innermost open target: a fraction's numerator or denominator, else the paragraph. Elements are
/// known by namespace, not prefix: the prefixes in scope (`xmlns:w="..."`) are kept here.
private struct WordBodyParser: XMLTokenHandler {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let wStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    static let m = "http://schemas.openxmlformats.org/officeDocument/2006/math"
    static let mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"

    var document = WordDocument()
    private(set) var closedDocument = false
    private let numberedStyles: Set<String>

    init(numberedStyles: Set<String>) { self.numberedStyles = numberedStyles }

    // Namespace prefixes in scope, innermost last (the default namespace's prefix is empty), and
    // how many each open element declared; the last prefix looked up, as most elements share it.
    private var bindings: [(prefix: [UInt8], uri: String?)] = []
    private var declared: [Int] = []
    private var lastPrefix: [UInt8] = [0xFF]
    private var lastURI: String?

    // `mc:AlternateContent` open: whether one of its choices has been read.
    private var alternatives: [Bool] = []
    // The paragraph a text box is anchored in, put aside while the box's paragraphs are read.
    private struct Anchor { var inParagraph: Bool; var lines: [String]; var numbered: Bool; var runUnderlined: Bool; var underlineOpen: Bool; var inText: Bool }
    private var anchors: [Anchor] = []

    // Paragraph being read.
    private var inParagraph = false
    private var lines: [String] = [""]
    private var numbered = false
    private var paragraphs = 0
    private var tables = 0
    // Run state: underline (tables only: it marks a numerator), text collected from `w:t`.
    private var runUnderlined = false
    private var underlineOpen = false
    private var inText = false
    private var skipDepth = 0
    // Tables: only the outermost is laid out; a nested table's text joins its cell.
    private var tableDepth = 0
    private var rows: [[WordDocument.Cell]] = []
    private var cellParagraphs: [String] = []
    private var cellLines: [String] = []
    private var cellMerge = false
    private var cellSpan = 1
    // Equations: a stack of fractions, each with numerator and denominator text.
    private struct Fraction { var num: String?; var den: String?; var inDen = false }
    private var fractions: [Fraction] = []
    private var mathTextDepth = 0

    private func isW(_ uri: String?) -> Bool { uri == Self.w || uri == Self.wStrict }

    /// The value of attribute `name`, with any prefix (`w:val`); namespace declarations are not attributes.
    private func value(_ attributes: XMLAttributes, _ name: String) -> String? {
        for k in 0..<attributes.count {
            let key = attributes.name(k)
            guard !Self.isDeclaration(key) else { continue }
            let colon = key.lastIndex(of: UInt8(ascii: ":")).map { $0 + 1 } ?? 0
            if Text.equals(UnsafeBufferPointer(rebasing: key[colon...]), name) { return attributes.value(k) }
        }
        return nil
    }

    /// `xmlns` or `xmlns:p`.
    private static func isDeclaration(_ key: UnsafeBufferPointer<UInt8>) -> Bool { key.count >= 5 && Text.equals(UnsafeBufferPointer(rebasing: key[..<5]), "xmlns") }

    /// Binds the prefixes an element declares; its name's namespace and local name.
    private mutating func resolve(_ qualified: UnsafeBufferPointer<UInt8>, _ attributes: XMLAttributes) -> (uri: String?, name: String) {
        var count = 0
        for k in 0..<attributes.count {
            let key = attributes.name(k)
            guard Self.isDeclaration(key) else { continue }
            if key.count == 5 { bindings.append(([], attributes.value(k))) }
            else if key[5] == UInt8(ascii: ":") { bindings.append((Array(key[6...]), attributes.value(k))) }
            else { continue }
            count += 1
        }
        declared.append(count)
        if count > 0 { lastPrefix = [0xFF] }
        return name(qualified)
    }

    /// `w:p` -> (the namespace `w` is bound to, `p`).
    private mutating func name(_ qualified: UnsafeBufferPointer<UInt8>) -> (uri: String?, name: String) {
        let colon = qualified.firstIndex(of: UInt8(ascii: ":"))
        return (namespace(UnsafeBufferPointer(rebasing: qualified[..<(colon ?? 0)])), String(decoding: qualified[(colon.map { $0 + 1 } ?? 0)...], as: UTF8.self))
    }

    /// The namespace a prefix is bound to, nil when none (an undeclared prefix).
    private mutating func namespace(_ prefix: UnsafeBufferPointer<UInt8>) -> String? {
        if prefix.elementsEqual(lastPrefix) { return lastURI }
        let uri = bindings.last { $0.prefix.elementsEqual(prefix) }?.uri ?? nil
        (lastPrefix, lastURI) = (Array(prefix), uri)
        return uri
    }

    /// An end tag: the element's namespace and local name; its declarations go out of scope.
    private mutating func close(_ qualified: UnsafeBufferPointer<UInt8>) -> (uri: String?, name: String) {
        let resolved = name(qualified)
        if let count = declared.popLast(), count > 0 {
            bindings.removeLast(count)
            lastPrefix = [0xFF]
        }
        return resolved
    }

    var wantsText: Bool { inText && skipDepth == 0 && inParagraph }

    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        append(Self.visible(String(decoding: bytes, as: UTF8.self)))
    }

    /// XMLParser gave CDATA to a callback this reader never had: Word does not write it in text.
    mutating func cdata(_ bytes: UnsafeBufferPointer<UInt8>) {}

    /// Appends text to the innermost target: a fraction's part, else the paragraph's last line.
    private mutating func append(_ text: String, escaped: Bool = true) {
        if !fractions.isEmpty {
            let t = escaped ? Self.latexEscaped(text) : text
            if fractions[fractions.count - 1].inDen { fractions[fractions.count - 1].den = (fractions[fractions.count - 1].den ?? "") + t }
            else { fractions[fractions.count - 1].num = (fractions[fractions.count - 1].num ?? "") + t }
            return
        }
        if tableDepth > 0 {
            if runUnderlined && !underlineOpen { lines[lines.count - 1] += "<u>"; underlineOpen = true }
            if !runUnderlined && underlineOpen { lines[lines.count - 1] += "</u>"; underlineOpen = false }
        }
        lines[lines.count - 1] += text
    }

    /// A fraction's text inside `\frac{...}`: the characters LaTeX reads as markup are escaped,
    /// so the formula parser gives them back as written.
    static func latexEscaped(_ text: String) -> String {
        guard text.contains(where: { "\\{}$".contains($0) }) else { return text }
        var out = ""
        for c in text {
            if "\\{}$".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }

    mutating func start(_ qualified: UnsafeBufferPointer<UInt8>, _ attributes: XMLAttributes) {
        let (namespaceURI, name) = resolve(qualified, attributes)
        if skipDepth > 0 { skipDepth += 1; return }
        if namespaceURI == Self.m {
            switch name {
            case "f": fractions.append(Fraction())
            case "num": if !fractions.isEmpty { fractions[fractions.count - 1].inDen = false; fractions[fractions.count - 1].num = fractions[fractions.count - 1].num ?? "" }
            case "den": if !fractions.isEmpty { fractions[fractions.count - 1].inDen = true; fractions[fractions.count - 1].den = fractions[fractions.count - 1].den ?? "" }
            case "t": inText = true
            default: break
            }
            return
        }
        guard isW(namespaceURI) else {
            // Alternate content: one choice, else the fallback; the others repeat what it shows.
            if namespaceURI == Self.mc {
                switch name {
                case "AlternateContent": alternatives.append(false)
                case "Choice", "Fallback":
                    if alternatives.last == true { skipDepth = 1 } else if !alternatives.isEmpty { alternatives[alternatives.count - 1] = true }
                default: break
                }
            }
            return
        }
        switch name {
        case "del", "delText", "instrText": skipDepth = 1
        case "txbxContent":
            anchors.append(Anchor(inParagraph: inParagraph, lines: lines, numbered: numbered, runUnderlined: runUnderlined, underlineOpen: underlineOpen, inText: inText))
            inParagraph = false
            inText = false
        case "p":
            if !inParagraph {
                inParagraph = true
                lines = [""]
                numbered = false
                underlineOpen = false
            }
        case "numPr": numbered = true
        case "numId": if value(attributes, "val") == "0" { numbered = false }
        case "pStyle": if let style = value(attributes, "val"), numberedStyles.contains(style) { numbered = true }
        case "r": runUnderlined = false
        case "u": runUnderlined = (value(attributes, "val") ?? "single") != "none"
        case "t": inText = true
        // A tab lays text out; read as a space, it never splits a cell or a heading field.
        case "tab": append(" ")
        case "br", "cr": lines.append("")
        case "noBreakHyphen": append("-")
        // Symbol font's multiplication sign (the "× 100%" typed with Insert > Symbol).
        case "sym": if let c = value(attributes, "char")?.uppercased(), c == "F0B4" || c == "B4" { append("×") }
        case "tbl":
            tableDepth += 1
            if tableDepth == 1 { rows = [] }
        case "tr": if tableDepth == 1 { rows.append([]) }
        case "gridBefore":
            if tableDepth == 1, let n = value(attributes, "val").flatMap(Int.init), n > 0, n < 64 {
                for _ in 0..<n { rows[rows.count - 1].append(WordDocument.Cell(text: "", continuesAbove: false, span: 1)) }
            }
        case "tc":
            if tableDepth == 1 { cellParagraphs = []; cellLines = []; cellMerge = false; cellSpan = 1 }
        case "gridSpan": if tableDepth == 1 { cellSpan = min(max(1, value(attributes, "val").flatMap(Int.init) ?? 1), 64) }
        case "vMerge": if tableDepth == 1 { cellMerge = value(attributes, "val") != "restart" }
        default: break
        }
    }

    mutating func end(_ qualified: UnsafeBufferPointer<UInt8>) {
        let (namespaceURI, name) = close(qualified)
        if skipDepth > 0 { skipDepth -= 1; return }
        if namespaceURI == Self.m {
            switch name {
            case "t": inText = false
            case "den": if !fractions.isEmpty { fractions[fractions.count - 1].inDen = false }
            case "f": closeFraction()
            default: break
            }
            return
        }
        guard isW(namespaceURI) else {
            if namespaceURI == Self.mc && name == "AlternateContent" { _ = alternatives.popLast() }
            return
        }
        switch name {
        case "txbxContent":
            if inParagraph { endParagraph() }
            guard let anchor = anchors.popLast() else { return }
            (inParagraph, lines, numbered) = (anchor.inParagraph, anchor.lines, anchor.numbered)
            (runUnderlined, underlineOpen, inText) = (anchor.runUnderlined, anchor.underlineOpen, anchor.inText)
        case "t": inText = false
        case "p": endParagraph()
        case "document": closedDocument = true
        case "tc":
            guard tableDepth == 1, !rows.isEmpty else { return }
            let text = Text.collapse(cellParagraphs.joined(separator: " "))
            rows[rows.count - 1].append(WordDocument.Cell(text: cellMerge ? "" : text, lines: cellMerge ? [] : cellLines, continuesAbove: cellMerge, span: cellSpan))
            for _ in 1..<max(1, cellSpan) { rows[rows.count - 1].append(WordDocument.Cell(text: "", continuesAbove: false, span: 1)) }
        case "tbl":
            tableDepth -= 1
            if tableDepth == 0 {
                tables += 1
                document.blocks.append(.table(WordDocument.Table(rows: rows, number: tables)))
            }
        default: break
        }
    }

    /// Soft hyphens go; non-breaking and other fixed-width spaces are spaces.
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "\u{AD}" || $0 == "\u{A0}" || $0 == "\u{2007}" || $0 == "\u{202F}" }) else { return text }
        var scalars = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            switch s {
            case "\u{AD}": continue
            case "\u{A0}", "\u{2007}", "\u{202F}": scalars.append(" ")
            default: scalars.append(s)
            }
        }
        return String(scalars)
    }

    /// `\frac{num}{den}` into the enclosing target; a fraction without a numerator or
    /// denominator is recorded (with the place) and its text kept as plain text.
    private mutating func closeFraction() {
        guard let fraction = fractions.popLast() else { return }
        let num = fraction.num ?? "", den = fraction.den ?? ""
        let missing = Text.collapse(num).isEmpty || Text.collapse(den).isEmpty
        if missing {
            document.equationProblems.append(WordDocument.EquationProblem(
                block: document.blocks.count, row: rows.count, column: tableDepth == 1 && !rows.isEmpty ? rows[rows.count - 1].count + 1 : 0,
                text: Text.collapse(num + " " + den)))
            append(num + " " + den, escaped: false)
        } else {
            append("\\frac{\(num)}{\(den)}", escaped: false)
        }
    }

    private mutating func endParagraph() {
        guard inParagraph else { return }
        if underlineOpen { lines[lines.count - 1] += "</u>"; underlineOpen = false }
        inParagraph = false
        if tableDepth > 0 {
            cellParagraphs.append(lines.joined(separator: " "))
            cellLines += lines
            return
        }
        paragraphs += 1
        document.blocks.append(.paragraph(WordDocument.Paragraph(lines: lines, numbered: numbered, number: paragraphs)))
    }
}
