import Foundation
import Testing

/// Python's csv module, as a reader independent of the project's own.
public enum PythonCSV {
    public static let executable: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":")
            .map { URL(fileURLWithPath: String($0)).appendingPathComponent("python3") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()
    public static let absent: Comment = "python3 not found on PATH: the CSV output is not checked with Python's csv module"

    // strict=True: fail on anything Python would otherwise have to guess at.
    static let script = """
        import csv, json, sys
        with open(sys.argv[1], newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f, delimiter=sys.argv[2], strict=True))
        json.dump(rows, sys.stdout)
        """

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The records Python reads from `text`.
    public static func read(_ text: String, delimiter: Character = ",") throws -> [[String]] {
        guard let executable else { throw Failure(description: "python3 not found") }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("iki-csv-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["-c", script, file.path, String(delimiter)]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let json = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "python3 failed: \(String(decoding: message, as: UTF8.self))")
        }
        return try JSONDecoder().decode([[String]].self, from: json)
    }
}

/// csv-spectrum, kept beside the package at `<root>/../shared/conformance/csv-spectrum`:
/// `csvs/NAME.csv` and `json/NAME.json`.
public enum CSVSpectrumFiles {
    public static let directory = packageRoot
        .appendingPathComponent("../shared/conformance/csv-spectrum").standardizedFileURL
    public static let csvs = directory.appendingPathComponent("csvs")
    public static let isAvailable = FileManager.default.fileExists(atPath: csvs.path)

    /// The names of the `.csv` files in `csvs/`, with the extension, sorted.
    public static let csvFiles: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: csvs.path)) ?? [])
        .filter { $0.hasSuffix(".csv") }.sorted()
}
