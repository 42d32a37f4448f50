import ArgumentParser

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
}
