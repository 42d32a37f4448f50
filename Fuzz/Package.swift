// swift-tools-version:6.0
// libFuzzer harnesses for iki, built only by `scripts/fuzz TARGET SECONDS` (never by `swift build`
// or `swift test` of the main package): see Fuzz/README.md.
//
// The modules under test are the main package's own sources, reached through symbolic links in
// Sources/ (Base, Catalogue, Query, Render), so they are compiled here with the fuzzer's coverage
// instrumentation and nothing in the main package's manifest changes. When a module is added to
// or split in the main package, mirror it here.
import PackageDescription

let package = Package(
    name: "iki-fuzz",
    platforms: [.macOS(.v13)],
    // As the main package: the zip container of Word and Excel files.
    dependencies: [.package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20")],
    targets: [
        .target(name: "Base"),
        .target(name: "Catalogue", dependencies: ["Base", "ZIPFoundation"]),
        .target(name: "Query", dependencies: ["Catalogue"]),
        .target(name: "Render", dependencies: ["Query", "Catalogue", "ZIPFoundation"]),
        // LLVMFuzzerRunDriver, declared for Swift.
        .target(name: "CFuzzDriver"),
        // The catalogue text reader.
        // Every harness compiles EntryPoints.swift (all three entry points), hence the same modules.
        .executableTarget(name: "FuzzCatalogue", dependencies: ["CFuzzDriver", "Base", "Catalogue", "Query", "Render"]),
        // The organisation file and realisations CSV loaders, over the bundled catalogue.
        .executableTarget(name: "FuzzCSV", dependencies: ["CFuzzDriver", "Base", "Catalogue", "Query", "Render"]),
        // parse -> resolve -> execute -> render in every format, over the bundled dataset.
        .executableTarget(name: "FuzzQuery", dependencies: ["CFuzzDriver", "Base", "Catalogue", "Query", "Render"]),
    ]
)
