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
        var candidates: [URL] = []
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        candidates.append(executable.appendingPathComponent("iki_Examples.resources"))
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("iki_Examples.resources"))
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent())
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent(catalogue).path) }?.path
    }
}
