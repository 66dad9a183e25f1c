import Foundation
import GitKit
import HealKit
import Testing
import TestSupport

/// The built-in revert agent end to end on a real pytest project, the fix branch's life over
/// several dispatches, the breaker, and publishing to a local bare remote through a `gh` double.
@Suite("FixEngine end to end")
struct FixEngineRevertTests {
    @Test func revertStagesAVerifiedFixOnTheFixBranch() async throws {
        let fixture = try FixEngineFixture()
        let before = try fixture.repo.userStateFingerprint()
        let dispatch = try await fixture.dispatch(fixture.config(), agent: RevertAgent())

        #expect(dispatch.outcome == .staged, "\(dispatch.reason ?? "")")
        #expect(dispatch.branch == fixture.fixBranch)
        #expect(fixture.fixBranch.hasPrefix("heal/tests-test-ops-py-test-add-"))
        let ops = try fixture.repo.git("show", "\(fixture.fixBranch):calc/ops.py")
        // Only the causal hunk is reverted; the deploy's unrelated `neg` stays.
        #expect(ops == "def add(a, b):\n    return a + b\n\n\ndef mul(a, b):\n    return a * b\n\n\ndef neg(a):\n    return -a\n")
        let message = try fixture.repo.git("log", "-1", "--format=%B", fixture.fixBranch)
        #expect(message.contains("Heal-Test: \(FixEngineFixture.test)"))
        #expect(message.contains("Heal-Culprit: \(fixture.deploy.hex)"))
        #expect(message.contains("Heal-Attempt: 1"))
        let body = try String(contentsOfFile: try #require(dispatch.prBody), encoding: .utf8)
        #expect(dispatch.prBody == fixture.repo.path + "/.git/heal/pr/" + FixBranch.fileName(fixture.fixBranch) + ".md")
        #expect(body.contains(FixEngineFixture.test))
        #expect(body.contains("passed on 3 of 3 reruns"))
        #expect(body.contains("Attempt 1 of 3"))
        #expect(body.contains("-    return a - b") && body.contains("+    return a + b"))
        #expect(try fixture.leftovers(fixBranch: fixture.fixBranch) == [])
        #expect(try fixture.repo.userStateFingerprint() == before)
    }

    @Test func aSecondDispatchUpdatesTheSameBranch() async throws {
        let fixture = try FixEngineFixture()
        let before = try fixture.repo.userStateFingerprint()
        let first = try await fixture.dispatch(fixture.config(), agent: RevertAgent())
        let firstTip = try fixture.repo.head(fixture.fixBranch)
        let second = try await fixture.dispatch(fixture.config(), agent: RevertAgent())
        #expect(first.outcome == .staged && second.outcome == .staged)
        #expect(second.branch == first.branch)
        #expect(second.attempt == 2)
        #expect(try fixture.repo.head(fixture.fixBranch) != firstTip)
        #expect(try fixture.repo.git("log", "-1", "--format=%B", fixture.fixBranch).contains("Heal-Attempt: 2"))
        #expect(try fixture.leftovers(fixBranch: fixture.fixBranch) == [])
        #expect(try fixture.repo.userStateFingerprint() == before)
    }

    @Test func revertMergesThreeWaysWhenLaterCommitsMovedTheCode() async throws {
        let fixture = try FixEngineFixture()
        // A later commit in the deploy shifts the lines and edits next to the culprit's hunk.
        try fixture.repo.write("calc/ops.py", "\"\"\"Arithmetic.\"\"\"\n\n\ndef add(a, b):\n    return a - b\n\n\ndef mul(a, b):\n    return a * b\n\n\ndef neg(a):\n    return -a\n")
        let later = ObjectID(hex: try fixture.repo.commitAll("docs: module docstring"))!
        var request = try fixture.request()
        request.deploy = later
        let store = try await fixture.store()
        let engine = FixEngine(repositoryPath: fixture.repo.path, config: fixture.config(), agent: RevertAgent(), store: store,
                               publisher: PRPublisher(repositoryPath: fixture.repo.path, config: fixture.config()))
        let dispatch = try await engine.dispatch(request)
        await store.close()
        #expect(dispatch.outcome == .staged, "\(dispatch.reason ?? "")")
        let ops = try fixture.repo.git("show", "\(try #require(dispatch.branch)):calc/ops.py")
        #expect(ops.hasPrefix("\"\"\"Arithmetic.\"\"\"\n\n\ndef add(a, b):\n    return a + b\n"))
    }

    @Test func theBreakerOpensAfterMaxAttemptsFailures() async throws {
        let fixture = try FixEngineFixture()
        let before = try fixture.repo.userStateFingerprint()
        let script = try fixture.double("agent-double-does-nothing.sh", "true")
        let config = fixture.config(agent: .command, command: script, maxAttempts: 2)
        let agent = AgentFactory.make(.command, config: config)
        let outcomes = try await [fixture.dispatch(config, agent: agent), fixture.dispatch(config, agent: agent),
                                  fixture.dispatch(config, agent: agent)]
        #expect(outcomes.map(\.outcome) == [.failed, .failed, .breakerOpen])
        #expect(outcomes[2].attempt == 2)
        #expect(outcomes[2].reason?.contains("breaker open") == true)
        #expect(try fixture.leftovers(fixBranch: nil) == [])
        #expect(try fixture.repo.userStateFingerprint() == before)
    }

    @Test func publishPushesOnlyTheFixBranchAndOpensADraftPR() async throws {
        let fixture = try FixEngineFixture()
        let remote = try TempRepo(bare: true, prefix: "remote")
        try fixture.repo.git("remote", "add", "origin", remote.path)
        try fixture.repo.git("push", "-q", "origin", "main")
        let remoteMain = try remote.head("refs/heads/main")
        let before = try fixture.repo.userStateFingerprint()
        let log = fixture.doubles + "/gh-calls"
        // A test double for the GitHub CLI: records its arguments, has no PR at first.
        let gh = try fixture.double("gh-double.sh", """
            echo "$@" >> \(log)
            case "$1 $2" in
              "pr list") if [ -f \(log).created ]; then echo '[{"url": "https://example.invalid/pr/1"}]'; else echo '[]'; fi ;;
              "pr create") cat > /dev/null; touch \(log).created; echo https://example.invalid/pr/1 ;;
              "pr edit") cat > /dev/null ;;
            esac
            """)
        var config = fixture.config()
        config.publish = .gh
        let forge = GitHubForge(workingDirectory: fixture.repo.path, executable: gh)
        let first = try await fixture.dispatch(config, agent: RevertAgent(), forge: forge)
        let second = try await fixture.dispatch(config, agent: RevertAgent(), forge: forge)

        #expect(first.outcome == .opened, "\(first.reason ?? "")")
        #expect(first.pullRequest == "https://example.invalid/pr/1")
        #expect(second.outcome == .opened && second.pullRequest == first.pullRequest)
        let remoteBranches = try remote.git("for-each-ref", "--format=%(refname:short)", "refs/heads")
        #expect(remoteBranches.split(separator: "\n").map(String.init).sorted() == [fixture.fixBranch, "main"].sorted())
        #expect(try remote.head("refs/heads/\(fixture.fixBranch)") == fixture.repo.head(fixture.fixBranch))
        #expect(try remote.head("refs/heads/main") == remoteMain)
        let calls = try String(contentsOfFile: log, encoding: .utf8)
        #expect(calls.components(separatedBy: "pr create").count == 2, "one PR created, then updated: \(calls)")
        #expect(calls.contains("pr create --draft"))
        #expect(calls.contains("--base main --head \(fixture.fixBranch)"))
        #expect(calls.contains("pr edit https://example.invalid/pr/1"))
        #expect(!calls.contains("merge"))
        #expect(try fixture.leftovers(fixBranch: fixture.fixBranch) == [])
        #expect(try fixture.repo.userStateFingerprint() == before)
    }
}
