// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Rekry",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "rekry", targets: ["rekry"]),
        .executable(name: "rekry-bench", targets: ["RekryBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // ncursesw, imported through a shim that exposes the wide-character API.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // Pure domain: model, folding, badges, access policy. No I/O, no GRDB.
        .target(name: "RekryDomain"),
        // Keys, identities, report encryption, audit hashing.
        .target(name: "RekryCrypto", dependencies: [
            "RekryDomain",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // The register: GRDB over SQLite. Raw reads are internal; the gate is its only public read path.
        // One C call Swift cannot make (sqlite3_config is variadic): SQLite's allocation statistics off.
        .target(name: "CSQLiteTuning", linkerSettings: [.linkedLibrary("sqlite3")]),
        .target(name: "RekryStore", dependencies: [
            "RekryDomain", "RekryCrypto", "CSQLiteTuning",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
            .product(name: "Crypto", package: "swift-crypto"),
        ], resources: [.copy("Resources")]),
        // The terminal UI: screens rendered into a cell buffer. Knows nothing of curses.
        .target(name: "RekryTUI", dependencies: ["RekryDomain", "RekryStore"]),
        // The only module that talks to the terminal.
        .target(name: "RekryTerminal", dependencies: ["CNcursesw", "RekryTUI"]),
        // The command line: argument parsing and command implementations.
        .target(name: "RekryCLI", dependencies: [
            "RekryDomain", "RekryCrypto", "RekryStore", "RekryTUI", "RekryTerminal",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // The Swift runtime and Foundation are linked in, so a shared host needs no Swift installed and the
        // process binds no symbols across a dozen Swift libraries at start. lld packs the position-independent
        // executable's ~90,000 relative relocations (DT_RELR, glibc 2.36) instead of giving up ASLR with
        // -no-pie. Start to first screen: ~29 ms dynamic, ~12 ms like this (docs/performance.md).
        .executableTarget(name: "rekry", dependencies: ["RekryCLI"], linkerSettings: [
            .unsafeFlags(["-static-stdlib", "-use-ld=lld", "-Xlinker", "--gc-sections", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"]),
            // What the static Foundation needs besides the libraries the dynamic modules name.
            .linkedLibrary("CoreFoundation"), .linkedLibrary("_FoundationICU"), .linkedLibrary("_FoundationCShims"),
            .linkedLibrary("_FoundationCollections"), .linkedLibrary("swiftSynchronization"),
        ]),
        .executableTarget(name: "RekryBench", dependencies: [
            "RekryDomain", "RekryStore", "RekryTUI", "RekryCrypto",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        .target(name: "RekryTestSupport", dependencies: [
            "RekryDomain", "RekryStore", "RekryCrypto", "RekryTUI", .product(name: "GRDB", package: "GRDB.swift"),
        ],
                path: "Tests/RekryTestSupport"),
        .testTarget(name: "RekryDomainTests", dependencies: ["RekryDomain"]),
        .testTarget(name: "RekryStoreTests", dependencies: [
            "RekryStore", "RekryDomain", "RekryCrypto", "RekryTestSupport",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "RekryTUITests", dependencies: ["RekryTUI", "RekryDomain", "RekryStore", "RekryTestSupport"]),
        .testTarget(name: "RekryCLITests", dependencies: [
            "RekryCLI", "RekryTestSupport", "RekryDomain", "RekryStore",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
