import Catalogue
import Foundation
import Query

/// `--safe` (or `IKI_SAFE=1`), for running a script someone else wrote, as sqlite3's `-safe` is:
/// the script may query the data it was given and nothing else. `load` and `set output FILE` are
/// refused; `export` writes only into the folder `--export-dir` names, under a name that stays
/// inside it: no absolute path, no `..`, no symbolic link on the way.
public struct SafeMode: Sendable, Equatable {
    /// Where exports go; nil refuses every export.
    public var exportDirectory: String?

    public init(exportDirectory: String?) {
        self.exportDirectory = exportDirectory
    }

    /// Whether the environment asks for safe mode: `IKI_SAFE` set to anything but empty or `0`.
    public static func requested(by environment: [String: String]) -> Bool {
        guard let value = environment["IKI_SAFE"] else { return false }
        return !value.isEmpty && value != "0"
    }

    /// The file an export named `name` (parameters expanded) writes: inside the export folder, or
    /// an error at `token`.
    func exportPath(_ name: String, at token: Token) throws(Diagnostic) -> String {
        try exportPath(name, at: token.location, length: token.length)
    }

    /// The file `-o PATH` writes in safe mode: a path (as given, from the working folder) inside
    /// the export folder, checked as an export's name is; an error naming the path otherwise.
    public func outputPath(_ path: String) throws(Diagnostic) -> String {
        guard let directory = exportDirectory else { throw .error(.outputNeedsExportDir) }
        let here = FileManager.default.currentDirectoryPath
        func absolute(_ p: String) -> String {
            ((p.hasPrefix("/") ? p : (here as NSString).appendingPathComponent(p)) as NSString).standardizingPath
        }
        let folder = absolute(directory)
        let file = absolute(path)
        // `..` is gone from both (standardized), so a prefix is a place inside; links are checked below.
        guard file.hasPrefix(folder + "/") else { throw .error(.outputOutsideExportDir(path, folder: directory)) }
        _ = try SafeMode(exportDirectory: folder).exportPath(String(file.dropFirst(folder.count + 1)), at: nil, length: 1)
        return path
    }

    func exportPath(_ name: String, at token: SourceLocation?, length: Int) throws(Diagnostic) -> String {
        guard let directory = exportDirectory else { throw .error(.exportNeedsDirectory, at: token, length: length) }
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        if name.hasPrefix("/") || name.hasPrefix("~") || name.isEmpty {
            throw .error(.exportOutsideFolder(name, folder: directory, reason: .absolutePath), at: token, length: length)
        }
        if parts.contains(where: { $0 == ".." }) {
            throw .error(.exportOutsideFolder(name, folder: directory, reason: .parentFolder), at: token, length: length)
        }
        if name.contains("\0") || parts.contains(where: \.isEmpty) {
            throw .error(.exportOutsideFolder(name, folder: directory, reason: .emptyPart), at: token, length: length)
        }
        // Every part that exists already must be a real folder (or, last, a file): a symbolic
        // link could lead anywhere. (The last part, if a link, would be replaced, not followed.)
        var path = directory
        for part in parts where part != "." {
            path = (path as NSString).appendingPathComponent(String(part))
            var info = stat()
            if lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK {
                throw .error(.exportOutsideFolder(name, folder: directory, reason: .symbolicLink(String(part))), at: token, length: length)
            }
        }
        return path
    }
}
