// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Rekry",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "rekry", targets: ["rekry"]),
        .executable(name: "rekry-bench", targets: ["RekryBench"]),
        .executable(name: "rekry-fuzz", targets: ["RekryFuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        // For the full-text index file only: the newer SQLite (3.54.1, FTS5 `secure-delete`) compiled into
        // sqlite-nio; this image's system SQLite (3.40) holds the register (docs/performance.md).
        .package(url: "https://github.com/vapor/sqlite-nio", from: "1.13.2"),
        // The team register: PostgreSQL's wire protocol over a Unix socket (peer authentication) or TCP.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // What the PostgreSQL backend uses of postgres-nio's own dependencies: the event loop it waits on, and
        // the logger it silences.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
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
        // What every storage backend offers: plain records and small capability protocols. No SQL.
        .target(name: "RekryStorage", dependencies: ["RekryDomain"]),
        // The gate: access policy, badges, audit orchestration, the write model and the candidate's
        // presentation model, over any `StorageBackend`. No SQL, no GRDB.
        .target(name: "RekryGate", dependencies: [
            "RekryDomain", "RekryCrypto", "RekryStorage",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // The embedded backend: GRDB over SQLite, migrations, sharded full-text index, bulk loading.
        // One C call Swift cannot make (sqlite3_config is variadic): SQLite's allocation statistics off.
        .target(name: "CSQLiteTuning", linkerSettings: [.linkedLibrary("sqlite3")]),
        // A VFS shim that zeroes a b-tree page's free space before the page reaches the database file, so
        // the copies SQLite leaves behind when it rebuilds a page never outlive an erasure. In C: a VFS is a
        // table of C function pointers over raw page bytes.
        .target(name: "CSQLiteScrub", linkerSettings: [.linkedLibrary("sqlite3")]),
        // The same VFS, compiled again against the SQLite inside sqlite-nio, whose functions carry a prefix.
        .target(name: "CSQLiteNIOScrub", dependencies: [
            "CSQLiteScrub", .product(name: "SQLiteNIO", package: "sqlite-nio"),
        ]),
        // The full-text index file: one FTS5 table with `secure-delete`, through sqlite-nio's SQLite 3.54.1. A
        // module of its own, so that the two SQLite C APIs never meet in one Swift file.
        .target(name: "RekryFullText", dependencies: [
            "CSQLiteNIOScrub",
            // It imports "VaporCSQLite", the C module inside this product (not a product of its own, which
            // SwiftPM allows to be imported today).
            .product(name: "SQLiteNIO", package: "sqlite-nio"),
        ]),
        .target(name: "RekrySQLite", dependencies: [
            "RekryDomain", "RekryStorage", "CSQLiteTuning", "CSQLiteScrub", "RekryFullText",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        // The team register on PostgreSQL: the schema, roles and row-level security as SQL migrations (plain
        // strings: no app types), and the backend behind the storage capabilities (docs/postgres.md).
        .target(name: "RekryPostgres", dependencies: [
            "RekryDomain", "RekryStorage",
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // Reading files to import: Excel-Nordic CSV (through CSV.swift) and JSON Resume, into rows the gate
        // validates and writes. No storage: the gate's import desk does that.
        .target(name: "RekryImport", dependencies: [
            "RekryDomain", "RekryGate", .product(name: "CSV", package: "CSV.swift"),
        ]),
        // Opens a register by location with the backend that serves it; the CLI's only way to a backend.
        .target(name: "RekryBackends", dependencies: ["RekryStorage", "RekryGate", "RekrySQLite", "RekryPostgres"]),
        // The deterministic demo register, written through the write model's bulk mode.
        .target(name: "RekryDemo", dependencies: [
            "RekryDomain", "RekryCrypto", "RekryStorage", "RekryGate", "RekryBackends",
        ], resources: [.copy("Resources")]),
        // The terminal UI: screens rendered into a cell buffer. Knows nothing of curses.
        .target(name: "RekryTUI", dependencies: ["RekryDomain", "RekryStorage", "RekryGate"]),
        // The only module that talks to the terminal.
        .target(name: "RekryTerminal", dependencies: ["CNcursesw", "RekryDomain", "RekryStorage", "RekryGate", "RekryTUI"]),
        // The command line: argument parsing and command implementations.
        .target(name: "RekryCLI", dependencies: [
            "RekryDomain", "RekryCrypto", "RekryStorage", "RekryGate", "RekryBackends", "RekryDemo", "RekryTUI", "RekryImport",
            "RekryTerminal",
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
        // The libFuzzer target for import's CSV and JSON Resume mappings (.ci/fuzz).
        .executableTarget(name: "RekryFuzz", dependencies: ["RekryImport"]),
        .executableTarget(name: "RekryBench", dependencies: [
            "RekryDomain", "RekryStorage", "RekryGate", "RekrySQLite", "RekryBackends", "RekryDemo", "RekryTUI", "RekryImport",
            "RekryCrypto", "RekryPostgres",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
            // The benchmark imports "VaporCSQLite", the C module inside this product (not a product of its own,
            // which SwiftPM allows to be imported today): SQLite 3.54.1's C API for the full-text design figures.
            .product(name: "SQLiteNIO", package: "sqlite-nio"),
        ]),
        .target(name: "RekryTestSupport", dependencies: [
            "RekryDomain", "RekryStorage", "RekryGate", "RekrySQLite", "RekryBackends", "RekryCrypto",
            "RekryTUI", "RekryPostgres", .product(name: "GRDB", package: "GRDB.swift"),
        ],
                path: "Tests/RekryTestSupport"),
        .testTarget(name: "RekryDomainTests", dependencies: ["RekryDomain"]),
        .testTarget(name: "RekryGateTests", dependencies: [
            "RekryGate", "RekryStorage", "RekrySQLite", "RekryDomain", "RekryCrypto", "RekryTestSupport",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .testTarget(name: "RekrySQLiteTests", dependencies: [
            "RekrySQLite", "CSQLiteScrub", "RekryFullText", .product(name: "GRDBSQLite", package: "GRDB.swift"), "RekryStorage", "RekryGate", "RekryBackends", "RekryDomain", "RekryCrypto", "RekryTestSupport",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "RekryDemoTests", dependencies: [
            "RekryDemo", "RekryGate", "RekryStorage", "RekrySQLite", "RekryBackends", "RekryDomain", "RekryCrypto", "RekryTestSupport",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "RekryTUITests", dependencies: [
            "RekryTUI", "RekryDomain", "RekryStorage", "RekryGate", "RekrySQLite", "RekryTestSupport",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "RekryCLITests", dependencies: [
            "RekryCLI", "RekryImport", "RekryFullText", "RekryTestSupport", "RekryDomain", "RekryStorage", "RekryGate", "RekryTUI",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Raw psql sessions as each role against a throwaway cluster: the row-level security, not Rekry.
        .testTarget(name: "RekryPostgresTests", dependencies: ["RekryPostgres", "RekryStorage", "RekryTestSupport", "RekryGate", "RekryDomain"]),
    ],
    swiftLanguageModes: [.v6]
)
