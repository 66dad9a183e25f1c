import Foundation
import HealKit
import Testing
import TestSupport

/// `heal run` as a user (or a hook, or CI) runs it: the real binary on a real pytest project.
@Suite("heal run")
struct RunCommandTests {
    @Test("a deploy that breaks a test: the fix is staged on its branch, the JSON has the DESIGN shape, exit 0, the checkout untouched")
    func stagesAFix() throws {
        let fixture = try RunFixture()
        let before = try fixture.repo.head("deploy-1")
        let after = try fixture.commitFixableRegression()
        // Work in progress the run must not touch: an untracked file and a staged one.
        try fixture.project.write("notes.txt", "scratch\n")
        try fixture.project.write("docs/plan.md", "# plan\n")
        try fixture.repo.git("add", "docs/plan.md")
        let fingerprint = try fixture.repo.userStateFingerprint()

        let result = try fixture.heal(["run", "--json"])

        #expect(result.status == 0, "\(result.stderr)")
        let json = try jsonObject(result)
        #expect(json["before"] as? String == before)
        #expect(json["after"] as? String == after)
        #expect(json["baseline"] as? String == "tag deploy-1")
        let regressions = try #require(json["regressions"] as? [[String: Any]])
        #expect(regressions.map { $0["test"] as? String } == [RunFixture.fixableTest])
        #expect(regressions.first?["kind"] as? String == "newly-failing")
        let verdict = try #require((json["verdicts"] as? [[String: Any]])?.first)
        #expect(verdict["verdict"] as? String == "introduced")
        #expect(verdict["culprit"] as? String == after)
        let causal = try #require(verdict["causalDiff"] as? [String: Any])
        let files = try #require(causal["files"] as? [[String: Any]])
        #expect(files.map { $0["path"] as? String } == ["src/calc.py"])
        #expect((files.first?["hunks"] as? [[String: Int]])?.count == 1, "only add's hunk, not neg's")
        let dispatch = try #require((json["dispatches"] as? [[String: Any]])?.first)
        let branch = "heal/tests-test-calc-py-test-add-" + after.prefix(7)
        #expect(dispatch["outcome"] as? String == "staged")
        #expect(dispatch["agent"] as? String == "revert")
        #expect(dispatch["attempt"] as? Int == 1)
        #expect(dispatch["branch"] as? String == branch)
        let prBody = try #require(dispatch["prBody"] as? String)
        #expect(try String(contentsOfFile: prBody, encoding: .utf8).contains(RunFixture.fixableTest))
        #expect((json["escalations"] as? [Any])?.isEmpty == true)
        #expect((json["unhandled"] as? [Any])?.isEmpty == true)

        let fixed = try fixture.repo.git("show", "\(branch):src/calc.py")
        #expect(fixed.contains("return a + b") && fixed.contains("return 0 - x"), "the cause reverted, the benign hunk kept")
        #expect(try fixture.repo.userStateFingerprint() == fingerprint)
        #expect(result.stderr.contains("heal: running the suite at \(before.prefix(7)) (before)…"))
        #expect(result.stderr.contains("heal: running the suite at \(after.prefix(7)) (after)…"))
        #expect(result.stderr.contains("heal: triaging \(RunFixture.fixableTest) (1 of 1)…"))
        #expect(result.stderr.contains("heal: dispatching the revert agent for \(RunFixture.fixableTest)…"))

        let run = try #require(try fixture.recentRuns().first)
        #expect(run["before"] as? String == before)
        #expect(run["after"] as? String == after)
        #expect(run["staged"] as? Int == 1)
        #expect(run["stagedAt"] != nil && run["finishedAt"] != nil)
    }

    @Test("heal run again on the same deploy: the staged fix is reported as already-staged and no attempt is counted")
    func aRerunOfTheSameDeployIsAlreadyStaged() throws {
        let fixture = try RunFixture()
        try fixture.commitFixableRegression()
        let first = try jsonObject(try fixture.heal(["run", "--json"]))
        let staged = try #require((first["dispatches"] as? [[String: Any]])?.first)
        #expect(staged["outcome"] as? String == "staged")

        let again = try fixture.heal(["run", "--json"])
        #expect(again.status == 0, "\(again.stderr)")
        let dispatch = try #require((try jsonObject(again)["dispatches"] as? [[String: Any]])?.first, "\(again.stdout)\n\(again.stderr)")
        #expect(dispatch["outcome"] as? String == "already-staged")
        #expect(dispatch["branch"] as? String == staged["branch"] as? String)
        #expect(dispatch["prBody"] as? String == staged["prBody"] as? String)
        let status = try JSONSerialization.jsonObject(with: Data(try fixture.heal(["status", "--json"]).stdout.utf8)) as? [String: Any]
        let breaker = try #require((status?["breakers"] as? [[String: Any]])?.first)
        #expect(breaker["attempts"] as? Int == 1, "no new attempt counted")
    }

    @Test("duplicate ids in the results are shown by heal run as heal detect shows them")
    func duplicateIdsAreShown() throws {
        let repo = try TempRepo(prefix: "duplicates")
        let junit = #"<testsuites><testsuite name=\"s\"><testcase classname=\"A\" name=\"t\"/><testcase classname=\"A\" name=\"t\"/></testsuite></testsuites>"#
        try repo.write(".heal.yml", "suite:\n  command: \"printf '%s' '\(junit)' > {results}\"\n  test: \"true {results}\"\n  format: junit\n")
        try repo.commitAll("baseline")
        try repo.git("tag", "deploy-1")
        try repo.write("NOTES", "x\n")
        try repo.commitAll("deploy")

        let result = try HealBinary.run(["run", "--json"], in: repo.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("duplicate test id 'A/t'"), "\(result.stderr)")
        let problems = try #require(try jsonObject(result)["problems"] as? [String: Any])
        #expect(problems["current"] != nil || problems["baseline"] != nil)
    }

    @Test("--dry-run computes the verdicts but dispatches no agent and writes no ticket: exit 1")
    func dryRun() throws {
        let fixture = try RunFixture()
        try fixture.commitFixableRegression()
        let fingerprint = try fixture.repo.userStateFingerprint()

        let result = try fixture.heal(["run", "--dry-run", "--json"])

        #expect(result.status == 1, "\(result.stderr)")
        let json = try jsonObject(result)
        #expect(json["dryRun"] as? Bool == true)
        #expect((json["verdicts"] as? [[String: Any]])?.first?["verdict"] as? String == "introduced")
        #expect((json["dispatches"] as? [Any])?.isEmpty == true)
        #expect((json["escalations"] as? [Any])?.isEmpty == true)
        let unhandled = try #require((json["unhandled"] as? [[String: Any]])?.first)
        #expect((unhandled["reason"] as? String)?.contains("dry run") == true)
        #expect(try fixture.fixBranches().isEmpty)
        #expect(fixture.prBodies().isEmpty)
        #expect(fixture.tickets().isEmpty)
        #expect(try fixture.repo.userStateFingerprint() == fingerprint)
    }

    @Test("nothing regressed: exit 0; --store and --publish override the configuration")
    func noRegression() throws {
        let fixture = try RunFixture()
        try fixture.project.write("README.md", "# calc\n")
        try fixture.project.commit("docs: readme")
        let store = fixture.project.scratch + "/elsewhere.sqlite"

        let result = try fixture.heal(["run", "--publish", "local", "--store", "sqlite:" + store])

        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("no regressions"))
        #expect(FileManager.default.fileExists(atPath: store))
        #expect(!FileManager.default.fileExists(atPath: fixture.healDirectory + "/heal.sqlite"))
    }

    @Test("no --before and no deploy tag before HEAD: exit 2 naming the flag to pass")
    func missingBaseline() throws {
        let fixture = try RunFixture()
        try fixture.repo.git("tag", "-d", "deploy-1")

        let result = try fixture.heal(["run"])

        #expect(result.status == 2)
        #expect(result.stderr.contains("pass --before REV"), "\(result.stderr)")

        // --json prints the run's JSON whatever the exit code, the error in `errors`.
        let json = try fixture.heal(["run", "--json"])
        #expect(json.status == 2)
        let object = try jsonObject(json)
        #expect((object["regressions"] as? [Any])?.isEmpty == true)
        let error = try #require((object["errors"] as? [[String: Any]])?.first)
        #expect((error["message"] as? String)?.contains("pass --before REV") == true)
        #expect(error["isUserInput"] as? Bool == true)
    }

    @Test("a second heal run while one holds the lock exits 2 with the lock message")
    func lockBusy() throws {
        let fixture = try RunFixture()
        let lock = try RunLock(healDirectory: fixture.healDirectory, wait: false)
        defer { lock.release() }

        let result = try fixture.heal(["run", "--before", "deploy-1"])

        #expect(result.status == 2)
        #expect(result.stderr.contains("another heal run is in progress on this repository (pid \(getpid())"), "\(result.stderr)")
        #expect(result.stderr.contains("--wait"))
    }

    @Test("--wait queues behind the holder and runs once the lock is free")
    func waitQueues() async throws {
        let fixture = try RunFixture()
        let lock = try RunLock(healDirectory: fixture.healDirectory, wait: false)
        let log = fixture.project.scratch + "/wait.log"
        FileManager.default.createFile(atPath: log, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: HealBinary.path)
        process.arguments = ["run", "--before", "deploy-1", "--wait"]
        process.currentDirectoryURL = URL(fileURLWithPath: fixture.path)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        process.standardError = handle
        process.standardOutput = handle
        try process.run()

        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(120)
        while !((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").contains("waiting for it to finish") {
            guard clock.now < deadline, process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        let waited = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        #expect(waited.contains("another heal run holds the lock"), "\(waited)")
        lock.release()
        process.waitUntilExit()
        try handle.close()
        #expect(process.terminationStatus == 0, "\((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
    }
}
