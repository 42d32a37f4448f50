import ArgumentParser
import Catalogue
import Foundation
import Query
import Render
import Shell

/// `-o FILE` for the subcommands that print (`check`, `template`, `organisation`, `lint`): the
/// output goes to the file whole or not at all (Shell/AtomicFile.swift), and in safe mode only
/// inside `--export-dir`. The `run` command has its own `-o` (results kept until every statement
/// has run), checked by the same `SafeMode.outputPath`.
struct OutputOptions: ParsableArguments {
    @Option(name: [.customShort("o"), .long], help: ArgumentHelp(Message.outputOptionHelp.text, valueName: "file"))
    var output: String?

    @Flag(name: .long, help: ArgumentHelp(Message.safeHelp.text))
    var safe = false

    @Option(name: .long, help: ArgumentHelp(Message.exportDirHelp.text, valueName: "dir"))
    var exportDir: String?

    /// The format a file named by `-o` asks for by its extension, when the command's `--format`
    /// leaves it to the file.
    var named: OutputFormat? { output.flatMap { OutputFormat(extension: Text.fileExtension($0)) } }

    /// Checks the options before any work: `--export-dir` needs safe mode, and in safe mode `-o`
    /// must name a file inside it. Exit 2 when not.
    func validated() throws -> OutputOptions {
        try Self.validate(output: output, safe: safe, exportDir: exportDir)
        return self
    }

    /// The check itself, also for `iki report`'s own `--output`.
    static func validate(output: String?, safe: Bool, exportDir: String?) throws {
        let safeMode = safe || SafeMode.requested(by: Iki.environment)
        if !safeMode {
            if exportDir != nil { throw ValidationError(Message.exportDirWithoutSafe.text) }
            return
        }
        guard let output else { return }
        do {
            _ = try SafeMode(exportDirectory: exportDir).outputPath(output)
        } catch {
            throw ValidationError(error.message)
        }
    }

    /// A result in `options`' format (a workbook for .xlsx) on standard output or in the file.
    func write(_ result: ResultSet, _ options: RenderOptions) throws {
        var options = options
        if output != nil {
            // A file is for people to open, perhaps in a spreadsheet.
            options.guardFormulas = true
            options.colour = false
            options.width = nil
        }
        if let document = options.format.row.document {
            guard let output else { throw ValidationError(Message.formatForFilesOnly(options.format.rawValue).text) }
            guard let data = document(result, options) else { throw ExitCode(1) }
            try write(data, to: output)
            return
        }
        try write(Renderer.render(result, options))
    }

    /// Text on standard output, or the file whole.
    func write(_ text: String) throws {
        guard let output else {
            StandardStreams.writeOutput(text)
            return
        }
        try write(Data(text.utf8), to: output)
    }

    func write(_ data: Data, to path: String) throws {
        do {
            try AtomicFile.write(data, to: path)
        } catch {
            report([error])
            throw ExitCode(1)
        }
    }
}
