import Foundation
import Testing
import TestSupport

/// Every message has its English and its Indonesian text. The compiler enforces it (the only
/// initializer takes both); this test keeps it so if an English-only initializer comes back, and
/// keeps messages out of the rest of the code.
@Suite("The message catalogue in both languages")
struct MessageCatalogueTests {
    static let catalogueFiles = SourceLayoutTests.sources.filter { $0.hasPrefix("Sources/Base/Messages") }

    @Test("every message constructor gives an English and an Indonesian text")
    func bothTexts() {
        #expect(Self.catalogueFiles.count >= 2)
        var constructors = 0
        for file in Self.catalogueFiles {
            let text = SourceLayoutTests.text(file)
            #expect(!text.contains("init(id: String, _ english: String) {"), "\(file) has an English-only initializer")
            // Each call, up to the end of its function: its second label `id:` is the Indonesian text.
            for call in text.components(separatedBy: "Message(id:").dropFirst() {
                let body = call.components(separatedBy: "\n    }").first ?? call
                constructors += 1
                #expect(body.contains(" id: "), "\(file): Message(id:\(body.prefix(80)) has no Indonesian text")
            }
        }
        #expect(constructors > 150)
    }

    @Test("messages are written in the catalogue only")
    func noInlineMessages() {
        for file in SourceLayoutTests.sources where !Self.catalogueFiles.contains(file) {
            #expect(!SourceLayoutTests.text(file).contains("Message(id:"), "\(file) writes a message inline")
        }
    }
}
