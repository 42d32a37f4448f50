import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Catalogue

/// iki's own XML reader (`XMLTokenizer`, behind `XMLElements`, the Word body and the sheet
/// scanner) against Foundation's XMLParser, which it replaced: the same elements, attributes and
/// texts for every small part of the fixtures and for what XML allows around them (references,
/// line ends, CDATA, comments, declarations), and an error with its line where XMLParser had one.
@Suite("Catalogue: the XML reader")
struct XMLTokenizerTests {
    /// The elements as XMLParser (no namespace processing) gave them to the old `XMLElements`.
    final class Reference: NSObject, XMLParserDelegate {
        var elements: [XMLElements.Element] = []
        var open: [Int] = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
            open.append(elements.count)
            elements.append(XMLElements.Element(name: local(name), attributes: attributes, depth: open.count))
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) { open.removeLast() }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let last = open.last { elements[last].text += string }
        }

        static func parse(_ data: Data) -> [XMLElements.Element]? {
            let parser = XMLParser(stream: InputStream(data: data))
            let reference = Reference()
            parser.delegate = reference
            return parser.parse() ? reference.elements : nil
        }
    }

    static func lines(_ elements: [XMLElements.Element]) -> [String] {
        elements.map { e in
            "\(e.depth) \(e.name) \(e.attributes.filter { !$0.key.hasPrefix("xmlns") }.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.debugDescription)" }) \(e.text.debugDescription)"
        }
    }

    static func same(_ xml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let data = Data(xml.utf8)
        let expected = Reference.parse(data).map(Self.lines)
        let actual = (try? XMLElements.parse(data, part: "p.xml", file: "f.xlsx")).map { Self.lines($0.elements) }
        #expect(actual == expected, "\(xml)", sourceLocation: sourceLocation)
    }

    @Test("every small part of the Word and Excel fixtures reads as XMLParser read it")
    func fixtures() throws {
        let folder = packageRoot.appendingPathComponent("Tests/Fixtures/office")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".xlsx") || $0.hasSuffix(".docx") }
        var parts = 0
        for name in names.sorted() {
            guard let archive = try? OfficeArchive(path: folder.appendingPathComponent(name).path) else { continue }
            for part in ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml", "word/styles.xml", "[Content_Types].xml"] {
                guard let data = try archive.part(part) else { continue }
                Self.same(String(decoding: data, as: UTF8.self))
                parts += 1
            }
        }
        #expect(parts > 20)
    }

    @Test("references in text and attributes, line ends, tabs in values, CDATA, comments, declarations, prefixes")
    func aroundTheText() {
        Self.same(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\r\n<sst xmlns=\"u\" count=\"2\"><si><t>R&amp;D &lt;1&gt; &#x41;&#66; &quot;x&apos; &#233;&#x1F600;</t></si></sst>")
        Self.same("<a b=\"x &amp; y &quot;z&quot; &#10;n\" c='1\t2\r\n3\n4' d=\"&#9;\">line 1\r\nline 2\rline 3&#13;\n</a>")
        Self.same("<!-- a comment --><a><?pi data?><!-- inside --><b>x<![CDATA[<not a tag> & ]]>y</b></a>\n<!-- after -->\n")
        Self.same("<x:workbook xmlns:x=\"u\" xmlns:r=\"v\"><x:sheets><x:sheet name=\"Realisasi 2026\" r:id=\"rId1\"/></x:sheets></x:workbook>")
        Self.same("\u{FEFF}<a>é ü 中文 \u{A0}</a>")
        Self.same("<!DOCTYPE a><a>  <b/>  </a>")
    }

    @Test("what XMLParser refused is refused, with the line of the problem")
    func malformed() {
        let bad = [
            "<a><b></a>", "<a>&nbsp;</a>", "<a b=\"&nbsp;\"/>", "<a b=\"<\"/>", "<a></a><b/>", "<a></a>text", "text<a/>",
            "<a b=c/>", "<a>&#0;</a>", "<a>& b</a>",
        ]
        for xml in bad {
            #expect(Reference.parse(Data(xml.utf8)) == nil, "XMLParser read \(xml)")
            #expect((try? XMLElements.parse(Data(xml.utf8), part: "p.xml", file: "f.xlsx")) == nil, "\(xml) read")
        }
        // XMLParser fed from a stream let a part cut short pass, read up to the cut; it is an error now.
        for xml in ["<a>", "", "<a><b>text"] {
            #expect(Reference.parse(Data(xml.utf8)) != nil)
            #expect((try? XMLElements.parse(Data(xml.utf8), part: "p.xml", file: "f.xlsx")) == nil, "\(xml) read")
        }
        let problem = XMLTokenizerTests.problem("<a>\n<b>\n</c>\n</a>")
        #expect(problem == "f.xlsx: part p.xml, line 3: error: part p.xml is not valid XML (line 3); save the file again from Excel")
    }

    static func problem(_ xml: String) -> String {
        do {
            _ = try XMLElements.parse(Data(xml.utf8), part: "p.xml", file: "f.xlsx")
            return "no error"
        } catch {
            return error.description
        }
    }

    @Test("a Word body: namespaces by URI whatever the prefix, the default namespace, an error named with its line")
    func wordBody() {
        let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        let body = "<x:body><x:p><x:r><x:t>Satu &amp; dua</x:t></x:r></x:p><p xmlns=\"\(w)\"><r><t>tiga</t></r></p>"
            + "<o:p xmlns:o=\"urn:other\"><x:r><x:t>bukan Word</x:t></x:r></o:p></x:body>"
        let (document, problem) = WordDocument.parse(Data("<x:document xmlns:x=\"\(w)\">\(body)</x:document>".utf8))
        #expect(problem == nil)
        let texts = document?.blocks.compactMap { block -> [String]? in
            if case .paragraph(let p) = block { return p.lines }
            return nil
        }
        #expect(texts == [["Satu & dua"], ["tiga"]])
        let (none, failure) = WordDocument.parse(Data("<w:document xmlns:w=\"\(w)\">\n<w:body>\n<w:p></w:body></w:document>".utf8))
        #expect(none == nil)
        #expect(failure?.line == 3)
        #expect(failure?.problem.english == "</w:body> where <w:p> should close")
        let (other, notWord) = WordDocument.parse(Data("<document><body/></document>".utf8))
        #expect(other == nil)
        #expect(notWord?.problem.id == "word-no-document-element")
    }
}
