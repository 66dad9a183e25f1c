import Foundation
import GitKit
import HealKit
import Testing
import TestSupport

/// A real `SuiteResultCache` kept in memory (the stores keep theirs in SQLite or PostgreSQL).
private actor InMemorySuiteCache: SuiteResultCache {
    var entries: [String: Data] = [:]
    func cachedSuiteResult(treeID: String, command: String) -> Data? { entries[treeID + "\u{0}" + command] }
    func storeSuiteResult(treeID: String, command: String, payload: Data) { entries[treeID + "\u{0}" + command] = payload }
}

@Suite("TestRunner")
struct TestRunnerTests {
    /// A small pytest project: `good` passes everything, `broken` breaks `add`, `unbuildable`
    /// has a syntax error. The user's checkout is left dirty on purpose.
    private struct Project {
        let repo: TempRepo
        let good: String
        let broken: String
        let unbuildable: String
    }

    private func project() throws -> Project {
        let repo = try TempRepo(prefix: "runner")
        try repo.write("pytest.ini", "[pytest]\n")
        try repo.write("calc.py", "def add(a, b):\n    return a + b\n\n\ndef mul(a, b):\n    return a * b\n")
        try repo.write("tests/test_calc.py", """
            import pytest
            from calc import add, mul


            def test_add():
                assert add(2, 3) == 5


            def test_mul():
                assert mul(2, 3) == 6


            @pytest.mark.parametrize("n", [1, 2])
            def test_param(n):
                assert add(n, n) == 2 * n

            """)
        let good = try repo.commitAll("calc")
        try repo.write("calc.py", "def add(a, b):\n    return a - b\n\n\ndef mul(a, b):\n    return a * b\n")
        let broken = try repo.commitAll("break add")
        try repo.write("calc.py", "def add(a, b)\n    return a + b\n")
        let unbuildable = try repo.commitAll("syntax error")
        try repo.git("checkout", "-q", good)
        try repo.git("checkout", "-q", "-b", "feature")
        try repo.write("notes.txt", "untracked work in progress\n")
        try repo.write("calc.py", "# local edit\n" + repo.read("calc.py"))
        return Project(repo: repo, good: good, broken: broken, unbuildable: unbuildable)
    }

    private func config(testTimeout: Duration = .seconds(120), test: String? = nil) -> HealConfig {
        var config = HealConfig()
        config.suite = HealConfig.Suite(
            command: PythonProject.suiteCommand, format: .junit,
            test: test ?? PythonProject.testCommand,
            timeout: .seconds(300), testTimeout: testTimeout)
        config.coverage = HealConfig.Coverage(
            command: PythonProject.pytest + " -p pytest_cov --cov=. --cov-context=test --cov-report= ; "
                + "python3 -m coverage json --show-contexts -o {coverage}",
            format: .coveragepyJSON, perTest: true)
        return config
    }

    private func healWorktrees(_ repo: TempRepo) throws -> [String] {
        try repo.scratchLeftovers()
    }

    @Test func runsTheSuiteInAWorktreeAndGradesFromTheResults() async throws {
        let project = try project()
        let before = try project.repo.userStateFingerprint()
        let runner = try TestRunner(repositoryPath: project.repo.path, config: config())

        let good = try await runner.runSuite(at: project.good)
        let goodReport = try #require(good.report, "\(good.couldNotRunReason ?? "")")
        #expect(goodReport.tests.count == 4)
        #expect(goodReport.tests.allSatisfy { $0.outcome.isPass })
        #expect(!good.fromCache)

        let broken = try await runner.runSuite(at: project.broken)
        let brokenReport = try #require(broken.report)
        #expect(brokenReport.test("tests/test_calc.py::test_add")?.outcome.isFailure == true)
        #expect(brokenReport.test("tests/test_calc.py::test_param[2]")?.outcome.isFailure == true)
        #expect(brokenReport.test("tests/test_calc.py::test_mul")?.outcome.isPass == true)
        #expect(broken.process?.exitCode == 1)

        let runDirectory = try #require(broken.runDirectory)
        #expect(runDirectory.contains("/.git/heal/runs/"))
        #expect(try String(contentsOfFile: runDirectory + "/command.txt", encoding: .utf8).contains(project.broken))
        #expect(try String(contentsOfFile: runDirectory + "/output.log", encoding: .utf8).contains("3 failed, 1 passed"))

        #expect(try project.repo.userStateFingerprint() == before)
        #expect(try healWorktrees(project.repo).isEmpty)
    }

    @Test func runsOneTestWithItsIdShellQuoted() async throws {
        let project = try project()
        let before = try project.repo.userStateFingerprint()
        let runner = try TestRunner(repositoryPath: project.repo.path, config: config())

        let failing = try await runner.runTest(TestTarget(id: "tests/test_calc.py::test_add"), at: project.broken)
        guard case .failed(let test) = failing.outcome else {
            Issue.record("expected a failure, got \(failing.outcome)")
            return
        }
        #expect(test.output?.contains("assert") == true || test.message?.contains("assert") == true)
        #expect(failing.outcome.commitOutcome == .fail)

        let passing = try await runner.runTest(TestTarget(id: "tests/test_calc.py::test_add"), at: project.good)
        #expect(passing.outcome == .passed)

        let parameterized = try await runner.runTest(TestTarget(id: "tests/test_calc.py::test_param[2]"), at: project.broken)
        #expect(parameterized.outcome.commitOutcome == .fail)
        let parameterizedGood = try await runner.runTest(TestTarget(id: "tests/test_calc.py::test_param[2]"), at: project.good)
        #expect(parameterizedGood.outcome == .passed)

        #expect(try project.repo.userStateFingerprint() == before)
        #expect(try healWorktrees(project.repo).isEmpty)
    }

    @Test func aCommitThatCannotRunTheTestIsCouldNotRun() async throws {
        let project = try project()
        let runner = try TestRunner(repositoryPath: project.repo.path, config: config())

        let syntaxError = try await runner.runTest(TestTarget(id: "tests/test_calc.py::test_add"), at: project.unbuildable)
        guard case .couldNotRun = syntaxError.outcome else {
            Issue.record("expected couldNotRun, got \(syntaxError.outcome)")
            return
        }
        #expect(syntaxError.outcome.commitOutcome == .skip)

        let missing = try await runner.runTest(TestTarget(id: "tests/test_calc.py::test_div"), at: project.good)
        guard case .couldNotRun(let reason) = missing.outcome else {
            Issue.record("expected couldNotRun, got \(missing.outcome)")
            return
        }
        // The runner's own words and the command, not just "could not run".
        #expect(reason.contains("command: ") && reason.contains("tests/test_calc.py::test_div"))
        #expect(reason.contains("not found"), "\(reason)")
    }

    /// The issue's case: `test: "pytest \"{id}\""` quoted the id twice and ran no test.
    @Test(arguments: [#"\#(PythonProject.pytest) "{id}" --junitxml="{results}""#,
                      #"\#(PythonProject.pytest) '{id}' --junitxml='{results}'"#])
    func aPlaceholderTheUserQuotedRunsTheTest(test: String) async throws {
        let project = try project()
        let runner = try TestRunner(repositoryPath: project.repo.path, config: config(test: test))
        let run = try await runner.runTest(TestTarget(id: "tests/test_calc.py::test_param[2]"), at: project.broken)
        guard case .failed = run.outcome else {
            Issue.record("expected the test to run and fail, got \(run.outcome)")
            return
        }
    }

    @Test func theExitCodeAloneIsNotAVerdict() async throws {
        let project = try project()
        let silent = try TestRunner(repositoryPath: project.repo.path, config: config(test: "true {results}"))
        let run = try await silent.runTest(TestTarget(id: "tests/test_calc.py::test_add"), at: project.good)
        #expect(run.process.succeeded)
        guard case .couldNotRun(let reason) = run.outcome else {
            Issue.record("expected couldNotRun, got \(run.outcome)")
            return
        }
        #expect(reason.contains("no results"))

        let empty = try TestRunner(repositoryPath: project.repo.path, config: config(test: ": > {results}"))
        guard case .couldNotRun = try await empty.runTest(TestTarget(id: "x"), at: project.good).outcome else {
            Issue.record("an empty results file must be couldNotRun")
            return
        }
    }

    @Test func aHangingTestIsKilledAtTheTimeout() async throws {
        let project = try project()
        let hanging = try TestRunner(repositoryPath: project.repo.path,
                                     config: config(testTimeout: .seconds(1), test: "sleep 120 & sleep 120; echo {results}"))
        let run = try await hanging.runTest(TestTarget(id: "tests/test_calc.py::test_add"), at: project.good)
        #expect(run.process.timedOut)
        guard case .couldNotRun(let reason) = run.outcome else {
            Issue.record("expected couldNotRun, got \(run.outcome)")
            return
        }
        #expect(reason.contains("timed out"))
        #expect(try healWorktrees(project.repo).isEmpty)
    }

    @Test func wholeSuiteResultsAreCachedByTree() async throws {
        let project = try project()
        let cache = InMemorySuiteCache()
        let runner = try TestRunner(repositoryPath: project.repo.path, config: config(), cache: cache)

        let first = try await runner.runSuite(at: project.broken)
        #expect(!first.fromCache && first.didRun)

        // Another commit with the same tree (say, after a rebase) is the same suite run.
        let sameTree = try project.repo.git("commit-tree", project.broken + "^{tree}", "-p", project.broken,
                                            "-m", "same tree").trimmingCharacters(in: .whitespacesAndNewlines)
        let second = try await runner.runSuite(at: sameTree)
        #expect(second.fromCache && second.process == nil)
        let report = try #require(second.report)
        #expect(report.test("tests/test_calc.py::test_add")?.outcome.isFailure == true)
        #expect(report.tests.count == 4)

        let other = try await runner.runSuite(at: project.good)
        #expect(!other.fromCache)
    }

    @Test func runsInADirectoryTheCallerPrepared() async throws {
        let project = try project()
        let runner = try TestRunner(repositoryPath: project.repo.path, config: config())
        let area = try WorkArea(repositoryPath: project.repo.path)
        let outcome = try await area.withExport(at: project.broken, label: "fix") { export in
            try "def add(a, b):\n    return a + b\n\n\ndef mul(a, b):\n    return a * b\n"
                .write(toFile: export.directory + "/calc.py", atomically: true, encoding: .utf8)
            return try await runner.runTest(TestTarget(id: "tests/test_calc.py::test_add"), in: export.directory).outcome
        }
        #expect(outcome == .passed)
        #expect(try healWorktrees(project.repo).isEmpty)
    }

    @Test func runsTheCoverageCommand() async throws {
        let project = try project()
        let runner = try TestRunner(repositoryPath: project.repo.path, config: config())
        let run = try #require(try await runner.runCoverage(at: project.broken))
        let file = try #require(run.coverageFile, "see \(run.runDirectory)/output.log")
        let json = try String(contentsOfFile: file, encoding: .utf8)
        #expect(json.contains("tests/test_calc.py::test_add|run"))

        var noCoverage = config()
        noCoverage.coverage.command = nil
        #expect(try await TestRunner(repositoryPath: project.repo.path, config: noCoverage).runCoverage(at: project.good) == nil)
    }
}
