import Foundation
import GitKit
import HealKit
import Testing
import TestSupport

@Suite("Triage scenarios: the minimal causal hunk")
struct ScenarioMinimalHunkTests {
    @Test("one commit of 6 hunks where one breaks a test: coverage keeps 3, ddmin finds the one in ≤ ⌈log₂ 3⌉ + 2 runs")
    func oneOfSixHunks() async throws {
        let project = try Shop.project()
        let before = try project.repo.head()
        let file = "src/shop/pricing.py"
        try project.replace(in: file, "total = 0", with: "total = 0 * 1")
        try project.replace(in: file, "total += price * qty", with: "total += qty * price")
        try project.replace(in: file, "percent / 100", with: "percent / 100.0")
        try project.replace(in: file, "round(total * rate, 2)", with: "round(total * rate + 0.5, 2)")
        try project.replace(in: file, "if weight <= 1:", with: "if weight < 2:")
        try project.replace(in: file, "name.strip().title()", with: "name.title().strip()")
        let after = try project.commit("pricing: tidy up")
        let diff = try Repository(discovering: project.path)
            .diff(from: before, to: after, options: DiffOptions(contextLines: 0)).files
        #expect(diff.flatMap(\.hunks).count == 6)
        let fingerprint = try project.repo.userStateFingerprint()

        let report = try await project.triage(before: before, after: after)

        #expect(report.detection.regressions.map(\.test) == ["tests/test_pricing.py::test_tax"])
        let item = try #require(report.item("tests/test_pricing.py::test_tax"))
        let verdict = item.verdict
        #expect(verdict.verdict == .introduced, "\(verdict.reason)")
        #expect(verdict.culprit?.id.hex == after)
        #expect(item.culpritRuns == 0)
        // test_tax runs subtotal and tax: their three changed hunks are the candidates.
        #expect(item.candidateHunks == 3)
        #expect(verdict.hunkHeaders == ["src/shop/pricing.py @@ -13,1 +13,1 @@"])
        #expect(item.minimizeRuns <= Shop.ceilLog2(3) + 2, "\(item.minimizeRuns) ddmin runs")
        #expect(verdict.confidence == .high)
        #expect(verdict.reason.contains("reverting 1 of 3 candidate hunks makes it pass"))
        #expect(try project.repo.userStateFingerprint() == fingerprint)
        #expect(try project.scratchLeftovers().isEmpty)
    }
}
