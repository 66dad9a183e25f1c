import Foundation
import Testing
import TestSupport

/// The installed hooks, fired by real git commands: each hands the deploy range to a detached
/// `heal run`, which stages a fix while the user's checkout stays exactly as git left it.
@Suite("hooks end to end")
struct HookEndToEndTests {
    @Test("git merge fires post-merge: heal run ORIG_HEAD..HEAD stages the fix")
    func merge() async throws {
        let fixture = try RunFixture()
        try install(in: fixture.path)
        let before = try fixture.repo.head()
        try fixture.repo.git("switch", "-q", "-c", "feature")
        try fixture.commitFixableRegression()
        try fixture.repo.git("switch", "-q", "main")

        try fixture.repo.git("merge", "-q", "--no-ff", "-m", "merge feature", "feature")
        let after = try fixture.repo.head()
        let fingerprint = try fixture.repo.userStateFingerprint()
        try await fixture.state.waitForHookRun()

        #expect(fixture.prBodies() == ["heal-tests-test-calc-py-test-add-\(after.prefix(7)).md"], "\(fixture.state.hooksLog())")
        #expect(try fixture.fixBranches() == ["heal/tests-test-calc-py-test-add-\(after.prefix(7))"])
        let run = try #require(try recentRuns(in: fixture.path).first)
        #expect(run["before"] as? String == before)
        #expect(run["after"] as? String == after)
        #expect(try fixture.repo.userStateFingerprint() == fingerprint)
    }

    @Test("git pull fires post-merge in the clone: the clone stages the fix")
    func pull() async throws {
        let upstream = try RunFixture()
        let clone = TempRepo(existing: try TempDir.make(prefix: "clone"))
        try Shell.check(["git", "clone", "-q", upstream.path, clone.path])
        try clone.git("config", "user.name", "Heal Test")
        try clone.git("config", "user.email", "test@heal.invalid")
        try clone.git("config", "pull.rebase", "false")
        try install(in: clone.path)
        let before = try clone.head()
        let after = try upstream.commitFixableRegression()

        try clone.git("pull", "-q", "origin", "main")
        let fingerprint = try clone.userStateFingerprint()
        let state = RunHealState(repositoryPath: clone.path)
        try await state.waitForHookRun()

        #expect(state.prBodies() == ["heal-tests-test-calc-py-test-add-\(after.prefix(7)).md"], "\(state.hooksLog())")
        let run = try #require(try recentRuns(in: clone.path).first)
        #expect(run["before"] as? String == before)
        #expect(run["after"] as? String == after)
        #expect(try clone.userStateFingerprint() == fingerprint)
        #expect(upstream.prBodies().isEmpty, "heal ran in the clone, not upstream")
    }

    @Test("git tag deploy-2 fires reference-transaction: heal run deploy-1..deploy-2 stages the fix")
    func deployTag() async throws {
        let fixture = try RunFixture()
        try install(in: fixture.path)
        let before = try fixture.repo.head("deploy-1")
        let after = try fixture.commitFixableRegression()
        #expect(fixture.state.hooksLog() == "(no hooks.log)", "a commit is no deploy: the hook started nothing")

        try fixture.repo.git("tag", "deploy-2")
        let fingerprint = try fixture.repo.userStateFingerprint()
        try await fixture.state.waitForHookRun()

        #expect(fixture.prBodies().count == 1, "\(fixture.state.hooksLog())")
        let run = try #require(try recentRuns(in: fixture.path).first)
        #expect(run["before"] as? String == before)
        #expect(run["after"] as? String == after)
        #expect(try fixture.repo.userStateFingerprint() == fingerprint)
    }

    private func install(in path: String) throws {
        let result = try HealBinary.run(["hooks", "install"], in: path)
        #expect(result.status == 0, "\(result.stderr)")
    }

    private func recentRuns(in path: String) throws -> [[String: Any]] {
        let result = try HealBinary.run(["status", "--json"], in: path)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return object?["recentRuns"] as? [[String: Any]] ?? []
    }
}
