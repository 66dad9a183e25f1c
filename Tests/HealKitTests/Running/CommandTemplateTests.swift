import HealKit
import Testing
import TestSupport

@Suite("CommandTemplate")
struct CommandTemplateTests {
    @Test func substitutesShellQuotedValues() {
        let command = CommandTemplate.render("pytest -q {id} --junitxml={results}",
                                             ["id": "tests/test_x.py::TestC::test_a[it's 1]", "results": "/tmp/r/results.xml"])
        #expect(command == "pytest -q 'tests/test_x.py::TestC::test_a[it'\\''s 1]' --junitxml=/tmp/r/results.xml")
    }

    @Test func leavesOtherBracesAlone() {
        let command = CommandTemplate.render("echo ${HOME} {unknown} {a,b} {name}", ["name": "x y", "HOME": "no"])
        #expect(command == "echo ${HOME} {unknown} {a,b} 'x y'")
    }

    @Test func quotedValuesReachTheProcessIntact() throws {
        let tricky = "a b'c\"d$e`f\\g[1]*"
        let output = try Shell.check(["sh", "-c", CommandTemplate.render("printf %s {v}", ["v": tricky])])
        #expect(output == tricky)
        #expect(CommandTemplate.quote("") == "''")
        #expect(CommandTemplate.quote("plain/path-1.py") == "plain/path-1.py")
    }
}
