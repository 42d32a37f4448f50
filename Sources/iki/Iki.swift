import ArgumentParser
import Foundation

@main
struct Iki: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "iki",
        abstract: "Query Indikator Kinerja Individu (IKI) catalogues and their realisations.",
        discussion: """
        Without --catalogue, the bundled catalogue of Dinas Koperasi dan Usaha Mikro, Kabupaten \
        Malang, its organisation file and example realisations for 2026 are used.
        """,
        subcommands: [Run.self, Check.self, Template.self],
        defaultSubcommand: Run.self
    )

    /// As `ParsableCommand.main`, but a bad invocation exits 2 (the documented status), not
    /// ArgumentParser's 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
