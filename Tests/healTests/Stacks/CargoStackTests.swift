import Foundation
import Testing
import TestSupport

/// `heal init` + `heal run` on a real cargo crate, read from libtest's stable text output.
@Suite("stack: cargo test", .serialized)
struct CargoStackTests {
    static let files = [
        "Cargo.toml": "[package]\nname = \"shop\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\n",
        "src/lib.rs": """
            /// Adds tax to a net price.
            pub fn total(net: f64, rate: f64) -> f64 {
                net + net * rate
            }

            /// Takes a share off.
            pub fn discount(net: f64, share: f64) -> f64 {
                net - net * share
            }

            #[cfg(test)]
            mod tests {
                use super::*;

                #[test]
                fn total_with_half_tax() {
                    assert_eq!(total(10.0, 0.5), 15.0);
                }

                #[test]
                fn discount_by_half() {
                    assert_eq!(discount(10.0, 0.5), 5.0);
                }
            }

            """,
        "tests/api.rs": "#[test]\nfn no_tax() {\n    assert_eq!(shop::total(10.0, 0.0), 10.0);\n}\n",
        ".gitignore": "/target\nCargo.lock\n",
    ]

    @Test func findsTheCulpritAndStagesTheRevert() throws {
        let project = try StackProject(files: Self.files, runner: "cargo test")
        let culprit = try project.deploy(
            cause: .init(file: "src/lib.rs", old: "    net + net * rate\n", new: "    net + rate\n"),
            harmless: .init(file: "src/lib.rs", old: "/// Takes a share off.", new: "/// Takes a share off the net price."))
        try project.expectStagedFix(test: "src/lib.rs::tests::total_with_half_tax", culprit: culprit,
                                    file: "src/lib.rs", fixed: "net + net * rate")
    }

    @Test func aDeployThatBreaksTheBuildIsABuildFailureWithItsCulprit() throws {
        let project = try StackProject(files: Self.files, runner: "cargo test")
        let culprit = try project.deploy(
            cause: .init(file: "src/lib.rs", old: "    net + net * rate\n", new: "    net + net * rate +\n"),
            harmless: .init(file: "src/lib.rs", old: "/// Takes a share off.", new: "/// Takes a share off the net price."))
        let json = try project.expectStagedFix(test: "shop (lib)", culprit: culprit, file: "src/lib.rs", fixed: "net + net * rate\n")
        #expect((json["regressions"] as? [[String: Any]])?.first?["kind"] as? String == "build-failure")
    }
}
