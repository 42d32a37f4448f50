import Foundation
import ZIPFoundation

/// A Word or Excel file opened as what it is, a zip of XML parts (`word/document.xml`,
/// `xl/workbook.xml`, ...). Readers ask for parts by name; the zip itself (and inflate) is
/// ZIPFoundation's. A file that is not a zip, or a zip that is neither Word nor Excel, is a
/// diagnostic naming the file, so a user is never shown a zip's bytes as "not valid UTF-8".
public struct OfficeArchive {
    private let archive: Archive
    private let path: String

    /// Every part's name, in the zip's order.
    public var partNames: [String] { archive.map(\.path) }

    public init(path: String) throws(Diagnostic) {
        self.path = path
        let url = URL(fileURLWithPath: path)
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw .error(.cannotReadFile(path, reason: FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file"))
        }
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw .error(.notAnOfficeZip(path), at: SourceLocation(file: path, line: 1), notes: [.saveAsOffice])
        }
        guard archive["[Content_Types].xml"] != nil, archive["word/document.xml"] != nil || archive["xl/workbook.xml"] != nil else {
            throw .error(.zipNotOffice(path), at: SourceLocation(file: path, line: 1), notes: [.saveAsOffice])
        }
    }

    /// The part's bytes, nil when the zip has no such part; a part that cannot be inflated is a
    /// diagnostic (a damaged file).
    public func part(_ name: String) throws(Diagnostic) -> Data? {
        guard let entry = archive[name] else { return nil }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
        } catch {
            throw .error(.damagedOfficePart(path, part: name), at: SourceLocation(file: path, line: 1))
        }
        return data
    }
}
