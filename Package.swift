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
        // The offline bundle (`almanac bundle`) is a zip written with fixed timestamps.
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        // The preview server's HTTP: small, no SwiftNIO (see AlmanacServer).
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        // SHA-256 for the build cache's content hashes (BoringSSL's, several times faster than ours would be).
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // libcmark from the system (Debian: libcmark-dev); nothing else lives here.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // libdeflate from the system (Debian: libdeflate-dev): compresses search index pieces
        // at twice zlib's speed and a better ratio, in the zlib format browsers inflate.
        .systemLibrary(
            name: "CDeflate",
            pkgConfig: "libdeflate",
            providers: [.apt(["libdeflate-dev"])]
        ),
        .target(
            name: "Almanac",
            dependencies: [
                "CCmark",
                "CDeflate",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
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
        // Times the search indexer alone on a site (Benchmarks/search-bytes.mjs measures the runtime).
        .executableTarget(
            name: "almanac-search-bench",
            dependencies: ["Almanac"],
            path: "Benchmarks/SearchBench"
        ),
        // Deterministic synthetic sites for the benchmark; no dependencies on purpose.
        // The logic is a library so that the tests can check determinism and links.
        .target(name: "AlmanacCorpus", path: "Benchmarks/AlmanacCorpus"),
        .executableTarget(
            name: "almanac-corpus",
            dependencies: ["AlmanacCorpus"],
            path: "Benchmarks/CorpusGenerator"
        ),
        // One page through the whole pipeline and the checks on its output, for the fuzzer and the
        // tests that replay what it found; `almanac-fuzz` is the libFuzzer target (`make fuzz`).
        .target(name: "AlmanacFuzzing", dependencies: ["Almanac"]),
        .executableTarget(name: "almanac-fuzz", dependencies: ["AlmanacFuzzing"]),
        .testTarget(
            name: "AlmanacTests",
            dependencies: ["Almanac", "AlmanacCorpus", "AlmanacFuzzing", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "AlmanacServerTests",
            dependencies: ["AlmanacServer", "Almanac"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
