// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "iki",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "iki", targets: ["iki"]),
    ],
    dependencies: [
        // A declarative CLI with generated --help.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The zip container of Word and Excel files (read and write); no hand-written zip or inflate.
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // What every stage uses: source locations and diagnostics, the message catalogue, nearest
        // names, numbers as text, periods, and the CSV reader and writer.
        .target(name: "Base"),
        // The catalogue: model, readers (text, Word) feeding one builder, codes, organisation (inferred
        // and from a file), realisations CSV and the achievement arithmetic.
        .target(name: "Catalogue", dependencies: ["Base", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // The bundled catalogue, organisation and example realisations, as resources.
        .target(
            name: "Examples",
            path: "examples",
            exclude: ["scripts", "queries", "README.md", "monthly-review.iki"],
            sources: ["Examples.swift"],
            resources: [
                .copy("catalogue.txt"), .copy("organisation.csv"),
                .copy("targets-2026.csv"), .copy("realisations-2026.csv"),
            ]
        ),
        // The query language: lexer, parser, resolver, interpreter.
        .target(name: "Query", dependencies: ["Catalogue"]),
        // Output formats: table, CSV, TSV, JSON, Markdown.
        .target(name: "Render", dependencies: ["Query", "Catalogue", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // A session of statements and settings, the same for the REPL, -c and scripts.
        .target(name: "Shell", dependencies: ["Query", "Render", "Catalogue"]),
        // libedit, for the REPL's line editing.
        .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        // The interactive shell: line editing, history, completion, multi-line statements.
        .target(name: "REPL", dependencies: ["CEditLine", "Shell", "Query", "Render", "Catalogue"]),
        .executableTarget(
            name: "iki",
            dependencies: [
                "Catalogue",
                "Query",
                "Render",
                "Shell",
                "REPL",
                "Examples",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What the test targets share: the package root, the bundled data, the built `iki` run as a
        // process, temporary files and folders, Python's csv module and csv-spectrum.
        .target(name: "TestSupport", dependencies: ["Catalogue"], path: "Tests/TestSupport"),
        .testTarget(name: "CatalogueTests", dependencies: ["Base", "Catalogue", "TestSupport"]),
        .testTarget(name: "QueryTests", dependencies: ["Query", "Render", "Catalogue", "TestSupport"]),
        .testTarget(name: "ShellTests", dependencies: ["Shell", "Query", "Render", "Catalogue", "iki", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["iki", "TestSupport"]),
        // Rules about the repository itself: file sizes, ARCHITECTURE.md naming every source file,
        // a golden case for every statement and output format.
        .testTarget(name: "RepositoryTests", dependencies: ["Query", "Render", "TestSupport"]),
        // Golden outputs: every case in Tests/Golden/cases, the documentation's examples and the
        // example scripts, run through the built `iki` and compared with their expected files.
        .testTarget(name: "GoldenTests", dependencies: ["iki", "TestSupport"]),
        .testTarget(name: "REPLTests", dependencies: ["REPL", "Shell", "Query", "Catalogue", "iki", "TestSupport"]),
    ]
)
