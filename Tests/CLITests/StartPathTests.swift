import Foundation
@testable import iki
import Testing

/// What the start of every command reads, done without Foundation's slower paths, reads the same.
@Suite("Start path")
struct StartPathTests {
    @Test("the environment read from environ is Foundation's")
    func environment() {
        #expect(Iki.environment == ProcessInfo.processInfo.environment)
        #expect(!Iki.environment.isEmpty)
    }
}
