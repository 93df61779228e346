// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Almanac",
    // macOS 15 for the Synchronization module's Mutex, which the server and CLI lock their state with.
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "almanac", targets: ["almanac"]),
        .library(name: "Almanac", targets: ["Almanac", "AlmanacProducts"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // The template library the theme was written for: the tests render the theme and a generated
        // set of templates through it and through our engine (AlmanacRender/Templates), byte for byte.
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
        // The library, one target per pipeline stage, each depending only on earlier stages, so
        // that the compiler refuses a stage that reaches a later one (see README, «Устройство»).
        // Values every stage shares: diagnostics, configuration, the build cache's codec.
        .target(
            name: "AlmanacCore",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // load: content/ → [SourcePage] (discovery, front matter, schemas).
        .target(name: "AlmanacContent", dependencies: ["AlmanacCore"]),
        // markdown: the one place that speaks C (cmark) and the GFM layer over its tree.
        .target(name: "AlmanacMarkdown", dependencies: ["AlmanacCore", "CCmark"]),
        // plan and graph: addresses, links, sections, navigation → Site.
        .target(name: "AlmanacSite", dependencies: ["AlmanacCore", "AlmanacContent", "AlmanacMarkdown"]),
        // checks over the whole site: orphans, repeated paragraphs, approvals.
        .target(name: "AlmanacLint", dependencies: ["AlmanacCore", "AlmanacContent", "AlmanacMarkdown", "AlmanacSite"]),
        // index: Site → the search index pieces.
        .target(name: "AlmanacSearch", dependencies: ["AlmanacCore", "AlmanacContent", "AlmanacMarkdown", "AlmanacSite", "CDeflate"]),
        // theme: Site → HTML through Mustache templates, sitemap and feed.
        .target(
            name: "AlmanacRender",
            dependencies: ["AlmanacCore", "AlmanacContent", "AlmanacMarkdown", "AlmanacSite"]
        ),
        // write: the staged writer, which swaps a finished site into place.
        .target(name: "AlmanacOutput", dependencies: ["AlmanacCore"]),
        // The driver that runs the stages, for `build`, `check` and `serve`, and its cache.
        .target(
            name: "Almanac",
            dependencies: [
                "AlmanacCore", "AlmanacContent", "AlmanacMarkdown", "AlmanacSite", "AlmanacLint",
                "AlmanacSearch", "AlmanacRender", "AlmanacOutput",
            ]
        ),
        // What is made on top of a build: the offline bundle, the approvers' export, new sites.
        .target(
            name: "AlmanacProducts",
            dependencies: ["Almanac", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
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
                "AlmanacProducts",
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
            dependencies: [
                "Almanac", "AlmanacProducts", "AlmanacCorpus", "AlmanacFuzzing",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "AlmanacServerTests",
            dependencies: ["AlmanacServer", "Almanac"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
