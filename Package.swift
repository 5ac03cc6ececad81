// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "thidua",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "thidua", targets: ["thidua"]),
        .library(name: "ThiDuaKit", targets: ["ThiDuaKit"]),
        .library(name: "ThiDuaDocx", targets: ["ThiDuaDocx"]),
        .library(name: "ThiDuaWorkspace", targets: ["ThiDuaWorkspace"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        // The web app's HTTP server (README, "thidua serve", says why FlyingFox).
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
    ],
    targets: [
        // The C library, found through pkg-config; apt installs it on Debian.
        .systemLibrary(
            name: "CXlsxWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        // Turns Templates/*.mustache into Swift string constants so the built-in
        // templates work whichever directory the binary runs from.
        .executableTarget(name: "embed-templates"),
        .plugin(
            name: "EmbedTemplates",
            capability: .buildTool(),
            dependencies: ["embed-templates"]
        ),
        // Turns Web/ (the web app's HTML, CSS and JavaScript) into Swift constants the same
        // way, so `thidua serve` needs no file beside the binary and no network.
        .plugin(
            name: "EmbedWebAssets",
            capability: .buildTool(),
            dependencies: ["embed-templates"]
        ),
        .target(
            name: "ThiDuaKit",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            plugins: ["EmbedTemplates"]
        ),
        .target(
            name: "ThiDuaXlsx",
            dependencies: ["CXlsxWriter", "ThiDuaKit"]
        ),
        // libxml2's SAX2 push parser, found through pkg-config (Debian: libxml2-dev).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // libzip, found through pkg-config (Debian: libzip-dev): the zip container of
        // .xlsx, read from memory (README, "Libraries", says why not ZIPFoundation).
        .systemLibrary(
            name: "CLibZip",
            pkgConfig: "libzip",
            providers: [.apt(["libzip-dev"])]
        ),
        // Word documents (.docx) in the official layout: WordprocessingML parts from the
        // view model and the docx templates, zipped in memory by libzip. No file access.
        .target(
            name: "ThiDuaDocx",
            dependencies: [
                // libxml2: the parts a user's Word templates render are checked well-formed.
                "ThiDuaKit", "CLibZip", "CLibXML2",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // Reads the units' filled .xlsx workbooks into figure records: zip through
        // libzip (from memory, never extracted to disk), sheet XML streamed through
        // libxml2. Takes bytes, never a path.
        .target(
            name: "ThiDuaXlsxReader",
            dependencies: ["ThiDuaKit", "CLibXML2", "CLibZip"]
        ),
        // Every file access of a document: the guarded opening of whatever a data file
        // names, figure sources, the document job, the output sets, the format registry.
        .target(
            name: "ThiDuaWorkspace",
            dependencies: ["ThiDuaKit", "ThiDuaXlsx", "ThiDuaXlsxReader", "ThiDuaDocx"]
        ),
        // The web app (`thidua serve`): routes, security gates, the editor's assets. A thin
        // face like the CLI: every rule in ThiDuaKit, every file access in ThiDuaWorkspace.
        .target(
            name: "ThiDuaServer",
            dependencies: [
                "ThiDuaKit",
                "ThiDuaWorkspace",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ],
            plugins: ["EmbedWebAssets"]
        ),
        .executableTarget(
            name: "thidua",
            dependencies: [
                "ThiDuaKit",
                "ThiDuaXlsx",
                "ThiDuaWorkspace",
                "ThiDuaServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // libFuzzer target for the document loader: scripts/fuzz.sh builds it
        // with AddressSanitizer, coverage and -DFUZZING into .build-fuzz. A
        // plain build makes a replayer (`fuzz-document FILE…`) running saved
        // inputs through the same harness (both modes live in FuzzDriver).
        // libFuzzer entry point (or file replayer) shared by the fuzz targets.
        .target(name: "FuzzDriver"),
        .executableTarget(
            name: "fuzz-document",
            dependencies: ["ThiDuaKit", "FuzzDriver"]
        ),
        // The same for the CSV figures loader and the report statistics.
        .executableTarget(
            name: "fuzz-figures",
            dependencies: ["ThiDuaKit", "FuzzDriver"]
        ),
        // The same for template sets (`--templates`): a fuzzed folder rendering the example.
        .executableTarget(
            name: "fuzz-templates",
            dependencies: ["ThiDuaKit", "FuzzDriver"]
        ),
        // The same for workbooks (.xlsx) as figures files: zip, XML and cells fuzzed.
        .executableTarget(
            name: "fuzz-xlsx-figures",
            dependencies: ["ThiDuaKit", "ThiDuaXlsxReader", "FuzzDriver"]
        ),
        // Deterministic synthetic inputs for bench/run and the large-input tests; kept
        // out of the libraries a user runs.
        .target(
            name: "BenchSupport",
            dependencies: ["ThiDuaKit", "ThiDuaXlsx"]
        ),
        // Benchmark helper (bench/run): times in-process work such as the workbook alone.
        .executableTarget(
            name: "thidua-bench",
            dependencies: ["ThiDuaKit", "ThiDuaXlsx", "ThiDuaDocx", "ThiDuaWorkspace", "BenchSupport"]
        ),
        .testTarget(
            name: "ThiDuaKitTests",
            dependencies: [
                "ThiDuaKit",
                "BenchSupport",
                "TestFixtures",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            // Golden files and the bad-input corpus are read through #filePath.
            exclude: ["Golden/Expected", "Corpus", "TemplateCorpus", "FigureCorpus"]
        ),
        .testTarget(
            name: "ThiDuaXlsxTests",
            dependencies: ["ThiDuaXlsx", "ThiDuaKit", "BenchSupport"],
            exclude: ["Scripts"]
        ),
        // Data files shared by the test targets.
        .target(name: "TestFixtures", dependencies: ["ThiDuaKit"], path: "Tests/TestFixtures"),
        .testTarget(
            name: "ThiDuaWorkspaceTests",
            dependencies: ["ThiDuaWorkspace", "ThiDuaKit", "ThiDuaXlsx", "BenchSupport", "TestFixtures"]
        ),
        .testTarget(
            name: "ThiDuaDocxTests",
            dependencies: [
                "ThiDuaDocx", "ThiDuaKit", "ThiDuaWorkspace", "BenchSupport", "CLibZip", "TestFixtures",
            ],
            // Golden parts and the judge scripts are read through #filePath.
            exclude: ["Expected", "Scripts"]
        ),
        .testTarget(
            name: "ThiDuaXlsxReaderTests",
            dependencies: ["ThiDuaXlsxReader", "ThiDuaXlsx", "ThiDuaKit"]
        ),
        .testTarget(
            name: "ThiDuaServerTests",
            dependencies: [
                "ThiDuaServer", "ThiDuaKit", "ThiDuaWorkspace", "TestFixtures",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["ThiDuaKit", "thidua", "TestFixtures"],
            // Fixture makers and judges (openpyxl, zipfile) run by the xlsx tests.
            exclude: ["Scripts"]
        ),
    ],
    swiftLanguageModes: [.v5]
)
