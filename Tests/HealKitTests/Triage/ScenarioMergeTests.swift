import Foundation
import GitKit
import HealKit
import Testing
import TestSupport

@Suite("Triage scenarios: a merged branch and a coverage file from the deploy")
struct ScenarioMergeTests {
    @Test("the culprit inside a merged branch is the merge commit (one first-parent step); coverage taken at the deploy is carried back to it")
    func mergeCulpritWithGivenCoverage() async throws {
        let project = try Shop.project(coverage: false)
        let before = try project.repo.head()
        let first = try Shop.harmlessCommit(project, 0)
        try project.repo.git("checkout", "-q", "-b", "feature")
        try project.replace(in: "src/shop/pricing.py", "percent / 100", with: "percent / 1000")
        try project.commit("discount: finer percentages")
        try Shop.harmlessCommit(project, 1)
        try project.repo.git("checkout", "-q", "main")
        try project.repo.git("merge", "-q", "--no-ff", "feature", "-m", "Merge branch 'feature'")
        let merge = try project.repo.head()
        try project.replace(in: "src/shop/pricing.py", "def subtotal", with: "# Prices in cents.\n\n\ndef subtotal")
        try project.commit("document pricing")
        let after = try Shop.harmlessCommit(project, 2)
        let coverage = try project.storedCoverage(at: after, name: "deploy-coverage")
        let fingerprint = try project.repo.userStateFingerprint()

        let report = try await project.triage(before: before, after: after, coverage: coverage)

        let item = try #require(report.item("tests/test_pricing.py::test_discount"))
        let verdict = item.verdict
        #expect(verdict.verdict == .introduced, "\(verdict.reason)")
        #expect(item.deployCommits == 4)
        #expect(verdict.culprit?.id.hex == merge)
        #expect(verdict.causalBase?.hex == first)
        #expect(item.culpritRuns <= Shop.ceilLog2(4) + 1, "\(item.culpritRuns) culprit runs")
        // The deploy's line 12 is the merge's line 9: only the carried-back coverage selects it.
        #expect(verdict.confidence == .high, "\(verdict.reason)")
        #expect(verdict.hunkHeaders == ["src/shop/pricing.py @@ -9,1 +9,1 @@"])
        #expect(item.minimizeRuns <= Shop.ceilLog2(item.candidateHunks) + 2)
        #expect(try project.repo.userStateFingerprint() == fingerprint)
        #expect(try project.scratchLeftovers().isEmpty)
    }
}
