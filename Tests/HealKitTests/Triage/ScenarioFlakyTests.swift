import Foundation
import HealKit
import Testing
import TestSupport

@Suite("Triage scenarios: a flaky test")
struct ScenarioFlakyTests {
    /// Fails 3 runs in 10; run 0 (the baseline suite) passes, run 1 (the deploy suite) fails.
    static let pattern = [false, true, false, false, true, false, false, false, true, false]

    static func project(coverage: Bool) throws -> (PythonProject, before: String, after: String) {
        let project = try Shop.project(coverage: coverage)
        try project.write("tests/test_flaky.py", project.flakyTest(named: "test_sometimes", failing: pattern))
        let before = try project.commit("a flaky test")
        try project.replace(in: "src/shop/pricing.py", "percent / 100", with: "percent / 100.0")
        let after = try project.commit("discount in floats")
        return (project, before, after)
    }

    @Test("fails 30% of the time and covers nothing changed: ambiguous by DeFlaker's rule, without a rerun")
    func coversNothingChanged() async throws {
        let (project, before, after) = try Self.project(coverage: true)
        let fingerprint = try project.repo.userStateFingerprint()

        let report = try await project.triage(before: before, after: after)

        #expect(report.detection.regressions.map(\.test) == ["tests/test_flaky.py::test_sometimes"])
        let item = try #require(report.item("tests/test_flaky.py::test_sometimes"))
        #expect(item.verdict.verdict == .ambiguous)
        #expect(item.verdict.reason.contains("DeFlaker"), "\(item.verdict.reason)")
        #expect(item.verdict.testRuns == 0)
        #expect(item.verdict.culprit == nil && item.verdict.causalDiff.isEmpty)
        // Baseline suite, deploy suite, coverage run at the deploy.
        #expect(project.runs(ofFlakyTest: "test_sometimes") == 3)
        #expect(try project.repo.userStateFingerprint() == fingerprint)
        #expect(try project.scratchLeftovers().isEmpty)
    }

    @Test("without coverage the first fresh rerun passes: ambiguous (flaky) after one run")
    func passesOnRerun() async throws {
        let (project, before, after) = try Self.project(coverage: false)
        let fingerprint = try project.repo.userStateFingerprint()

        let report = try await project.triage(before: before, after: after)

        let item = try #require(report.item("tests/test_flaky.py::test_sometimes"))
        #expect(item.verdict.verdict == .ambiguous)
        #expect(item.verdict.reason.contains("passed 1 of 1 fresh rerun"), "\(item.verdict.reason)")
        #expect(item.verdict.testRuns == 1)
        #expect(item.deployReruns == [.pass])
        #expect(try project.repo.userStateFingerprint() == fingerprint)
    }
}
