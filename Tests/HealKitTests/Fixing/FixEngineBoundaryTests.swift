import Foundation
import GitKit
import HealKit
import Testing
import TestSupport

/// What a fix attempt must catch outside the change it judges: test-runner leftovers that are
/// not the agent's change, and — where nothing hides the user's repository from the agent —
/// refs moved in it and writes that leave the workspace through `../` or an absolute path.
@Suite("FixEngine outside the workspace")
struct FixEngineBoundaryTests {
    static let fix = FixEngineDoubleTests.fix
    /// The user's git directory, as an agent finds it from its workspace
    /// (`<git-dir>/heal/work/fix-…/workspace`).
    static let userGitDirectory = "$(cd ../../../.. && pwd)"

    /// Runs the `command` agent `name` with `script` on `fixture`; `sandbox: off` for the
    /// attacks only an unboxed agent can make, which the boundary check must still catch.
    func dispatch(_ fixture: FixEngineFixture, _ name: String, _ script: String,
                  sandbox: HealConfig.Sandbox.Mode = .auto) async throws -> FixDispatch {
        let path = try fixture.double(name, script)
        let config = fixture.config(agent: .command, command: path, timeout: .seconds(30), sandbox: sandbox)
        return try await fixture.dispatch(config, agent: AgentFactory.make(.command, config: config))
    }

    @Test func pytestLeftoversOfTheAgentsOwnRunsAreNotPartOfTheFixInAProjectWithoutAGitignore() async throws {
        let fixture = try FixEngineFixture(gitignore: false)
        let before = try fixture.repo.userStateFingerprint()
        // An agent that runs the tests as a developer would: bytecode, pytest's cache, coverage.
        let dispatch = try await dispatch(fixture, "agent-double-runs-the-tests.sh", """
            \(Self.fix)
            python3 -m pytest -q -p no:randomly >/dev/null || true
            printf '<coverage/>' > coverage.xml
            touch .coverage
            """)

        #expect(dispatch.outcome == .staged, "\(dispatch.reason ?? "") \(dispatch.violations)")
        let files = try fixture.repo.git("show", "--name-only", "--format=", fixture.fixBranch)
        #expect(files == "calc/ops.py\n")
        #expect(try fixture.leftovers(fixBranch: fixture.fixBranch) == [])
        #expect(try fixture.repo.userStateFingerprint() == before)
        #expect(!FileManager.default.fileExists(atPath: fixture.repo.path + "/.gitignore"))
    }

    @Test func scopeIgnoreAddsToTheBuiltInArtefacts() async throws {
        let fixture = try FixEngineFixture()
        let script = Self.fix + "\nprintf 'r' > test-report.txt"
        let unconfigured = try await dispatch(fixture, "agent-double-leaves-a-report.sh", script)
        #expect(unconfigured.outcome == .scopeViolation)
        #expect(unconfigured.violations.contains { $0.hasPrefix("test-report.txt: [outside-coverage]") }, "\(unconfigured.violations)")

        let path = try fixture.double("agent-double-leaves-a-report.sh", script)
        var config = fixture.config(agent: .command, command: path, timeout: .seconds(30))
        config.scope.ignore = ["test-report.txt"]
        let configured = try await fixture.dispatch(config, agent: AgentFactory.make(.command, config: config))
        #expect(configured.outcome == .staged, "\(configured.reason ?? "")")
        #expect(try fixture.repo.git("show", "--name-only", "--format=", fixture.fixBranch) == "calc/ops.py\n")
    }

    @Test func filesTheVerifiedSuiteLeavesBehindNeverReachTheFix() async throws {
        let fixture = try FixEngineFixture()
        var config = fixture.config()
        config.suite.command += " && printf 'r' > test-report.txt"
        let dispatch = try await fixture.dispatch(config, agent: RevertAgent())
        #expect(dispatch.outcome == .staged, "\(dispatch.reason ?? "")")
        #expect(try fixture.repo.git("show", "--name-only", "--format=", fixture.fixBranch) == "calc/ops.py\n")
    }

    @Test func movingTheBaseBranchFromTheWorkspaceFailsTheAttemptAndSaysHowToRestoreIt() async throws {
        let fixture = try FixEngineFixture()
        let before = try fixture.repo.userStateFingerprint()
        let dispatch = try await dispatch(fixture, "agent-double-moves-main.sh",
                                          Self.fix + "\ngit --git-dir=\"\(Self.userGitDirectory)\" update-ref refs/heads/main \(fixture.baseline.hex)", sandbox: .off)

        #expect(dispatch.outcome == .scopeViolation)
        let violation = try #require(dispatch.violations.first { $0.hasPrefix("refs/heads/main: [ref-moved]") }, "\(dispatch.violations)")
        #expect(violation.contains("from \(fixture.deploy.short()) to \(fixture.baseline.short())"))
        #expect(dispatch.reason?.contains("refs/heads/main") == true)
        // Not put back by heal: the user may have moved it meanwhile.
        #expect(try fixture.repo.head("main") == fixture.baseline.hex)
        try fixture.runRestoreCommand(from: violation)
        #expect(try fixture.repo.head("main") == fixture.deploy.hex)
        #expect(try fixture.leftovers(fixBranch: nil) == [])
        #expect(try fixture.repo.userStateFingerprint() == before)
    }

    @Test func forceMovingAnotherBranchFailsTheAttempt() async throws {
        let fixture = try FixEngineFixture()
        try fixture.repo.git("branch", "other", fixture.baseline.hex)
        let before = try fixture.repo.userStateFingerprint()
        let dispatch = try await dispatch(fixture, "agent-double-force-moves-a-branch.sh",
                                          Self.fix + "\ngit --git-dir=\"\(Self.userGitDirectory)\" branch -f other main", sandbox: .off)

        #expect(dispatch.outcome == .scopeViolation)
        let violation = try #require(dispatch.violations.first { $0.hasPrefix("refs/heads/other: [ref-moved]") }, "\(dispatch.violations)")
        #expect(dispatch.violations.count == 1, "\(dispatch.violations)")
        try fixture.runRestoreCommand(from: violation)
        #expect(try fixture.repo.head("other") == fixture.baseline.hex)
        try fixture.repo.git("branch", "-D", "other")
        #expect(try fixture.leftovers(fixBranch: nil) == [])
        #expect(try fixture.repo.userStateFingerprint() == before)
    }

    @Test func deletingABranchFailsTheAttempt() async throws {
        let fixture = try FixEngineFixture()
        try fixture.repo.git("branch", "other", fixture.baseline.hex)
        let dispatch = try await dispatch(fixture, "agent-double-deletes-a-branch.sh", Self.fix + "\ngit --git-dir=\"\(Self.userGitDirectory)\" branch -D other", sandbox: .off)

        #expect(dispatch.outcome == .scopeViolation)
        let violation = try #require(dispatch.violations.first { $0.hasPrefix("refs/heads/other: [ref-moved] deleted") },
                                     "\(dispatch.violations)")
        try fixture.runRestoreCommand(from: violation)
        #expect(try fixture.repo.head("other") == fixture.baseline.hex)
    }

    @Test func branchesTheAgentCreatedAreDeletedAndItsFixIsStillStaged() async throws {
        let fixture = try FixEngineFixture()
        let before = try fixture.repo.userStateFingerprint()
        let dispatch = try await dispatch(fixture, "agent-double-creates-branches.sh", """
            git --git-dir="\(Self.userGitDirectory)" branch agent-scratch main
            git checkout -q -b agent-work
            \(Self.fix)
            git -c user.name=Agent -c user.email=agent@invalid commit -qam 'agent fix'
            """, sandbox: .off)

        #expect(dispatch.outcome == .staged, "\(dispatch.reason ?? "") \(dispatch.violations)")
        #expect(try fixture.repo.git("show", "\(fixture.fixBranch):calc/ops.py").contains("return a + b"))
        let parents = try fixture.repo.git("log", "--format=%P", "-1", fixture.fixBranch)
        #expect(parents.trimmingCharacters(in: .whitespacesAndNewlines) == fixture.deploy.hex)
        #expect(try fixture.leftovers(fixBranch: fixture.fixBranch) == [])
        #expect(try fixture.repo.userStateFingerprint() == before)
    }

    @Test func writingIntoTheCheckoutThroughDotDotFailsTheAttempt() async throws {
        let fixture = try FixEngineFixture()
        let before = try fixture.repo.userStateFingerprint()
        // As many `..` as the worktree is deep below the repository root.
        let dispatch = try await dispatch(fixture, "agent-double-writes-through-dotdot.sh", """
            \(Self.fix)
            up=$(printf '%s' "${HEAL_WORKSPACE#\(fixture.repo.path)/}" | sed 's|[^/][^/]*|..|g')
            printf 'out\\n' > "$up/escaped.txt"
            """, sandbox: .off)
        let escaped = fixture.repo.path + "/escaped.txt"
        #expect(FileManager.default.fileExists(atPath: escaped))
        try? FileManager.default.removeItem(atPath: escaped)

        #expect(dispatch.outcome == .scopeViolation)
        #expect(dispatch.violations.contains { $0.hasPrefix("escaped.txt: [path-escape] appeared in your checkout") },
                "\(dispatch.violations)")
        #expect(dispatch.reason?.contains("escaped.txt") == true)
        #expect(dispatch.reason?.contains("cannot undo") == true)
        #expect(try fixture.leftovers(fixBranch: nil) == [])
        #expect(try fixture.repo.userStateFingerprint() == before)
    }

    @Test func editingATrackedFileOfTheCheckoutByAbsolutePathFailsTheAttempt() async throws {
        let fixture = try FixEngineFixture()
        let before = try fixture.repo.userStateFingerprint()
        let dispatch = try await dispatch(fixture, "agent-double-edits-the-checkout.sh",
                                          Self.fix + "\nprintf '# mine\\n' >> \(fixture.repo.path)/calc/ops.py", sandbox: .off)
        #expect(try fixture.repo.read("calc/ops.py").hasSuffix("# mine\n"))
        try fixture.repo.git("checkout", "--", "calc/ops.py")

        #expect(dispatch.outcome == .scopeViolation)
        #expect(dispatch.violations.contains { $0.hasPrefix("calc/ops.py: [path-escape] changed (git status now shows ` M`)") },
                "\(dispatch.violations)")
        #expect(try fixture.leftovers(fixBranch: nil) == [])
        #expect(try fixture.repo.userStateFingerprint() == before)
    }

    @Test func codeTheAgentChangedThatWritesOutsideWhenTheSuiteRunsFailsTheAttempt() async throws {
        let fixture = try FixEngineFixture()
        let before = try fixture.repo.userStateFingerprint()
        // calc/__init__.py → calc → worktree → worktrees → heal → .git → the user's checkout.
        let dispatch = try await dispatch(fixture, "agent-double-plants-an-escape.sh", """
            \(Self.fix)
            printf 'import pathlib\\n(pathlib.Path(__file__).resolve().parents[5] / "from-tests.txt").write_text("x")\\n' >> calc/__init__.py
            """, sandbox: .off)
        let escaped = fixture.repo.path + "/from-tests.txt"
        #expect(FileManager.default.fileExists(atPath: escaped))
        try? FileManager.default.removeItem(atPath: escaped)

        #expect(dispatch.outcome == .scopeViolation)
        #expect(dispatch.reason?.hasPrefix("verification") == true, "\(dispatch.reason ?? "")")
        #expect(dispatch.violations.contains { $0.hasPrefix("from-tests.txt: [path-escape]") }, "\(dispatch.violations)")
        #expect(try fixture.leftovers(fixBranch: nil) == [])
        #expect(try fixture.repo.userStateFingerprint() == before)
    }
}
