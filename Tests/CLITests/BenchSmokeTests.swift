import Foundation
import Testing

/// The benchmark's quick variant as a smoke test: generate the office and small-province tiers,
/// run the query set in the debug `iki` and in the sqlite3 shell (and DuckDB when installed) and
/// check that every result agrees; then the same for small-province in one CSV through
/// bench/whole.py. Times are not looked at.
@Suite("Benchmark smoke test")
struct BenchSmokeTests {
    /// A program on PATH, or nil.
    static func program(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").lazy.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static let python = program("python3")
    static let sqlite3 = program("sqlite3")

    /// Runs a program with output going through files, so long output cannot block it.
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iki-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("output")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = Iki.root
        // The iki it runs keeps its snapshots in the run's folder, never in ~/.cache.
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CACHE_HOME"] = folder.appendingPathComponent("cache").path
        process.environment = environment
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        return (process.terminationStatus, try String(contentsOf: log, encoding: .utf8))
    }

    @Test("office and small-province: iki's results equal sqlite3's (and DuckDB's when installed)",
          .enabled(if: python != nil, "python3 is not installed; bash scripts/setup installs it"),
          .enabled(if: sqlite3 != nil, "sqlite3 is not installed; bash bench/peers-setup.sh installs it"))
    func resultsAgreeWithPeers() throws {
        let iki = try #require(Iki.executable, "the iki executable was not found next to the tests; build it first")
        let python = try #require(Self.python)
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("iki-bench-data-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        let bench = Iki.root.appendingPathComponent("bench")

        let generate = try Self.run(python, [bench.appendingPathComponent("generate.py").path,
                                              "--tier", "office,small-province", "--out", data.path, "--jobs", "1"])
        #expect(generate.status == 0, Comment(rawValue: "bench/generate.py failed:\n" + generate.output))
        guard generate.status == 0 else { return }

        let check = try Self.run(python, [bench.appendingPathComponent("run.py").path, "--check-only",
                                           "--tiers", "office,small-province", "--data", data.path, "--iki", iki.path])
        #expect(check.status == 0, Comment(rawValue: "bench/run.py --check-only failed:\n" + check.output))
        #expect(check.output.contains("bench check: every result equal"), Comment(rawValue: check.output))
        #expect(check.output.contains("small-province: results equal to iki's for sqlite3"), Comment(rawValue: check.output))

        // The second layout (every row in one CSV) through the whole-run benchmark's check: the
        // same four queries, the same results as the peers'.
        let convert = try Self.run(python, [bench.appendingPathComponent("generate.py").path, "--tier", "small-province",
                                             "--layout", "one-file", "--from", data.appendingPathComponent("small-province").path,
                                             "--out", data.path])
        #expect(convert.status == 0, Comment(rawValue: "bench/generate.py --layout one-file failed:\n" + convert.output))
        guard convert.status == 0 else { return }
        let whole = try Self.run(python, [bench.appendingPathComponent("whole.py").path, "--check-only", "--iki", iki.path,
                                           "--data", data.appendingPathComponent("small-province-one-file").path])
        #expect(whole.status == 0, Comment(rawValue: "bench/whole.py --check-only failed:\n" + whole.output))
        #expect(whole.output.contains("whole check: every result equal"), Comment(rawValue: whole.output))
        #expect(whole.output.contains("small-province-one-file: results equal to iki's for"), Comment(rawValue: whole.output))
    }

    /// bench/banner.py times the shell to its prompt on a pseudo-terminal: it must reach the
    /// prompt after the banner, cold and warm, and the shell must leave on `.quit`.
    @Test("bench/banner.py reaches the shell's prompt cold and warm on the bundled office",
          .enabled(if: python != nil, "python3 is not installed; bash scripts/setup installs it"))
    func bannerReachesThePrompt() throws {
        let iki = try #require(Iki.executable, "the iki executable was not found next to the tests; build it first")
        let banner = try Self.run(try #require(Self.python), [Iki.root.appendingPathComponent("bench/banner.py").path,
                                                              "--check-only", "--iki", iki.path])
        #expect(banner.status == 0, Comment(rawValue: "bench/banner.py --check-only failed:\n" + banner.output))
        #expect(banner.output.contains("banner check: prompt reached and .quit exited 0 for cold (--no-cache), warm (snapshot)"),
                Comment(rawValue: banner.output))
        #expect(banner.output.contains("warm (snapshot): iki: Dinas Koperasi dan Usaha Mikro, Kabupaten Malang: 54 positions"),
                Comment(rawValue: banner.output))
    }
}
