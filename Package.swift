// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "heal",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "heal", targets: ["heal"]),
        .library(name: "HealKit", targets: ["HealKit"]),
        .library(name: "GitKit", targets: ["GitKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"]), .brew(["libgit2"])]
        ),
        .target(name: "GitKit", dependencies: ["CLibGit2"]),
        // JUnit XML is read with libxml2's SAX2 push parser directly (see JUnitReader+LibXML2.swift).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .target(
            name: "HealKit",
            dependencies: [
                "GitKit", "CLibXML2",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Subprocess", package: "swift-subprocess"),
            ]
        ),
        .executableTarget(
            name: "heal",
            dependencies: [
                "HealKit", "GitKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers shared by the test targets: temp git repositories and subprocesses.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "GitKitTests", dependencies: ["GitKit", "TestSupport"]),
        .testTarget(
            name: "HealKitTests",
            dependencies: ["HealKit", "GitKit", "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
        // Drives the built `heal` binary end to end; depending on it makes `swift test` build it.
        .testTarget(name: "healTests", dependencies: ["heal", "HealKit", "GitKit", "TestSupport"]),
    ]
)
