import Catalogue
import Foundation
import Query
import Render

/// `export show ... to "file"`: the result written whole or not at all, a slice of rows at a time
/// (Ctrl-C asked between slices), with a progress line on a terminal and, there, what it wrote.
extension Session {
    func export(_ show: ShowStatement, to rawPath: String, format: String?, at token: Token, lines: SourceLines) throws(Diagnostic) {
        var path = try expand(rawPath, at: token)
        if let safeMode { path = try safeMode.exportPath(path, at: token) }
        let reporter = progress.map(ProgressReporter.init)
        reporter?.begin(.export((path as NSString).lastPathComponent), files: 1, bytes: 0)
        defer { reporter?.finish() }
        let result = try interpreter().run(.show(show))
        reporter?.add(rows: result.rows.count)
        // The progress line goes before a warning is printed, or the two would share a line.
        if !result.warnings.isEmpty { reporter?.finish() }
        for warning in result.warnings { standardError(warning.rendered(lines: lines) + "\n") }
        let chosen: OutputFormat
        if let named = format.flatMap(OutputFormat.init(rawValue:)) { chosen = named } else { chosen = try Self.format(forPath: path, at: token) }
        var exportOptions = options
        exportOptions.format = chosen
        exportOptions.colour = false
        exportOptions.width = nil
        exportOptions.guardFormulas = true
        if let document = chosen.row.document {
            guard let data = document(result, exportOptions) else { throw .error(.cannotWriteExport(path, "the workbook could not be made", unchanged: true), at: token) }
            try AtomicFile.write(data, to: path, at: token)
        } else {
            // Streamed, a slice of rows at a time (Ctrl-C asked between them): the file's
            // whole text is never in memory.
            try AtomicFile.write(to: path, at: token) { write throws(Diagnostic) in
                try Renderer.pieces(result, exportOptions) { piece throws(Diagnostic) in
                    if isInterrupted() { throw .error(.interrupted, at: token) }
                    try write(piece)
                    reporter?.add(bytes: piece.utf8.count)
                }
            }
        }
        if announceExports { standardError(Message.wrote(path, rows: result.rows.count).text + "\n") }
    }
}
