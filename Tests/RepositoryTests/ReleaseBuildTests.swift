import Foundation
import Testing
import TestSupport

/// The release build is one command, written once in bench/run.py (`BUILD_ARGUMENTS`, which
/// bench/whole.py uses too) and quoted by README.md and bench/README.md: the figures of bench/ are
/// of that build. Two of its choices are most of the bundled query's start
/// (bench/results/cold-start.md), so a test fails when either goes.
@Suite("Release build")
struct ReleaseBuildTests {
    /// `swift build` and the arguments of bench/run.py's `BUILD_ARGUMENTS`, as a shell would run them.
    static func command() throws -> String {
        let script = try String(contentsOf: packageRoot.appendingPathComponent("bench/run.py"), encoding: .utf8)
        let start = try #require(script.range(of: "BUILD_ARGUMENTS = ["), "bench/run.py has no BUILD_ARGUMENTS")
        let end = try #require(script[start.upperBound...].firstIndex(of: "]"))
        let arguments = script[start.upperBound..<end].split(separator: "\"", omittingEmptySubsequences: false)
            .enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
        return (["swift", "build"] + arguments).joined(separator: " ")
    }

    @Test("the build is one static executable whose generic types are not built from mangled names")
    func staticAndDirect() throws {
        let command = try Self.command()
        // No dynamic loader at start: it was a fifth of the bundled query's instructions.
        #expect(command.contains("-Xswiftc -static-executable"))
        // libedit's own libraries, which a static link must name.
        #expect(command.contains("-Xlinker -ltinfo -Xlinker -lbsd -Xlinker -lmd"))
        // Each generic type from a mangled name had its conformances checked by a scan of every
        // conformance record in the program.
        #expect(command.contains("-Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors"))
        #expect(command.hasPrefix("swift build -c release "))
    }

    @Test("README.md and bench/README.md quote the build bench/run.py runs", arguments: ["README.md", "bench/README.md"])
    func quoted(_ page: String) throws {
        let text = try String(contentsOf: packageRoot.appendingPathComponent(page), encoding: .utf8)
        #expect(text.contains("`\(try Self.command())`"), "\(page) does not quote bench/run.py's build")
    }
}
