import Foundation
import Testing

/// The built `iki` program, run as a separate process. SwiftPM puts it in the same folder as the
/// test runner (`<scratch>/debug/ikiPackageTests.xctest` on Linux,
/// `.../ikiPackageTests.xctest/Contents/MacOS/...` on macOS), whatever the scratch path; the
/// package's own scratch folders are a fallback.
public enum Iki {
    /// The package root.
    public static let root = packageRoot

    /// `iki` beside the test runner, else in `debug/` of the first of `fallbacks` (scratch folders
    /// under the package root) that has one.
    public static func locate(fallbacks: [String] = [".build-tests", ".build"]) -> URL? {
        var folders: [URL] = []
        for start in [URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath(), Bundle.main.bundleURL]
            + Bundle.allBundles.map(\.bundleURL) {
            var folder = start.hasDirectoryPath ? start : start.deletingLastPathComponent()
            for _ in 0..<4 {
                folders.append(folder)
                folder = folder.deletingLastPathComponent()
            }
        }
        for scratch in fallbacks { folders.append(root.appendingPathComponent(scratch).appendingPathComponent("debug")) }
        return folders.lazy.map { $0.appendingPathComponent("iki") }.first { url in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
                && FileManager.default.isExecutableFile(atPath: url.path)
        }
    }

    public static let executable: URL? = locate()

    /// The program's path; an issue is recorded, and the test stops, when it was not found.
    public static func path() throws -> String {
        try #require(executable, "the iki executable was not found next to the tests; build it first").path
    }

    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String

        public init(status: Int32, stdout: String, stderr: String) {
            self.status = status
            self.stdout = stdout
            self.stderr = stderr
        }
    }

    /// Runs `iki arguments` in `folder` (a fresh temporary one when nil) with `stdin` as its
    /// standard input (empty when nil: not a terminal). Output goes through files, so a long
    /// output cannot block it.
    public static func run(_ arguments: [String], stdin: String? = nil, in folder: TemporaryFolder? = nil) throws -> Result {
        try run(executable: try path(), arguments, stdin: stdin, in: folder)
    }

    /// Runs `sh -c script` (with `$IKI` set to the program) in `folder`.
    public static func shell(_ script: String, in folder: TemporaryFolder) throws -> Result {
        var environment = ProcessInfo.processInfo.environment
        environment["IKI"] = try path()
        return try run(executable: "/bin/sh", ["-c", script], in: folder, environment: environment)
    }

    /// Runs `executable arguments` in `folder` (a fresh temporary one when nil), with `stdin` as
    /// its standard input (empty when nil) and `environment` (the tests' own when nil; no user
    /// configuration file and a fresh snapshot cache either way unless it names XDG_CONFIG_HOME
    /// or XDG_CACHE_HOME).
    public static func run(executable: String, _ arguments: [String], stdin: String? = nil, in folder: TemporaryFolder?,
                           environment: [String: String]? = nil) throws -> Result {
        let work = try folder ?? TemporaryFolder()
        defer { if folder == nil { work.remove() } }
        let capture = try TemporaryFolder()
        defer { capture.remove() }
        let out = try capture.write("stdout", ""), err = try capture.write("stderr", ""), input = try capture.write("stdin", stdin ?? "")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = work.url
        // A configuration file of the developer's own (~/.config/iki/iki.toml) must not change a test.
        var chosen = environment ?? ProcessInfo.processInfo.environment
        if chosen["XDG_CONFIG_HOME"] == nil { chosen["XDG_CONFIG_HOME"] = "/nonexistent/iki-test-config" }
        // Nor may a test write snapshots into the developer's ~/.cache, or read one: each run
        // has its own cache folder, gone with the run, unless the test names one.
        if chosen["XDG_CACHE_HOME"] == nil { chosen["XDG_CACHE_HOME"] = capture.file("cache") }
        process.environment = chosen
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: input))
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: try String(contentsOfFile: out, encoding: .utf8),
                      stderr: try String(contentsOfFile: err, encoding: .utf8))
    }
}
