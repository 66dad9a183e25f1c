import GitKit
import HealKit
import Testing

/// Fix branch names and the publisher's refusals: the human gate's pure parts.
@Suite("Fix branches")
struct FixEngineBranchTests {
    let deploy = ObjectID(hex: "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b")!

    @Test func branchIsHealSlashCauseSlugDashShortCulpritSha() {
        let cause = Cause.id(representative: "tests/test_calc.py::TestC::test_add[1-2]")
        #expect(FixBranch.name(cause: cause, culprit: deploy) == "heal/tests-test-calc-py-testc-test-add-1-2-1a2b3c4")
        #expect(FixBranch.fileName("heal/x-1a2b3c4") == "heal-x-1a2b3c4")
    }

    @Test func longIdsAreCutButStayDistinct() {
        let a = FixBranch.slug("tests/" + String(repeating: "x", count: 100) + "::a")
        let b = FixBranch.slug("tests/" + String(repeating: "x", count: 100) + "::b")
        #expect(a.count <= 60 && b.count <= 60 && a != b)
    }

    @Test func onlyFixBranchesMayBePushedAndNeverTheBase() {
        #expect(BranchPublisher.refusal(branch: "heal/x-1a2b3c4", baseBranch: "main") == nil)
        #expect(BranchPublisher.refusal(branch: "main", baseBranch: "main") != nil)
        #expect(BranchPublisher.refusal(branch: "heal/x", baseBranch: "heal/x") != nil)
        #expect(BranchPublisher.refusal(branch: "feature/x", baseBranch: "main") != nil)
        #expect(BranchPublisher.refusal(branch: "heal/", baseBranch: "main") != nil)
        #expect(BranchPublisher.refusal(branch: "heal/x:refs/heads/main", baseBranch: "main") != nil)
    }

    @Test func thePublisherRefusesBeforeGitRuns() async throws {
        let publisher = BranchPublisher(repositoryPath: "/nonexistent", baseBranch: "main")
        await #expect(throws: PublishRefusal.self) { try await publisher.push("main") }
    }
}
