import Foundation
import Testing
import TestSupport

@Suite("heal triage")
struct TriageCommandTests {
    static let source = "def double(x):\n    return x * 2\n\n\ndef half(x):\n    return x / 2\n"
    static let tests = """
        from calc import double, half


        def test_double():
            assert double(4) == 8


        def test_half():
            assert half(4) == 2

        """

    static func project() throws -> (PythonProject, before: String, after: String) {
        let project = try PythonProject(files: ["src/calc.py": source, "tests/test_calc.py": tests])
        let before = try project.repo.head()
        try project.replace(in: "src/calc.py", "x * 2", with: "x * 3")
        try project.replace(in: "src/calc.py", "x / 2", with: "x / 2.0")
        let after = try project.commit("calc: tweaks")
        return (project, before, after)
    }

    @Test("--json prints before, after, regressions and verdicts with the culprit and the minimal hunk; exit 1")
    func json() throws {
        let (project, before, after) = try Self.project()
        let fingerprint = try project.repo.userStateFingerprint()

        let result = try HealBinary.run(["triage", "--before", before, "--after", after, "--json"], in: project.path)

        #expect(result.status == 1, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["before"] as? String == before)
        #expect(object["after"] as? String == after)
        let regressions = try #require(object["regressions"] as? [[String: Any]])
        #expect(regressions.map { $0["test"] as? String } == ["tests/test_calc.py::test_double"])
        #expect(regressions.first?["kind"] as? String == "newly-failing")
        let verdict = try #require((object["verdicts"] as? [[String: Any]])?.first)
        #expect(verdict["verdict"] as? String == "introduced")
        #expect(verdict["culprit"] as? String == after)
        #expect((verdict["testRuns"] as? Int ?? 0) >= 4)
        #expect(verdict["coveredFiles"] as? [String] == ["src/calc.py"])
        let causal = try #require(verdict["causalDiff"] as? [String: Any])
        #expect(causal["base"] as? String == before)
        #expect(causal["head"] as? String == after)
        let files = try #require(causal["files"] as? [[String: Any]])
        #expect(files.map { $0["path"] as? String } == ["src/calc.py"])
        let hunks = try #require(files.first?["hunks"] as? [[String: Int]])
        #expect(hunks == [["oldStart": 2, "oldLines": 1, "newStart": 2, "newLines": 1]])
        #expect(try project.repo.userStateFingerprint() == fingerprint)
    }

    @Test("the human form lists the verdict, its reason, the culprit with its subject, the hunks and the runs")
    func human() throws {
        let (project, before, after) = try Self.project()

        let result = try HealBinary.run(["triage", "--before", before, "--after", after], in: project.path)

        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("introduced: tests/test_calc.py::test_double"))
        #expect(result.stdout.contains("  reason: introduced: fails on all 3 fresh reruns"))
        #expect(result.stdout.contains("  culprit: \(after.prefix(7)) calc: tweaks"))
        #expect(result.stdout.contains("    src/calc.py @@ -2,1 +2,1 @@"))
        #expect(result.stdout.contains("  runs: "))
    }

    @Test("result files without a regression: exit 0 and no verdict, no test run")
    func noRegression() throws {
        let project = try PythonProject(files: ["src/calc.py": Self.source, "tests/test_calc.py": Self.tests])
        let results = project.scratch + "/results.xml"
        try Shell.check(["python3", "-m", "pytest", "-q", "-p", "no:cacheprovider", "--junitxml=\(results)"], in: project.path)

        let result = try HealBinary.run(["triage", "--before", "HEAD", "--after", "HEAD", "--baseline", results,
                                         "--current", results, "--json"], in: project.path)

        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((object["verdicts"] as? [Any])?.isEmpty == true)
    }

    @Test("bad input exits 2 with what to fix: an unknown revision, only one side of result files")
    func badInput() throws {
        let project = try PythonProject(files: ["src/calc.py": Self.source, "tests/test_calc.py": Self.tests])

        let unknown = try HealBinary.run(["triage", "--before", "nope", "--after", "HEAD"], in: project.path)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown revision 'nope'"))

        let oneSide = try HealBinary.run(["triage", "--before", "HEAD", "--after", "HEAD", "--baseline", "x.xml"],
                                         in: project.path)
        #expect(oneSide.status == 2)
        #expect(oneSide.stderr.contains("--current"))
    }
}
