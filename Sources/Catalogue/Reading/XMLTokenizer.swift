// Over 400 lines because it is one byte scanner: tags, attributes, text and references with their
// checks of well-formedness side by side, sharing the open names and the unfinished chunk.

import Foundation

/// What an `XMLTokenizer` reports, as it scans: start and end tags (a self-closing tag gives both),
/// text and CDATA. Names and attributes are bytes as written (`w:p`, `r:id`): namespace prefixes
/// are the handler's to resolve. Buffers are valid only during the call.
protocol XMLTokenHandler {
    mutating func start(_ name: UnsafeBufferPointer<UInt8>, _ attributes: XMLAttributes)
    mutating func end(_ name: UnsafeBufferPointer<UInt8>)
    /// Whether text here is wanted: text nobody reads is skipped without decoding it.
    var wantsText: Bool { get }
    /// Text, entities decoded, in pieces (a run between references, a reference's character).
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>)
    mutating func cdata(_ bytes: UnsafeBufferPointer<UInt8>)
}

/// A start tag's attributes, where they are in the bytes being scanned.
struct XMLAttributes {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Name and value ranges, side by side (the tokenizer's storage, valid during the call).
    let ranges: UnsafePointer<Range<Int>>
    let count: Int
    /// Whether values are normalised as XML says (line ends and tabs as spaces): not for a sheet.
    let normalises: Bool

    func name(_ i: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[ranges[2 * i]]) }
    func rawValue(_ i: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[ranges[2 * i + 1]]) }

    /// The value, references decoded; nil when one is not XML's (the tokenizer has failed then).
    func value(_ i: Int) -> String? {
        var out: [UInt8] = []
        let ok = XMLTokenizer.decode(rawValue(i), lineEnds: normalises, attribute: normalises) { out.append(contentsOf: $0) }
        return ok == nil ? String(decoding: out, as: UTF8.self) : nil
    }
}

/// XML as bytes, fed whole or in the chunks a zip inflates, for the few parts of Word and Excel
/// files iki reads: elements, attributes, text, the five entities and character references, CDATA;
/// comments, processing instructions, the declaration and a DOCTYPE skipped. It checks that tags
/// are well formed, nest and close, and fails at the first problem (`failure`, with the byte
/// offset). Why not Foundation's XMLParser: it brings libxml2 and ICU into every start of iki, and
/// its callbacks, attribute dictionaries and Strings cost more than this whole scan. `strict` (a
/// whole part: styles, a Word body) also checks what XMLParser did beyond that: nothing but spaces
/// outside the root element, every reference valid (also in text nobody reads), line ends read as
/// `\n` and attribute values' spaces normalised; a sheet leaves these out, as it always has.
struct XMLTokenizer {
    enum Problem: Equatable {
        /// The part ends inside an element or a tag.
        case cutShort(inside: String)
        /// An end tag that does not close the element open (`</v>` while `c` is open).
        case mismatchedEnd(found: String, open: String?)
        /// `&nbsp;` and other entities XML does not define, or a bad character reference.
        case badEntity(String)
        /// A tag that is not `<name attr="value" ...>`.
        case malformedTag(String)
        /// Text or a second element after the root element, or text before it (strict only).
        case outsideRoot(String)
    }

    let strict: Bool
    private(set) var failure: Problem?
    /// The byte offset of the failure in everything fed.
    private(set) var failureOffset = 0
    /// Bytes of an unfinished tag or text, kept for the next chunk; `position`: where they start.
    private var pending: [UInt8] = []
    private var position = 0
    // Open elements: their qualified names side by side, to check each end tag.
    private var names: [UInt8] = []
    private var nameEnds: [Int] = []
    private var sawRoot = false
    private let attributes = RangeStorage()

    init(strict: Bool = false) { self.strict = strict }

    /// How deep the scan is: 0 outside the root element.
    var depth: Int { nameEnds.count }

    /// Scans a chunk; after a failure, further chunks are ignored.
    mutating func feed<H: XMLTokenHandler>(_ chunk: UnsafeRawBufferPointer, into handler: inout H) {
        guard failure == nil, !chunk.isEmpty else { return }
        let bytes = chunk.bindMemory(to: UInt8.self)
        if pending.isEmpty {
            let consumed = scan(bytes, into: &handler)
            position += consumed
            if failure == nil && consumed < bytes.count { pending.append(contentsOf: bytes[consumed...]) }
            return
        }
        var buffer = pending
        pending = []
        buffer.append(contentsOf: bytes)
        let consumed = buffer.withUnsafeBufferPointer { scan($0, into: &handler) }
        position += consumed
        if failure == nil && consumed < buffer.count { pending = Array(buffer[consumed...]) }
    }

    /// Once everything is fed: a document cut short (inside a tag or an element, or before its
    /// root) is a failure. `root`: the element a missing root is named as.
    mutating func finish(root: String) {
        guard failure == nil else { return }
        failureOffset = position + pending.count
        if let start = pending.firstIndex(where: { !Self.isSpace($0) }), pending[start] == Self.lt {
            // Cut inside a tag: the tag's name.
            let tag = pending[(start + 1)...].prefix(while: { !Self.isSpace($0) && $0 != Self.gt && $0 != Self.slash }).prefix(40)
            failure = .cutShort(inside: String(decoding: tag, as: UTF8.self))
        } else if let open = nameEnds.last {
            let start = nameEnds.count > 1 ? nameEnds[nameEnds.count - 2] : 0
            failure = .cutShort(inside: String(decoding: names[start..<open], as: UTF8.self))
        } else if !sawRoot {
            failure = .cutShort(inside: root)
        } else if strict, let start = pending.firstIndex(where: { !Self.isSpace($0) }) {
            failure = .outsideRoot(String(decoding: pending[start...].prefix(30), as: UTF8.self))
        }
    }

    private mutating func fail(_ problem: Problem, at offset: Int) {
        guard failure == nil else { return }
        failure = problem
        failureOffset = position + offset
    }

    /// Base's `Text.isSpace`, here so it inlines in the scan's loops (XML's spaces are these four).
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    static let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), slash = UInt8(ascii: "/")
    private static let amp = UInt8(ascii: "&"), semicolon = UInt8(ascii: ";")

    /// Scans as far as whole tags and texts go; returns how many bytes were used.
    private mutating func scan<H: XMLTokenHandler>(_ b: UnsafeBufferPointer<UInt8>, into handler: inout H) -> Int {
        let n = b.count
        var i = 0
        while i < n, failure == nil {
            if b[i] != Self.lt {
                // Text runs to the next tag; its references are decoded once it is whole.
                guard let next = Text.index(of: Self.lt, in: b, from: i) else { return i }
                let wanted = handler.wantsText
                if strict && nameEnds.isEmpty {
                    if let k = (i..<next).first(where: { !Self.isSpace(b[$0]) }) {
                        fail(.outsideRoot(Self.snippet(b, k)), at: k)
                    }
                } else if wanted || strict {
                    let text = UnsafeBufferPointer(rebasing: b[i..<next])
                    // A sheet's value: no reference, nothing to decode or normalise.
                    if !strict && Text.index(of: Self.amp, in: text) == nil { handler.text(text) }
                    else if let bad = Self.decode(text, lineEnds: strict, attribute: false, into: { if wanted { handler.text($0) } }) {
                        fail(.badEntity(String(decoding: b[(i + bad)..<min(next, i + bad + 12)], as: UTF8.self)), at: i + bad)
                    }
                }
                i = next
                continue
            }
            guard i + 1 < n else { return i }
            switch b[i + 1] {
            case UInt8(ascii: "?"):
                guard let end = Self.find("?>", b, from: i + 2) else { return i }
                i = end + 2
            case UInt8(ascii: "!"):
                guard let next = special(b, i, into: &handler) else { return i }
                i = next
            case Self.slash:
                guard let end = Text.index(of: Self.gt, in: b, from: i + 2) else { return i }
                var last = end
                while last > i + 2 && Self.isSpace(b[last - 1]) { last -= 1 }
                close(UnsafeBufferPointer(rebasing: b[(i + 2)..<last]), at: i, into: &handler)
                i = end + 1
            default:
                guard let next = startTag(b, i, into: &handler) else { return i }
                i = next
            }
        }
        return failure == nil ? i : n
    }

    /// `<!-- -->`, `<![CDATA[ ]]>` (its text as is, to the handler) or a DOCTYPE; nil when not yet whole.
    private mutating func special<H: XMLTokenHandler>(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, into handler: inout H) -> Int? {
        let rest = b.count - i
        if Self.hasPrefix(b, i, "<!--") {
            return Self.find("-->", b, from: i + 4).map { $0 + 3 }
        }
        if Self.hasPrefix(b, i, "<![CDATA[") {
            guard let end = Self.find("]]>", b, from: i + 9) else { return nil }
            if nameEnds.isEmpty && strict { fail(.outsideRoot(Self.snippet(b, i)), at: i); return nil }
            handler.cdata(UnsafeBufferPointer(rebasing: b[(i + 9)..<end]))
            return end + 3
        }
        if rest < 9 && (Self.hasPrefix(b, i, String("<![CDATA[".prefix(rest))) || Self.hasPrefix(b, i, String("<!--".prefix(rest)))) { return nil }
        // A DOCTYPE, with or without an internal subset in brackets.
        var depth = 0
        for k in (i + 2)..<b.count {
            if b[k] == UInt8(ascii: "[") { depth += 1 }
            else if b[k] == UInt8(ascii: "]") { depth -= 1 }
            else if b[k] == Self.gt && depth <= 0 { return k + 1 }
        }
        return nil
    }

    /// A start tag from `<`: its name, its attributes, `/>` or `>`; nil when not yet whole.
    private mutating func startTag<H: XMLTokenHandler>(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, into handler: inout H) -> Int? {
        let n = b.count
        var j = i + 1
        while j < n && !Self.isSpace(b[j]) && b[j] != Self.slash && b[j] != Self.gt { j += 1 }
        guard j < n else { return nil }
        let name = UnsafeBufferPointer(rebasing: b[(i + 1)..<j])
        guard !name.isEmpty else { fail(.malformedTag(Self.snippet(b, i)), at: i); return nil }
        var ranges = 0
        var selfClosing = false
        while true {
            while j < n && Self.isSpace(b[j]) { j += 1 }
            guard j < n else { return nil }
            if b[j] == Self.gt { j += 1; break }
            if b[j] == Self.slash {
                guard j + 1 < n else { return nil }
                guard b[j + 1] == Self.gt else { fail(.malformedTag(Self.snippet(b, i)), at: i); return nil }
                j += 2
                selfClosing = true
                break
            }
            let attributeStart = j
            while j < n && b[j] != UInt8(ascii: "=") && !Self.isSpace(b[j]) && b[j] != Self.gt && b[j] != Self.slash { j += 1 }
            let attributeEnd = j
            while j < n && Self.isSpace(b[j]) { j += 1 }
            guard j + 1 < n else { return nil }
            guard attributeEnd > attributeStart, b[j] == UInt8(ascii: "=") else { fail(.malformedTag(Self.snippet(b, i)), at: i); return nil }
            j += 1
            while j < n && Self.isSpace(b[j]) { j += 1 }
            guard j < n else { return nil }
            let quote = b[j]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { fail(.malformedTag(Self.snippet(b, i)), at: i); return nil }
            guard let end = Text.index(of: quote, in: b, from: j + 1) else { return nil }
            if ranges + 2 > attributes.capacity { attributes.grow() }
            attributes.pointer[ranges] = attributeStart..<attributeEnd
            attributes.pointer[ranges + 1] = (j + 1)..<end
            ranges += 2
            j = end + 1
        }
        if strict {
            guard !nameEnds.isEmpty || !sawRoot else { fail(.outsideRoot(Self.snippet(b, i)), at: i); return nil }
            // A value holding `<` or a reference XML does not define, as XMLParser refused it.
            for k in stride(from: 1, to: ranges, by: 2) {
                let range = attributes.pointer[k]
                let value = UnsafeBufferPointer(rebasing: b[range])
                if Text.index(of: Self.lt, in: value) != nil { fail(.malformedTag(Self.snippet(b, i)), at: i); return nil }
                if let bad = Self.decode(value, lineEnds: false, attribute: false, into: { _ in }) {
                    let at = range.lowerBound + bad
                    fail(.badEntity(String(decoding: b[at..<min(range.upperBound, at + 12)], as: UTF8.self)), at: at)
                    return nil
                }
            }
        }
        sawRoot = true
        handler.start(name, XMLAttributes(bytes: b, ranges: UnsafePointer(attributes.pointer), count: ranges / 2, normalises: strict))
        if selfClosing { handler.end(name) } else { names.append(contentsOf: name); nameEnds.append(names.count) }
        return j
    }

    /// An end tag: it must close the element open, by the same qualified name.
    private mutating func close<H: XMLTokenHandler>(_ name: UnsafeBufferPointer<UInt8>, at i: Int, into handler: inout H) {
        guard let top = nameEnds.last else {
            fail(.mismatchedEnd(found: String(decoding: name, as: UTF8.self), open: nil), at: i)
            return
        }
        let start = nameEnds.count > 1 ? nameEnds[nameEnds.count - 2] : 0
        var same = top - start == name.count
        for k in 0..<name.count where same && names[start + k] != name[k] { same = false }
        guard same else {
            fail(.mismatchedEnd(found: String(decoding: name, as: UTF8.self), open: String(decoding: names[start..<top], as: UTF8.self)), at: i)
            return
        }
        names.removeLast(top - start)
        nameEnds.removeLast()
        handler.end(name)
    }

    /// Text or an attribute value with its references decoded, in pieces to `emit`; returns nil,
    /// or the offset of a reference that is not XML's. `lineEnds`: CR LF and CR read as LF, as an
    /// XML parser does; `attribute`: then tabs and line ends as spaces (not those written as references).
    @inline(__always) static func decode(_ b: UnsafeBufferPointer<UInt8>, lineEnds: Bool, attribute: Bool, into emit: (UnsafeBufferPointer<UInt8>) -> Void) -> Int? {
        let to = b.count
        var k = 0
        while k < to {
            let amp = Text.index(of: Self.amp, in: b, from: k) ?? to
            if amp > k { emitRaw(UnsafeBufferPointer(rebasing: b[k..<amp]), lineEnds: lineEnds, attribute: attribute, into: emit) }
            guard amp < to else { return nil }
            guard let semicolon = Text.index(of: Self.semicolon, in: UnsafeBufferPointer(rebasing: b[..<min(to, amp + 12)]), from: amp + 1),
                  let scalar = Self.entity(UnsafeBufferPointer(rebasing: b[(amp + 1)..<semicolon])) else {
                return amp
            }
            var utf8: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
            withUnsafeMutableBytes(of: &utf8) { raw in
                var count = 0
                UTF8.encode(scalar) { raw[count] = $0; count += 1 }
                emit(UnsafeBufferPointer(start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count))
            }
            k = semicolon + 1
        }
        return nil
    }

    @inline(__always) private static func emitRaw(_ b: UnsafeBufferPointer<UInt8>, lineEnds: Bool, attribute: Bool, into emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard lineEnds, b.contains(where: { $0 == 0x0D || (attribute && ($0 == 0x0A || $0 == 0x09)) }) else { emit(b); return }
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var k = 0
        while k < b.count {
            var c = b[k]
            if c == 0x0D {
                c = 0x0A
                if k + 1 < b.count && b[k + 1] == 0x0A { k += 1 }
            }
            if attribute && (c == 0x0A || c == 0x09) { c = 0x20 }
            out.append(c)
            k += 1
        }
        out.withUnsafeBufferPointer { emit($0) }
    }

    /// `amp`, `lt`, `gt`, `quot`, `apos`, `#65`, `#x41`: the character; nil for anything else.
    static func entity(_ name: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        if Text.equals(name, "amp") { return "&" }
        if Text.equals(name, "lt") { return "<" }
        if Text.equals(name, "gt") { return ">" }
        if Text.equals(name, "quot") { return "\"" }
        if Text.equals(name, "apos") { return "'" }
        guard name.count >= 2, name[0] == UInt8(ascii: "#") else { return nil }
        let hex = name[1] == UInt8(ascii: "x")
        let digits = name.dropFirst(hex ? 2 : 1)
        guard !digits.isEmpty, digits.count <= 8 else { return nil }
        var value: UInt32 = 0
        for d in digits {
            guard let digit = hex ? Self.hexDigit(d) : (Text.isDigit(d) ? UInt32(d - 0x30) : nil) else { return nil }
            value = value * (hex ? 16 : 10) + digit
        }
        // XML allows tab, line ends and everything from the space up (not NUL or other controls).
        guard value == 0x9 || value == 0xA || value == 0xD || value >= 0x20 else { return nil }
        return Unicode.Scalar(value)
    }

    private static func hexDigit(_ b: UInt8) -> UInt32? {
        if Text.isDigit(b) { return UInt32(b - 0x30) }
        let lower = b | 0x20
        return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "f") ? UInt32(lower - UInt8(ascii: "a") + 10) : nil
    }

    static func hasPrefix(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ prefix: String) -> Bool {
        let p = Array(prefix.utf8)
        guard b.count - i >= p.count else { return false }
        for k in 0..<p.count where b[i + k] != p[k] { return false }
        return true
    }

    private static func find(_ needle: String, _ b: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard from <= b.count else { return nil }
        return Text.find(needle, in: b, from: from)
    }

    /// The start of a bad tag, for the message.
    private static func snippet(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> String {
        String(decoding: b[i..<min(b.count, i + 30)], as: UTF8.self)
    }
}

/// Where the tokenizer puts a tag's attribute ranges: grown, never shrunk, and read by handlers
/// through a pointer (an array here cost a uniqueness check per attribute and a retain per tag).
private final class RangeStorage {
    private(set) var pointer: UnsafeMutablePointer<Range<Int>>
    private(set) var capacity = 16

    init() {
        pointer = .allocate(capacity: capacity)
        pointer.initialize(repeating: 0..<0, count: capacity)
    }
    deinit { pointer.deallocate() }

    func grow() {
        let larger = UnsafeMutablePointer<Range<Int>>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: pointer, count: capacity)
        (larger + capacity).initialize(repeating: 0..<0, count: capacity)
        pointer.deallocate()
        pointer = larger
        capacity *= 2
    }
}

extension XMLTokenizer.Problem {
    var message: Message {
        switch self {
        case .cutShort(let inside): .sheetCutShort(inside: inside)
        case .mismatchedEnd(let found, let open): .sheetMismatchedEnd(found, open: open)
        case .badEntity(let text): .sheetBadEntity(text)
        case .malformedTag(let text): .sheetMalformedTag(text)
        case .outsideRoot(let text): .xmlOutsideRoot(text)
        }
    }
}

/// A whole part read in one go (styles, shared strings, a Word body): the tokenizer in strict
/// mode; on failure, the problem and its line (1-based), as XMLParser gave the line.
extension XMLTokenizer {
    static func read<H: XMLTokenHandler>(_ data: Data, into handler: inout H, root: String) -> (problem: Problem, line: Int)? {
        var tokenizer = XMLTokenizer(strict: true)
        // A byte order mark is not text before the root.
        let bom = data.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        tokenizer.position = bom
        data.withUnsafeBytes { tokenizer.feed(UnsafeRawBufferPointer(rebasing: $0[bom...]), into: &handler) }
        tokenizer.finish(root: root)
        guard let problem = tokenizer.failure else { return nil }
        let end = min(tokenizer.failureOffset, data.count)
        let line = data.withUnsafeBytes { raw in raw[..<end].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) } }
        return (problem, line)
    }
}
