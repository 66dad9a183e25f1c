import Foundation
import HealKit
import Testing
import TestSupport

@Suite("Triage scenarios: an outage")
struct ScenarioOutageTests {
    static let conftest = """
        import os
        import pytest


        @pytest.fixture(autouse=True)
        def database(request):
            if "offline" not in request.node.name and os.environ.get("SHOP_DB") != "up":
                pytest.fail("database unavailable")

        """

    @Test("nearly every test fails at once: infra-suspect, every verdict ambiguous, no run spent")
    func nearlyEverythingFails() async throws {
        let project = try Shop.project(extraFiles: [
            "tests/conftest.py": Self.conftest,
            "tests/test_misc.py": "def test_offline_version():\n    assert 1 + 1 == 2\n",
        ])
        let before = try project.repo.head()
        let after = try Shop.harmlessCommit(project, 1)
        let baseline = try project.storedResults(at: before, name: "baseline", environment: ["SHOP_DB": "up"])
        let current = try project.storedResults(at: after, name: "current", environment: ["SHOP_DB": "down"])
        let fingerprint = try project.repo.userStateFingerprint()

        let report = try await project.triage(before: before, after: after, baseline: [baseline], current: [current])

        #expect(report.detection.infraSuspect)
        #expect(report.triaged.count == 5)
        for item in report.triaged {
            #expect(item.verdict.verdict == .ambiguous)
            #expect(item.verdict.reason.contains("infrastructure"))
            #expect(item.verdict.testRuns == 0)
        }
        #expect(try project.repo.userStateFingerprint() == fingerprint)
        #expect(try project.scratchLeftovers().isEmpty)
    }
}
