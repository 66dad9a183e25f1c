import Foundation
import Testing
import TestSupport

/// `heal detect` end to end: real pytest runs of a small project write the JUnit files, the
/// built binary compares them.
@Suite("heal detect")
struct DetectCommandTests {
    static let source = """
        def add(a, b):
            return a + b


        def mul(a, b):
            return a * b


        def div(a, b):
            return a / b

        """
    static let tests = """
        import pytest
        from calc import add, div, mul


        def test_add():
            assert add(2, 3) == 5


        @pytest.mark.parametrize("a,b,expected", [(2, 3, 6), (0, 5, 0)])
        def test_mul(a, b, expected):
            assert mul(a, b) == expected


        class TestDiv:
            def test_div(self):
                assert div(6, 3) == 2

            def test_div_by_zero(self):
                with pytest.raises(ZeroDivisionError):
                    div(1, 0)


        def test_already_broken():
            assert add(1, 1) == 3


        @pytest.mark.skip(reason="not yet")
        def test_skipped():
            pass

        """
    /// What breaking `mul` for zero and `div` everywhere breaks; `test_already_broken` failed before.
    static let broken = ["tests/test_calc.py::TestDiv::test_div", "tests/test_calc.py::test_mul[0-5-0]"]

    /// The project, and where one pytest run of it writes its JUnit report.
    static func project() throws -> PythonProject {
        try PythonProject(files: ["src/calc.py": source, "tests/test_calc.py": tests], coverage: false)
    }

    /// Runs the suite with pytest and returns the JUnit file it wrote (`family` xunit1 or xunit2).
    static func junit(_ project: PythonProject, named name: String, family: String = "xunit2") throws -> String {
        let path = project.scratch + "/\(name).xml"
        let run = try Shell.run(["python3", "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "junit_family=\(family)",
                                 "--junitxml=\(path)"], in: project.path)
        // pytest exits 1 when a test fails; anything else means the suite did not run.
        #expect(run.status == 0 || run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: path))
        return path
    }

    static func breakCalc(_ project: PythonProject) throws {
        try project.replace(in: "src/calc.py", "return a * b", with: "return a * b if a else 1")
        try project.replace(in: "src/calc.py", "return a / b", with: "return a / b + 1")
    }

    static func json(_ stdout: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
    }

    @Test("a run with tests broken: exactly the broken tests, exit 1")
    func brokenTests() throws {
        let project = try Self.project()
        let baseline = try Self.junit(project, named: "baseline")
        try Self.breakCalc(project)
        let current = try Self.junit(project, named: "current")

        let result = try HealBinary.run(["detect", "--baseline", baseline, "--current", current, "--json"], in: project.path)

        #expect(result.status == 1, "\(result.stderr)")
        let object = try Self.json(result.stdout)
        let regressions = try #require(object["regressions"] as? [[String: Any]])
        #expect(regressions.map { $0["test"] as? String } == Self.broken)
        #expect(regressions.allSatisfy { $0["kind"] as? String == "newly-failing" })
        #expect(regressions.allSatisfy { $0["baseline"] as? String == "passed" && $0["current"] as? String == "failed" })
        #expect(regressions.allSatisfy { $0["file"] as? String == "tests/test_calc.py" })
        #expect((regressions.first?["message"] as? String)?.contains("assert") == true)

        let human = try HealBinary.run(["detect", "--baseline", baseline, "--current", current], in: project.path)
        #expect(human.status == 1, "\(human.stderr)")
        for test in Self.broken { #expect(human.stdout.contains("newly-failing: \(test)"), "\(human.stdout)") }
        #expect(!human.stdout.contains("test_already_broken:"), "\(human.stdout)")
    }

    @Test("xunit1 and xunit2 reports of the same suite name the same tests")
    func familiesAgree() throws {
        let project = try Self.project()
        let baseline = try Self.junit(project, named: "baseline", family: "xunit1")
        try Self.breakCalc(project)
        let current = try Self.junit(project, named: "current", family: "xunit2")

        let result = try HealBinary.run(["detect", "--baseline", baseline, "--current", current, "--json"], in: project.path)

        #expect(result.status == 1, "\(result.stderr)")
        let object = try Self.json(result.stdout)
        #expect((object["regressions"] as? [[String: Any]])?.map { $0["test"] as? String } == Self.broken)
        #expect((object["missing"] as? [String]) == [])
    }

    @Test("identical runs: no regression, exit 0; --json has the documented shape")
    func identicalRuns() throws {
        let project = try Self.project()
        let first = try Self.junit(project, named: "first")
        let second = try Self.junit(project, named: "second")

        let result = try HealBinary.run(["detect", "--baseline", first, "--current", second, "--json"], in: project.path)

        #expect(result.status == 0, "\(result.stderr)")
        let object = try Self.json(result.stdout)
        #expect(Set(object.keys) == ["regressions", "fixed", "missing", "infraSuspect", "summary", "problems"])
        #expect((object["regressions"] as? [Any])?.isEmpty == true)
        #expect(object["fixed"] as? [String] == [])
        #expect(object["missing"] as? [String] == [])
        #expect(object["infraSuspect"] as? Bool == false)
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["baselineTests"] as? Int == 7)
        #expect(summary["currentTests"] as? Int == 7)
        #expect(summary["regressions"] as? Int == 0)
        #expect(summary["stillFailing"] as? Int == 1)
        let problems = try #require(object["problems"] as? [String: Any])
        #expect(Set(problems.keys) == ["baseline", "current"])
    }

    @Test("garbage or a truncated report: exit 2 with the file and the position")
    func badInput() throws {
        let project = try Self.project()
        let baseline = try Self.junit(project, named: "baseline")
        let report = try String(contentsOfFile: baseline, encoding: .utf8)
        let truncated = project.scratch + "/truncated.xml"
        try String(report.prefix(report.count / 2)).write(toFile: truncated, atomically: true, encoding: .utf8)
        let garbage = project.scratch + "/garbage.xml"
        try Data("<testsuites>\n  <testsuite name=\"pytest\">\n    <testcase name=\"a\"></testsuite>\n".utf8)
            .write(to: URL(fileURLWithPath: garbage))
        let binary = project.scratch + "/binary.xml"
        try Data([0x7A, 0xAB, 0x00, 0x5C, 0xBA, 0xF6]).write(to: URL(fileURLWithPath: binary))

        for (bad, position, problem) in [(truncated, ":1:", "ends early"), (garbage, ":3:", "does not match"),
                                         (binary, ":1:3", "binary data")] {
            let result = try HealBinary.run(["detect", "--baseline", baseline, "--current", bad], in: project.path)
            #expect(result.status == 2, "\(bad): \(result.stdout)\(result.stderr)")
            let output = result.stdout + result.stderr
            #expect(output.contains(bad + position), "\(output)")
            #expect(output.contains(problem), "\(output)")
        }
    }
}
