import Foundation
import Testing

/// The snapshot from the command line: a second run reads it and prints exactly what the first
/// printed (results, warnings, errors, exit status); `--no-cache`, `IKI_NO_CACHE=1` and `--safe` write none;
/// `--snapshot FILE` puts it where named; `iki cache` lists and clears the cache folder.
@Suite("Command line: snapshot and iki cache")
struct CacheCLITests {
    /// `iki arguments` in `folder` with its cache in `cache`.
    static func run(_ arguments: [String], cache: TemporaryFolder, in folder: TemporaryFolder? = nil,
                    environment extra: [String: String] = [:]) throws -> Iki.Result {
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CACHE_HOME"] = cache.path
        environment.merge(extra) { $1 }
        return try Iki.run(executable: try Iki.path(), arguments, in: folder, environment: environment)
    }

    static func snapshots(_ cache: TemporaryFolder) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: cache.file("iki"))) ?? []).filter { $0.hasSuffix(".iki-snapshot") }
    }

    static let queries = try! String(contentsOf: Iki.root.appendingPathComponent("examples/monthly-review.iki"), encoding: .utf8)
        + (try! FileManager.default.contentsOfDirectory(atPath: Iki.root.appendingPathComponent("examples/queries").path).sorted()
            .map { try! String(contentsOf: Iki.root.appendingPathComponent("examples/queries/\($0)"), encoding: .utf8) }.joined(separator: "\n"))

    @Test("cold and warm give the same output, warnings and status, over the bundled data's queries and data with errors")
    func warmEqualsCold() throws {
        let cache = try TemporaryFolder(), folder = try TemporaryFolder()
        defer { cache.remove(); folder.remove() }
        try folder.write("bad.csv", "code,period,value\nPP-1,2026-01,12\nNOPE-9,2026-01,3\nPP-1,2026-13,1\n")
        try folder.write("queries.iki", Self.queries)
        let invocations: [[String]] = [
            ["-f", "queries.iki"],
            ["--lang", "id", "-f", "queries.iki"],
            ["--realisations", "bad.csv", "-f", "queries.iki"],
            ["--realisations", "bad.csv", "--strict", "-c", "show indicators limit 3"],
            ["check"],
            ["check", "--catalogue", Bundled.cataloguePath, "--realisations", "bad.csv"],
        ]
        for arguments in invocations {
            let cold = try Self.run(arguments, cache: cache, in: folder)
            let stored = Self.snapshots(cache)
            #expect(!stored.isEmpty, "\(arguments) wrote a snapshot")
            // Made old, so a warm run shows it was read by making it recent again.
            for name in stored {
                try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000)], ofItemAtPath: cache.file("iki/\(name)"))
            }
            let warm = try Self.run(arguments, cache: cache, in: folder)
            #expect(warm.stdout == cold.stdout, "\(arguments)")
            #expect(warm.stderr == cold.stderr, "\(arguments)")
            #expect(warm.status == cold.status, "\(arguments)")
            let used = SnapshotCacheListing.usedSince(cache, Date(timeIntervalSinceNow: -600))
            #expect(used, "\(arguments): the warm run read its snapshot")
        }
    }

    @Test("the small-province tier (bench/generate.py): every query of the set the same cold and warm",
          .enabled(if: BenchSmokeTests.python != nil, "python3 is not installed; bash scripts/setup installs it"))
    func smallProvince() throws {
        let cache = try TemporaryFolder(), folder = try TemporaryFolder()
        defer { cache.remove(); folder.remove() }
        // One process: the tier is small, and the generator's worker pool was seen to hang when
        // forked during a full test run.
        let generated = try Iki.run(executable: try #require(BenchSmokeTests.python),
                                    [Iki.root.appendingPathComponent("bench/generate.py").path, "--tier", "small-province", "--jobs", "1",
                                     "--out", folder.path],
                                    in: folder)
        try #require(generated.status == 0, "bench/generate.py: \(generated.stderr)")
        let data = folder.file("small-province")
        try folder.write("set.iki", """
            show indicators where bidang = "Fasilitasi Pembiayaan" and achievement < 80%;
            show indicators region, office, bidang, avg(achievement) as average, count(*) as indicators group by region, office, bidang;
            show indicators code, achievement order by achievement limit 10;
            show indicators code where realisation is missing;
            show indicators bidang, avg(achievement) as average, avg(previous_achievement) as previous group by bidang;
            show units;
            show positions;
            show realisations;
            """)
        for format in ["table", "csv"] {
            let arguments = ["--catalogue", data + "/catalogues", "--realisations", data + "/realisations", "-f", "set.iki", "--format", format]
            let cold = try Self.run(arguments, cache: cache, in: folder)
            #expect(Self.snapshots(cache).count == 1)
            let warm = try Self.run(arguments, cache: cache, in: folder)
            #expect(warm.status == cold.status && warm.stdout == cold.stdout && warm.stderr == cold.stderr, "\(format)")
            #expect(cold.stdout.count > 10_000)
        }
    }

    @Test("the shell's load statement keeps a snapshot of what it loads, and reads it the next time")
    func loadStatement() throws {
        let cache = try TemporaryFolder(), folder = try TemporaryFolder()
        defer { cache.remove(); folder.remove() }
        try folder.write("more.csv", "code,period,value\nKBBFPEM-1,2026-11,12\n")
        let script = ["-c", "load realisations \"more.csv\"; show realisations code, period, value where period = 2026-11"]
        let cold = try Self.run(script, cache: cache, in: folder)
        #expect(cold.status == 0 && cold.stdout.contains("KBBFPEM-1"))
        #expect(Self.snapshots(cache).count == 2, "the start's data, and the data after load")
        let warm = try Self.run(script, cache: cache, in: folder)
        #expect(warm.stdout == cold.stdout && warm.stderr == cold.stderr)
        #expect(Self.snapshots(cache).count == 2)
    }

    @Test("--no-cache and IKI_NO_CACHE=1 write nothing; --safe reads but writes nothing; --snapshot FILE writes that file only")
    func noCacheSafeAndFile() throws {
        let cache = try TemporaryFolder(), folder = try TemporaryFolder()
        defer { cache.remove(); folder.remove() }
        let query = ["-c", "show indicators code limit 2"]
        let plain = try Self.run(query, cache: cache, in: folder)
        for name in Self.snapshots(cache) { try FileManager.default.removeItem(atPath: cache.file("iki/\(name)")) }

        let noCache = try Self.run(["--no-cache"] + query, cache: cache, in: folder)
        #expect(noCache.stdout == plain.stdout && noCache.status == 0)
        #expect(Self.snapshots(cache).isEmpty)
        let noCacheByEnvironment = try Self.run(query, cache: cache, in: folder, environment: ["IKI_NO_CACHE": "1"])
        #expect(noCacheByEnvironment.stdout == plain.stdout && noCacheByEnvironment.status == 0)
        #expect(Self.snapshots(cache).isEmpty)
        _ = try Self.run(query, cache: cache, in: folder, environment: ["IKI_NO_CACHE": "0"])
        #expect(Self.snapshots(cache).count == 1, "IKI_NO_CACHE=0 keeps the cache on")
        for name in Self.snapshots(cache) { try FileManager.default.removeItem(atPath: cache.file("iki/\(name)")) }
        let safe = try Self.run(["--safe"] + query, cache: cache, in: folder)
        #expect(safe.stdout == plain.stdout && safe.status == 0)
        #expect(Self.snapshots(cache).isEmpty)
        let safeByEnvironment = try Self.run(query, cache: cache, in: folder, environment: ["IKI_SAFE": "1"])
        #expect(safeByEnvironment.stdout == plain.stdout)
        #expect(Self.snapshots(cache).isEmpty)

        let named = try Self.run(["--snapshot", "data.snapshot"] + query, cache: cache, in: folder)
        #expect(named.stdout == plain.stdout && named.stderr == plain.stderr)
        #expect(Self.snapshots(cache).isEmpty)
        #expect(try folder.listing() == ["data.snapshot"])
        #expect(try Self.run(["--snapshot", "data.snapshot"] + query, cache: cache, in: folder).stdout == plain.stdout)
    }

    @Test("a damaged snapshot: a warning naming it, the right results, and the next run clean")
    func damaged() throws {
        let cache = try TemporaryFolder(), folder = try TemporaryFolder()
        defer { cache.remove(); folder.remove() }
        let query = ["--snapshot", "data.snapshot", "-c", "show indicators code, achievement limit 5"]
        let cold = try Self.run(query, cache: cache, in: folder)
        var bytes = try #require(folder.bytes("data.snapshot"))
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: folder.file("data.snapshot")))
        let damaged = try Self.run(query, cache: cache, in: folder)
        #expect(damaged.status == 0 && damaged.stdout == cold.stdout)
        #expect(damaged.stderr.hasPrefix("data.snapshot: warning: damaged snapshot ("))
        #expect(damaged.stderr.contains("the snapshot rebuilt\n"))
        let again = try Self.run(query, cache: cache, in: folder)
        #expect(again.stderr == cold.stderr && again.stdout == cold.stdout)
        try folder.write("data.snapshot", "not a snapshot")
        let foreign = try Self.run(["--lang", "id"] + query, cache: cache, in: folder)
        #expect(foreign.stderr.hasPrefix("data.snapshot: peringatan: bukan snapshot iki"))
        #expect(foreign.stdout.isEmpty == false)
    }

    @Test("iki cache lists the snapshots with their sizes; iki cache clear empties the folder")
    func listAndClear() throws {
        let cache = try TemporaryFolder()
        defer { cache.remove() }
        let empty = try Self.run(["cache"], cache: cache)
        #expect(empty.status == 0 && empty.stdout == "no snapshots in \(cache.path)/iki\n")
        _ = try Self.run(["-c", "show indicators limit 1"], cache: cache)
        _ = try Self.run(["--catalogue", Bundled.cataloguePath, "-c", "show indicators limit 1"], cache: cache)
        let listed = try Self.run(["cache", "list"], cache: cache)
        #expect(listed.status == 0)
        let lines = listed.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.prefix(2).allSatisfy { $0.contains(" KB  ") && $0.hasSuffix(".iki-snapshot") })
        #expect(lines.last?.hasPrefix("2 snapshots, ") == true && lines.last?.hasSuffix(" in \(cache.path)/iki") == true)
        let cleared = try Self.run(["cache", "clear"], cache: cache)
        #expect(cleared.status == 0 && cleared.stdout.hasPrefix("removed 2 snapshots ("))
        #expect(Self.snapshots(cache).isEmpty)
        #expect(try Self.run(["cache", "clear"], cache: cache).stdout.hasPrefix("removed 0 snapshots"))
        let wrong = try Self.run(["cache", "remove"], cache: cache)
        #expect(wrong.status == 2 && wrong.stderr.contains("'remove' is not list or clear"))
    }
}

/// Whether a snapshot in the cache was used (its time set on use) since `date`.
enum SnapshotCacheListing {
    static func usedSince(_ cache: TemporaryFolder, _ date: Date) -> Bool {
        CacheCLITests.snapshots(cache).contains { name in
            let attributes = try? FileManager.default.attributesOfItem(atPath: cache.file("iki/\(name)"))
            return (attributes?[.modificationDate] as? Date).map { $0 > date } ?? false
        }
    }
}
