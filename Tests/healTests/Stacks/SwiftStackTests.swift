import Foundation
import Testing
import TestSupport

/// `heal init` + `heal run` on a real SwiftPM package with an XCTest and a Swift Testing target
/// (`swift test --parallel` on Linux, `--filter {id_re}`).
@Suite("stack: swift test", .serialized)
struct SwiftStackTests {
    static let files = [
        "Package.swift": """
            // swift-tools-version: 5.9
            import PackageDescription

            let package = Package(
                name: "Shop",
                targets: [
                    .target(name: "Shop"),
                    .testTarget(name: "ShopTests", dependencies: ["Shop"]),
                ]
            )

            """,
        "Sources/Shop/Price.swift": """
            /// Adds tax to a net price.
            public func total(_ net: Double, rate: Double) -> Double {
                net + net * rate
            }

            /// Takes a share off.
            public func discount(_ net: Double, share: Double) -> Double {
                net - net * share
            }

            """,
        "Tests/ShopTests/PriceTests.swift": """
            import XCTest
            @testable import Shop

            final class PriceTests: XCTestCase {
                func testTotalWithHalfTax() {
                    XCTAssertEqual(total(10, rate: 0.5), 15)
                }

                func testDiscountByHalf() {
                    XCTAssertEqual(discount(10, share: 0.5), 5)
                }
            }

            """,
        "Tests/ShopTests/NoTaxTests.swift": """
            import Testing
            @testable import Shop

            @Suite struct NoTax {
                @Test func totalWithoutTax() {
                    #expect(total(10, rate: 0) == 10)
                }

                @Test func totalWithFullTax() {
                    #expect(total(10, rate: 1) == 20)
                }
            }

            """,
        ".gitignore": "/.build\n/Package.resolved\n",
    ]

    @Test func findsTheCulpritAndStagesTheRevert() throws {
        let project = try StackProject(files: Self.files, runner: "swift test")
        let culprit = try project.deploy(
            cause: .init(file: "Sources/Shop/Price.swift", old: "    net + net * rate\n", new: "    net + rate\n"),
            harmless: .init(file: "Sources/Shop/Price.swift", old: "/// Takes a share off.", new: "/// Takes a share off the net price."))
        let json = try project.expectStagedFix(test: "ShopTests.PriceTests/testTotalWithHalfTax", culprit: culprit,
                                               file: "Sources/Shop/Price.swift", fixed: "net + net * rate",
                                               coverage: "the test's own coverage (coverage.test)")
        // The Swift Testing test the culprit breaks too reruns by {swift_filter}: the same cause.
        let verdicts = json["verdicts"] as? [[String: Any]] ?? []
        let swiftTesting = verdicts.first { $0["test"] as? String == "ShopTests.NoTax/totalWithFullTax()" }
        #expect(swiftTesting?["verdict"] as? String == "introduced", "\(verdicts)")
        #expect(swiftTesting?["culprit"] as? String == culprit)
    }

    @Test func aDeployThatBreaksTheBuildIsABuildFailureOfTheWholeSuite() throws {
        let project = try StackProject(files: Self.files, runner: "swift test")
        let culprit = try project.deploy(
            cause: .init(file: "Sources/Shop/Price.swift", old: "    net + net * rate\n", new: "    net + net * rate +\n"),
            harmless: .init(file: "Sources/Shop/Price.swift", old: "/// Takes a share off.", new: "/// Takes a share off the net price."))
        let json = try project.expectStagedFix(test: "(suite)", culprit: culprit, file: "Sources/Shop/Price.swift",
                                               fixed: "net + net * rate\n")
        let regression = (json["regressions"] as? [[String: Any]])?.first
        #expect(regression?["kind"] as? String == "build-failure")
        #expect((regression?["missingTests"] as? [String])?.contains("ShopTests.PriceTests/testTotalWithHalfTax") == true)
    }
}
