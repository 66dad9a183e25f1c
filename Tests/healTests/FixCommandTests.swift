import Foundation
import GitKit
import HealKit
import Testing
import TestSupport

/// `heal fix` as a user runs it: the real binary, a real pytest project, triage's JSON file.
@Suite("heal fix")
struct FixCommandTests {
    static let test = "tests/test_ops.py::test_add"

    /// A project whose deploy commit breaks `add`, and the triage file for it.
    func project() throws -> (repo: TempRepo, triage: String, config: String, deploy: String) {
        let repo = try TempRepo(prefix: "fix-cli")
        try repo.write(".gitignore", "__pycache__/\n")
        try repo.write("calc/__init__.py", "")
        try repo.write("calc/ops.py", "def add(a, b):\n    return a + b\n")
        try repo.write("tests/test_ops.py", "from calc.ops import add\n\n\ndef test_add():\n    assert add(2, 3) == 5\n")
        let baseline = try repo.commitAll("baseline")
        try repo.write("calc/ops.py", "def add(a, b):\n    return a - b\n")
        let deploy = try repo.commitAll("deploy")
        let repository = try Repository(discovering: repo.path)
        let diff = try repository.diff(from: baseline, to: deploy, options: DiffOptions(contextLines: 0, includeLines: true))
        let verdict = TestVerdict(test: Self.test, verdict: .introduced, reason: "introduced",
                                  culprit: try repository.commit(deploy), causalBase: ObjectID(hex: baseline),
                                  causalHead: ObjectID(hex: deploy), causalDiff: diff.files, confidence: .high,
                                  coveredFiles: ["calc/ops.py"], testRuns: 6)
        let outside = try TempDir.make(prefix: "fix-cli-inputs")
        let triage = outside + "/triage.json"
        let document: [String: Any] = [
            "before": baseline, "after": deploy,
            "verdicts": [try JSONSerialization.jsonObject(with: JSONEncoder().encode(VerdictJSON(verdict)))],
        ]
        try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: triage))
        let config = outside + "/heal.yml"
        try """
            suite:
              command: "python3 -m pytest -q -p no:cacheprovider --junitxml={results}"
              test: "python3 -m pytest -q -p no:cacheprovider {id} --junitxml={results}"
            """.write(toFile: config, atomically: true, encoding: .utf8)
        return (repo, triage, config, deploy)
    }

    @Test func stagesARevertAndPrintsTheDispatchesJSON() throws {
        let (repo, triage, config, deploy) = try project()
        let before = try repo.userStateFingerprint()
        let result = try HealBinary.run(["fix", "--test", Self.test, "--triage", triage, "--config", config, "--json"], in: repo.path)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let dispatch = try #require((json["dispatches"] as? [[String: Any]])?.first)
        let branch = "heal/tests-test-ops-py-test-add-" + deploy.prefix(7)
        #expect(dispatch["test"] as? String == Self.test)
        #expect(dispatch["agent"] as? String == "revert")
        #expect(dispatch["attempt"] as? Int == 1)
        #expect(dispatch["branch"] as? String == branch)
        #expect(dispatch["outcome"] as? String == "staged")
        #expect((dispatch["prBody"] as? String)?.hasSuffix("/.git/heal/pr/heal-tests-test-ops-py-test-add-\(deploy.prefix(7)).md") == true)
        #expect(try repo.git("show", "\(branch):calc/ops.py") == "def add(a, b):\n    return a + b\n")
        #expect(try repo.userStateFingerprint() == before)
    }

    @Test func aFailedAttemptExitsOneWithBranchAndPRBodyNull() throws {
        let (repo, triage, config, _) = try project()
        let before = try repo.userStateFingerprint()
        let agentConfig = config + ".command.yml"
        try (try String(contentsOfFile: config, encoding: .utf8) + "\nfix:\n  agent: command\n  command: \"true\"\n")
            .write(toFile: agentConfig, atomically: true, encoding: .utf8)
        let result = try HealBinary.run(["fix", "--test", Self.test, "--triage", triage, "--config", agentConfig, "--json"], in: repo.path)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("\"branch\" : null"))
        #expect(result.stdout.contains("\"prBody\" : null"))
        #expect(result.stdout.contains("\"outcome\" : \"failed\""))
        #expect(try repo.git("for-each-ref", "--format=%(refname:short)", "refs/heads") == "main\n")
        #expect(try repo.userStateFingerprint() == before)
    }

    @Test func anUnknownTestOrAgentIsBadInput() throws {
        let (repo, triage, config, _) = try project()
        let unknownTest = try HealBinary.run(["fix", "--test", "nope", "--triage", triage, "--config", config], in: repo.path)
        #expect(unknownTest.status == 2)
        #expect(unknownTest.stderr.contains("no verdict for `nope`"))
        let unknownAgent = try HealBinary.run(["fix", "--test", Self.test, "--triage", triage, "--config", config, "--agent", "gpt"], in: repo.path)
        #expect(unknownAgent.status == 2)
        #expect(unknownAgent.stderr.contains("unknown agent `gpt`"))
    }
}
