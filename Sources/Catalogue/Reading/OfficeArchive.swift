import Foundation
import ZIPFoundation

/// A Word or Excel file's zip container: its parts by name, unpacked on request. Shared by the
/// Word and Excel readers; no zip or inflate code of our own (ZIPFoundation does both).
public struct OfficeArchive {
    private let archive: Archive
    private let file: String

    /// Opens `path`. A file that is not a zip, or a zip without `[Content_Types].xml` (every
    /// Office document has one), is a diagnostic naming the file.
    public init(path: String) throws(Diagnostic) {
        file = path
        let opened: Archive
        do {
            opened = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            guard FileManager.default.isReadableFile(atPath: path) else {
                throw .error(.unreadableCatalogue(path), at: SourceLocation(file: path, place: ""))
            }
            throw .error(.notAZip, at: SourceLocation(file: path, place: ""))
        }
        archive = opened
        guard archive["[Content_Types].xml"] != nil else {
            throw .error(.zipNotOffice, at: SourceLocation(file: path, place: ""))
        }
    }

    /// The bytes of part `name` (`word/document.xml`), nil when the archive has no such part; a
    /// part that cannot be unpacked (bad CRC, truncated) is a diagnostic.
    public func part(_ name: String) throws(Diagnostic) -> Data? {
        guard let entry = archive[name] else { return nil }
        var data = Data()
        do {
            _ = try archive.extract(entry) { data.append($0) }
        } catch {
            throw .error(.officePartUnreadable(part: name), at: SourceLocation(file: file, place: ""))
        }
        return data
    }

    /// Hands part `name` to `consumer` in the chunks it is inflated in, so a big part (a sheet of
    /// hundreds of thousands of rows) is never held whole; false when there is no such part.
    public func stream(_ name: String, into consumer: (Data) -> Void) throws(Diagnostic) -> Bool {
        guard let entry = archive[name] else { return false }
        do {
            _ = try archive.extract(entry, consumer: consumer)
        } catch {
            throw .error(.officePartUnreadable(part: name), at: SourceLocation(file: file, place: ""))
        }
        return true
    }

    /// Part `name`'s size packed in the archive and unpacked; nil when there is no such part.
    public func size(_ name: String) -> (packed: Int, unpacked: Int)? {
        archive[name].map { (Int(clamping: $0.compressedSize), Int(clamping: $0.uncompressedSize)) }
    }

    /// Every part's name, in the archive's order.
    public var partNames: [String] { archive.map(\.path) }
}
