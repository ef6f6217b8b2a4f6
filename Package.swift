// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Rapport",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "rapport", targets: ["rapport"]),
        .library(name: "RapportCore", targets: ["RapportCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // The C library, through pkg-config; `apt-get install libsqlite3-dev` provides it.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // The PostgreSQL client library (team mode), through pkg-config; `apt-get install
        // libpq-dev` provides it. libpq rather than postgres-nio: a synchronous client fits
        // the synchronous commands, and libpq itself reads the URL, PGPASSWORD, ~/.pgpass
        // and sslmode exactly as psql does (docs/team.md).
        .systemLibrary(
            name: "CPostgres",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        // zlib, through pkg-config (`apt-get install zlib1g-dev`): inflate and CRC-32 for
        // reading .xlsx workbooks (docs/import.md says why not ZIPFoundation's reader).
        .systemLibrary(
            name: "CInflate",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // Storage, model, calendar, scheduling, rendering, audit and import: no CLI code here.
        .target(
            name: "RapportCore",
            dependencies: [
                "CSQLite",
                "CPostgres",
                "CInflate",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // One file per subcommand; shared options in GlobalOptions.swift.
        .target(
            name: "RapportCLI",
            dependencies: [
                "RapportCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "rapport", dependencies: ["RapportCLI"]),
        .executableTarget(name: "rapport-bench", dependencies: ["RapportCore"], path: "Benchmarks/rapport-bench"),
        .testTarget(
            name: "RapportCoreTests",
            dependencies: ["RapportCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "RapportCLITests", dependencies: ["RapportCLI"]),
        // Through the built executables: team mode against a real server (skipped without
        // RAPPORT_TEST_POSTGRES; .ci/run sets it), and export round trips (SQLite always).
        .testTarget(name: "RapportPostgresTests", dependencies: ["RapportCore"]),
    ]
)
