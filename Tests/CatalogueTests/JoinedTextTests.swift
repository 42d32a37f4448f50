import Base
import Testing
import TestSupport

@Suite("joinedText")
struct JoinedTextTests {
    @Test("gives what joined(separator:) gives: none, one, many parts, empty parts and separators")
    func asJoined() {
        var generator = SplitMix(state: 4)
        let pieces = ["", "a", "bc", "Fasilitasi Pembiayaan", "日本", "\n", ", "]
        for _ in 0..<500 {
            let parts = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
            let separator = pieces.randomElement(using: &generator)!
            #expect(joinedText(parts, separator: separator) == parts.joined(separator: separator), "\(parts) \(separator)")
        }
    }
}
