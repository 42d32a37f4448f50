import Foundation

/// A `.docx` catalogue from its path: the zip (`OfficeArchive`), its body (`WordDocument`), the
/// reader's events through the stages every format shares (`Catalogue.assemble`), then every
/// location turned from the reader's place numbers back into places in the document.
extension WordCatalogueReader {
    static func load(path: String, indexingCodes: Bool) -> (Catalogue, [Diagnostic]) {
        let data: Data
        var numberedStyles: Set<String> = []
        do throws(Diagnostic) {
            let archive = try OfficeArchive(path: path)
            guard let part = try archive.part("word/document.xml") else {
                return (Catalogue(file: path), [.error(.notAWordDocument, at: SourceLocation(file: path, place: ""))])
            }
            data = part
            // Styles say which paragraphs a list style numbers; a document may have none.
            if let styles = try archive.part("word/styles.xml") {
                guard let elements = try? XMLElements.parse(styles, part: "word/styles.xml", file: path) else {
                    return (Catalogue(file: path), [.error(.wordStylesMalformed, at: SourceLocation(file: path, place: ""))])
                }
                numberedStyles = WordDocument.numberedStyles(elements)
            }
        } catch {
            return (Catalogue(file: path), [error])
        }
        return read(documentXML: data, file: path, indexingCodes: indexingCodes, numberedStyles: numberedStyles)
    }

    /// The catalogue in a document's `word/document.xml`; `path` names it in diagnostics.
    static func read(documentXML data: Data, file path: String, indexingCodes: Bool, numberedStyles: Set<String> = []) -> (Catalogue, [Diagnostic]) {
        let (parsed, problem) = WordDocument.parse(data, numberedStyles: numberedStyles)
        guard let document = parsed else {
            let (message, line) = problem ?? (.wordNoDocumentElement, 1)
            return (Catalogue(file: path), [.error(.wordMalformed(message, line: line), at: SourceLocation(file: path, place: ""))])
        }
        var places: [Place] = []
        var (catalogue, diagnostics) = Catalogue.assemble(file: path, indexingCodes: indexingCodes) {
            places = read(document, into: &$0)
        }
        func relocate(_ location: inout SourceLocation) -> String? {
            guard location.file == path, location.place == nil else { return nil }
            guard location.line >= 1 && location.line <= places.count else {
                location.place = ""
                return nil
            }
            let place = places[location.line - 1]
            if !place.cells.isEmpty, location.column >= 1, location.column <= place.cells.count {
                location.place = place.name + ", column \(location.column)"
                return place.cells[location.column - 1]
            }
            location.place = place.name
            return place.text
        }
        for i in diagnostics.indices {
            guard var location = diagnostics[i].location else { continue }
            if let text = relocate(&location), !text.isEmpty {
                diagnostics[i].notes.append(Message.wordTextThere(text).text)
            }
            diagnostics[i].location = location
            // A repeated block names the first one as the builder saw it (`d.docx:12`, a place
            // number): named again as the place in the document. (Not a field of Diagnostic: a
            // bigger Diagnostic makes every Token bigger, and the parser's deepest recursion with it.)
            if diagnostics[i].id == "repeated-block", let range = diagnostics[i].message.range(of: path + ":") {
                let digits = diagnostics[i].message[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
                var first = SourceLocation(file: path, line: Int(digits) ?? 0)
                let written = first.shortDescription
                _ = relocate(&first)
                diagnostics[i].message = diagnostics[i].message.replacingOccurrences(of: written, with: first.shortDescription)
            }
        }
        // Nothing is loaded from a document with errors: a catalogue half read is worse than none.
        if diagnostics.hasErrors { return (Catalogue(file: path), diagnostics) }
        for i in catalogue.positions.indices { _ = relocate(&catalogue.positions[i].location) }
        for i in catalogue.indicators.indices { _ = relocate(&catalogue.indicators[i].location) }
        return (catalogue, diagnostics)
    }
}
