import ArgumentParser
import Catalogue
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
        version: "iki \(Iki.version)",
        subcommands: [Run.self, Check.self, Template.self, OrganisationCommand.self, Lint.self, ReportCommand.self],
        defaultSubcommand: Run.self
    )

    /// The release, printed by `iki --version`.
    static let version = "0.1.0"

    /// As `ParsableCommand.main`, but a bad invocation exits 2 (the documented status), not
    /// ArgumentParser's 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            // As ArgumentParser's exit(withError:), but through StandardStreams, so help whose
            // output was lost (`iki --help > /dev/full`) exits 1, not 0.
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .validationFailure {
                StandardStreams.writeError(message + "\n")
                Foundation.exit(2)
            }
            if !message.isEmpty {
                if code == .success { StandardStreams.writeOutput(message + "\n") } else { StandardStreams.writeError(message + "\n") }
            }
            Foundation.exit(code.rawValue)
        }
    }
}
