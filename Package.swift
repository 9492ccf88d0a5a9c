// swift-tools-version: 6.0
import Foundation
import PackageDescription

// `make dist` names Debian's libcmark.a here, so that the release binary carries libcmark and
// needs no libcmark.so where it runs; every other build links libcmark.so, found by pkg-config.
let libcmarkArchive = ProcessInfo.processInfo.environment["ARSRAPPORT_LIBCMARK_A"].flatMap { $0.isEmpty ? nil : $0 }

let package = Package(
    name: "arsrapport",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "arsrapport", targets: ["arsrapport"]),
        .library(name: "ReportKit", targets: ["ReportKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        // The HTTP server of `serve`: small, async/await, and it builds in seconds where
        // Hummingbird (SwiftNIO) adds minutes to every clean build in CI.
        .package(url: "https://github.com/swhitty/FlyingFox.git", from: "0.27.1"),
        // CSV tables beside a section. Chosen over SwiftCSV: it reads row by row with explicit
        // quoting rules, so each field's line and column can be worked out (and verified) from
        // the text, which `file.csv:row:col` diagnostics need.
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.2"),
    ],
    targets: [
        // Debian's libcmark-dev (or Homebrew's cmark); found through pkg-config.
        .systemLibrary(
            name: "CCmark",
            path: libcmarkArchive == nil ? "Sources/CCmark" : "Sources/CCmarkStatic",
            pkgConfig: libcmarkArchive == nil ? "libcmark" : nil,
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // The only Swift code that touches cmark: plain Swift values in, plain Swift values out.
        .target(name: "CommonMark", dependencies: ["CCmark"],
                linkerSettings: libcmarkArchive.map { [.unsafeFlags([$0])] } ?? []),
        // Atomic exchange of two directories (renameat2 on Linux), which Glibc's module map hides.
        .target(name: "CFileSwap"),
        .target(
            name: "ReportKit",
            dependencies: [
                "CommonMark",
                "CFileSwap",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        // `serve`: the site from memory over HTTP, rebuilt on change, with live reload.
        .target(
            name: "SiteServer",
            dependencies: ["ReportKit", .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        .executableTarget(
            name: "arsrapport",
            dependencies: [
                "ReportKit",
                "SiteServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "CommonMarkTests", dependencies: ["CommonMark"]),
        .testTarget(name: "ReportKitTests", dependencies: ["ReportKit"], exclude: ["Fixtures"]),
        .testTarget(name: "SiteServerTests", dependencies: ["SiteServer", .product(name: "FlyingFox", package: "FlyingFox")]),
    ],
    swiftLanguageModes: [.v6]
)
