import Foundation
import Testing
import TestSupport

/// `heal init` + `heal run` on a real Go module (go test -json, `-run` per-level escaping).
@Suite("stack: go test", .serialized)
struct GoStackTests {
    static let files = [
        "go.mod": "module example.com/shop\n\ngo 1.19\n",
        "price/price.go": """
            package price

            // Total adds tax to a net price.
            func Total(net float64, rate float64) float64 {
            \treturn net + net*rate
            }

            // Discount takes a share off.
            func Discount(net float64, share float64) float64 {
            \treturn net - net*share
            }

            """,
        "price/price_test.go": """
            package price

            import "testing"

            func TestTotal(t *testing.T) {
            \tt.Run("0.5+tax", func(t *testing.T) {
            \t\tif got := Total(10, 0.5); got != 15 {
            \t\t\tt.Fatalf("got %v, want 15", got)
            \t\t}
            \t})
            \tt.Run("no tax", func(t *testing.T) {
            \t\tif got := Total(10, 0); got != 10 {
            \t\t\tt.Fatalf("got %v, want 10", got)
            \t\t}
            \t})
            }

            func TestDiscount(t *testing.T) {
            \tif got := Discount(10, 0.5); got != 5 {
            \t\tt.Fatalf("got %v, want 5", got)
            \t}
            }

            """,
    ]
    static let cause = StackProject.Edit(file: "price/price.go", old: "return net + net*rate", new: "return net + rate")
    static let harmless = StackProject.Edit(file: "price/price.go", old: "// Discount takes a share off.",
                                            new: "// Discount takes a share off the net price.")

    @Test func findsTheCulpritOfASubtestWithPatternCharactersAndStagesTheRevert() throws {
        let project = try StackProject(files: Self.files, runner: "go test")
        let culprit = try project.deploy(cause: Self.cause, harmless: Self.harmless)
        try project.expectStagedFix(test: "example.com/shop/price/TestTotal/0.5+tax", culprit: culprit,
                                    file: "price/price.go", fixed: "return net + net*rate",
                                    coverage: "the test's own coverage (coverage.test)")
    }

    @Test func aDeployThatBreaksTheBuildIsABuildFailureWithItsCulprit() throws {
        let project = try StackProject(files: Self.files, runner: "go test")
        let culprit = try project.deploy(
            cause: .init(file: "price/price.go", old: "return net + net*rate", new: "return net + net*rate +"), harmless: Self.harmless)
        let json = try project.expectStagedFix(test: "example.com/shop/price", culprit: culprit, file: "price/price.go",
                                               fixed: "return net + net*rate\n")
        let regression = (json["regressions"] as? [[String: Any]])?.first
        #expect(regression?["kind"] as? String == "build-failure")
        #expect((regression?["missingTests"] as? [String])?.contains("example.com/shop/price/TestTotal/0.5+tax") == true)
        #expect((regression?["message"] as? String)?.contains("price/price.go") == true, "the compiler's words")
    }
}
