import Foundation
import HealKit
import Testing
import TestSupport

@Suite("Triage scenarios: a test already failing before the deploy")
struct ScenarioPreExistingTests {
    @Test("a stale stored baseline says it passed; the re-check at the baseline commit fails: pre-existing, 1 run")
    func alreadyFailing() async throws {
        let project = try Shop.project()
        let stale = try project.storedResults(at: "HEAD", name: "stale-baseline")
        try project.replace(in: "src/shop/pricing.py", "name.strip().title()", with: "name.strip().upper()")
        let before = try project.commit("labels in capitals")
        let after = try Shop.harmlessCommit(project, 1)
        let current = try project.storedResults(at: after, name: "current")
        let fingerprint = try project.repo.userStateFingerprint()

        let report = try await project.triage(before: before, after: after, baseline: [stale], current: [current])

        #expect(report.detection.regressions.map(\.test) == ["tests/test_pricing.py::test_label"])
        let item = try #require(report.item("tests/test_pricing.py::test_label"))
        #expect(item.verdict.verdict == .preExisting, "\(item.verdict.reason)")
        #expect(item.verdict.reason.contains("fails at the baseline too"))
        #expect(item.verdict.testRuns == 1)
        #expect(item.verdict.culprit == nil)
        #expect(try project.repo.userStateFingerprint() == fingerprint)
        #expect(try project.scratchLeftovers().isEmpty)
    }
}
