// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Almanac",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "almanac", targets: ["almanac"]),
        .library(name: "Almanac", targets: ["Almanac"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // The preview server's HTTP: small, no SwiftNIO (see AlmanacServer).
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // libcmark from the system (Debian: libcmark-dev); nothing else lives here.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // zlib from the system (Debian: zlib1g-dev): compresses search index pieces.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "Almanac",
            dependencies: [
                "CCmark",
                "CZlib",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // `almanac serve`: watch, rebuild, live reload. Its own target so the generator builds without it.
        .target(
            name: "AlmanacServer",
            dependencies: [
                "Almanac",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "almanac",
            dependencies: [
                "Almanac",
                "AlmanacServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Deterministic synthetic sites for the benchmark; no dependencies on purpose.
        .executableTarget(
            name: "almanac-corpus",
            path: "Benchmarks/CorpusGenerator"
        ),
        .testTarget(
            name: "AlmanacTests",
            dependencies: ["Almanac"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "AlmanacServerTests",
            dependencies: ["AlmanacServer", "Almanac"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
