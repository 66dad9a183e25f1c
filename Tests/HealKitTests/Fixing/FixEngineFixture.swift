import Foundation
import GitKit
import HealKit
import Testing
import TestSupport

/// A small real Python project with a regression, for the fix stage's end-to-end tests:
/// `calc/ops.py` at the baseline adds correctly; the deploy commit makes `add` subtract (the
/// causal hunk) and adds an unrelated `neg` function (a hunk triage left out).
final class FixEngineFixture: @unchecked Sendable {
    let repo: TempRepo
    let baseline: ObjectID
    let deploy: ObjectID
    let doubles: String
    static let test = "tests/test_ops.py::test_add"

    /// With `gitignore: false` the project ignores nothing, so whatever a test run leaves in a
    /// worktree shows up as untracked.
    init(gitignore: Bool = true) throws {
        repo = try TempRepo(prefix: "fix-engine")
        if gitignore { try repo.write(".gitignore", "__pycache__/\n.pytest_cache/\n") }
        try repo.write("calc/__init__.py", "")
        try repo.write("calc/ops.py", "def add(a, b):\n    return a + b\n\n\ndef mul(a, b):\n    return a * b\n")
        try repo.write("tests/test_ops.py", """
            from calc.ops import add, mul


            def test_add():
                assert add(2, 3) == 5


            def test_mul():
                assert mul(2, 3) == 6

            """)
        try repo.write(".github/workflows/ci.yml", "on: push\njobs: {}\n")
        baseline = ObjectID(hex: try repo.commitAll("baseline"))!
        try repo.write("calc/ops.py", "def add(a, b):\n    return a - b\n\n\ndef mul(a, b):\n    return a * b\n\n\ndef neg(a):\n    return -a\n")
        deploy = ObjectID(hex: try repo.commitAll("deploy: refactor ops"))!
        doubles = try TempDir.make(prefix: "agent-doubles")
    }

    deinit { try? FileManager.default.removeItem(atPath: doubles) }

    /// The configuration the tests run with: pytest without its cache, short timeouts, the
    /// agent doubles' folder visible (read-only) inside the sandbox.
    func config(agent: HealConfig.Fix.Agent = .revert, command: String? = nil, maxAttempts: Int = 3,
                timeout: Duration = .seconds(60), sandbox: HealConfig.Sandbox.Mode = .auto) -> HealConfig {
        var config = HealConfig()
        config.sandbox.mode = sandbox
        config.sandbox.expose = [doubles]
        config.suite.command = PythonProject.suiteCommand
        config.suite.test = PythonProject.testCommand
        config.fix.agent = agent
        config.fix.command = command
        config.fix.maxAttempts = maxAttempts
        config.fix.timeout = timeout
        return config
    }

    /// Triage's verdict: introduced by the deploy commit, the causal diff cut to `add`'s hunk.
    func verdict() throws -> TestVerdict {
        let repository = try Repository(discovering: repo.path)
        let diff = try repository.diff(from: baseline.hex, to: deploy.hex,
                                       options: DiffOptions(contextLines: 0, includeLines: true))
        var file = diff.files[0]
        file.hunks = [file.hunks[0]]
        return TestVerdict(test: Self.test, verdict: .introduced, reason: "fails at the deploy, passes at the baseline",
                           culprit: try repository.commit(deploy.hex), causalBase: baseline, causalHead: deploy,
                           causalDiff: [file], confidence: .high, coveredFiles: ["calc/__init__.py", "calc/ops.py"],
                           testRuns: 6)
    }

    func request() throws -> FixRequest {
        FixRequest(verdict: try verdict(), deploy: deploy, baseline: baseline)
    }

    /// Writes a test-double agent script (outside the repository) and returns its path.
    func double(_ name: String, _ body: String) throws -> String {
        let path = doubles + "/" + name
        try ("#!/bin/sh\nset -e\ncd \"$HEAL_WORKSPACE\"\n" + body + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    func store() async throws -> any HealStore {
        let repository = try Repository(discovering: repo.path)
        return try await StoreFactory.open(setting: "sqlite", commonDirectory: repository.commonDirectory)
    }

    /// Runs one dispatch with `agent`.
    func dispatch(_ config: HealConfig, agent: any FixAgent, forge: (any Forge)? = nil) async throws -> FixDispatch {
        let store = try await store()
        let engine = FixEngine(repositoryPath: repo.path, config: config, agent: agent, store: store,
                               publisher: PRPublisher(repositoryPath: repo.path, config: config, forge: forge))
        let result = try await engine.dispatch(try request())
        await store.close()
        return result
    }

    /// What must be true after any dispatch: no linked worktree, no branch but main and (when
    /// given) the fix branch, and no scratch directory left under heal's directory.
    func leftovers(fixBranch: String?) throws -> [String] {
        var problems = try repo.scratchLeftovers()
        let branches = try repo.git("for-each-ref", "--format=%(refname:short)", "refs/heads").split(separator: "\n").map(String.init)
        let expected = ["main"] + (fixBranch.map { [$0] } ?? [])
        if branches.sorted() != expected.sorted() { problems.append("branches: \(branches)") }
        return problems
    }

    var fixBranch: String { FixBranch.name(cause: Cause.id(representative: Self.test), culprit: deploy) }

    /// Runs the command a `ref-moved` violation gives for putting a ref back (the last
    /// back-quoted part, which ends its message), as the user would.
    func runRestoreCommand(from violation: String) throws {
        let command = try #require(violation.hasSuffix("`") ? violation.split(separator: "`").last : nil, "no command in: \(violation)")
        let words = command.split(separator: " ").map(String.init)
        try #require(words.first == "git", "not a git command: \(command)")
        try repo.git(Array(words.dropFirst()))
    }
}
