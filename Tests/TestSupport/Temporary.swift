import Foundation

/// A fresh folder under the temporary directory, removed by `remove()`.
public struct TemporaryFolder: Sendable {
    public let url: URL
    public var path: String { url.path }

    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("iki-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// An existing folder (the package root, say) to run in; never to be removed.
    public init(existing url: URL) { self.url = url }

    public func file(_ name: String) -> String { url.appendingPathComponent(name).path }

    @discardableResult
    public func write(_ name: String, _ contents: String) throws -> String {
        let path = file(name)
        try contents.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    public func read(_ name: String) throws -> String { try String(contentsOfFile: file(name), encoding: .utf8) }

    public func bytes(_ name: String) -> Data? { FileManager.default.contents(atPath: file(name)) }

    /// The names in the folder (or a subfolder), hidden ones included, sorted.
    public func listing(_ subfolder: String = "") throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: subfolder.isEmpty ? path : file(subfolder)).sorted()
    }

    public func remove() { try? FileManager.default.removeItem(at: url) }
}

/// A file in the temporary directory, removed by `remove()`.
public struct TemporaryFile: Sendable {
    public let path: String

    public init(_ name: String, _ contents: String) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-\(name)").path
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
    }

    public func remove() { try? FileManager.default.removeItem(atPath: path) }
}
