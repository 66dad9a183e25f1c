import GitKit
@testable import HealKit
import Testing

/// A production error's fix may add test modules — never edit, delete or rename a test, and
/// never add a file that changes how every test runs.
@Suite struct ScopeGuardNewTestsTests {
    typealias File = ProposedChange.File

    var rules: ScopeRules {
        var rules = ScopeRules(coverageArea: ["src/pay.py"], tests: [Glob("tests/**"), Glob("**/test_*.py"), Glob("**/*_test.go")])
        rules.addsTests = true
        return rules
    }

    func added(_ path: String) -> File {
        File(status: .added, oldPath: nil, newPath: path, oldMode: .absent,
             addedLines: [ProposedChange.Line(number: 1, text: "def test_x(): ...")])
    }

    func modified(_ path: String) -> File {
        File(status: .modified, oldPath: path, newPath: path, addedLines: [ProposedChange.Line(number: 3, text: "x = 1")])
    }

    @Test func newTestModulesPass() {
        let change = ProposedChange(files: [added("tests/test_pay_regression.py"), added("src/pay_test.go"), modified("src/pay.py")])
        #expect(ScopeGuard.check(change, rules: rules).isEmpty)
    }

    @Test func existingTestsStayUntouchable() {
        let edited = ScopeGuard.check(ProposedChange(files: [modified("tests/test_pay.py")]), rules: rules)
        #expect(edited.map(\.rule) == [.testTouched])
        let deleted = File(status: .deleted, oldPath: "tests/test_pay.py", newPath: nil, newMode: .absent)
        #expect(ScopeGuard.check(ProposedChange(files: [deleted]), rules: rules).map(\.rule) == [.testTouched])
    }

    @Test(arguments: ["tests/conftest.py", "tests/__init__.py", "tests/pytest.ini", "tests/helpers.py", "tests/data/fixture.json"])
    func filesThatAreNoTestModuleAreRefused(path: String) {
        let violations = ScopeGuard.check(ProposedChange(files: [added(path)]), rules: rules)
        #expect(violations.map(\.rule) == [.testTouched])
        #expect(violations.first?.description.contains("is no test module") == true)
    }

    @Test func withoutTheAllowanceANewTestIsRefusedToo() {
        var strict = rules
        strict.addsTests = false
        #expect(ScopeGuard.check(ProposedChange(files: [added("tests/test_pay_regression.py")]), rules: strict).map(\.rule) == [.testTouched])
    }

    @Test(arguments: [("test_pay.py", true), ("pay_test.py", true), ("test_.py", false), ("conftest.py", false),
                      ("pay_test.go", true), ("pay.test.ts", true), ("pay.spec.js", true), (".test.js", false),
                      ("PayTest.java", true), ("PayTests.swift", true), ("pay_spec.rb", true), ("pay.py", false)])
    func testModuleNames(name: String, isTest: Bool) {
        #expect(TestModuleName.matches("a/" + name) == isTest)
    }
}
