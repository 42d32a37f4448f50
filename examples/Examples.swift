import Foundation

/// The bundled data: the office's own catalogue, its organisation file and example targets and
/// realisations for 2026. Used when no `--catalogue` is given.
public enum Examples {
    public static let catalogue = "catalogue.txt"
    public static let organisation = "organisation.csv"
    public static let realisations = ["targets-2026.csv", "realisations-2026.csv"]

    /// The folder holding the bundled files: the resource bundle SwiftPM puts beside the
    /// executable, else this source folder (a checkout). Looked up by hand rather than through
    /// `Bundle.module`, whose accessor stops the program when the bundle is missing.
    public static var directory: String? {
        // The program's folder read from /proc first: Foundation's URL and Bundle take ~1 M
        // instructions, on every start with the bundled data.
        if let program = programPath() {
            let folder = String(program[..<(program.lastIndex(of: "/") ?? program.startIndex)]) + "/iki_Examples.resources"
            if holdsCatalogue(folder) { return folder }
        }
        var candidates: [URL] = []
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        candidates.append(executable.appendingPathComponent("iki_Examples.resources"))
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("iki_Examples.resources"))
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent())
        return candidates.first { holdsCatalogue($0.path) }?.path
    }

    /// The running program's file (Linux's /proc/self/exe); nil where there is none.
    static func programPath() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        return String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func holdsCatalogue(_ folder: String) -> Bool {
        var info = stat()
        return stat(folder + "/" + catalogue, &info) == 0
    }
}
