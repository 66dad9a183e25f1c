import HealKit
import Testing
import TestSupport

@Suite("CommandTemplate")
struct CommandTemplateTests {
    static let tricky = "tests/a b.py::test_x[it's \"1\" $HOME `id` \\n]"

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

    /// The issue's case: `test: "pytest \"{id}\""` quoted the id twice and found no test.
    @Test(arguments: [
        #"printf %s {v}"#, #"printf %s "{v}""#, #"printf %s '{v}'"#,
        #"printf %s "<{v}>""#, #"printf %s '<{v}>'"#, #"printf %s x{v}y"#,
        #"printf %s "a \" b {v}""#, #"printf %s 'a "b' {v}"#, #"printf %s \"{v}\""#,
    ])
    func aPlaceholderIsExactlyItsValueInAnyQuoting(template: String) throws {
        let expected = try Shell.check(["sh", "-c", template.replacingOccurrences(of: "{v}", with: "VALUE")])
        let output = try Shell.check(["sh", "-c", CommandTemplate.render(template, ["v": Self.tricky])])
        #expect(output == expected.replacingOccurrences(of: "VALUE", with: Self.tricky))
    }

    @Test func patternPlaceholdersMatchExactlyTheName() throws {
        let values = TestTarget(id: "example.com/calc/TestTax/0.5+tax", name: "TestTax/0.5+tax",
                                classname: "example.com/calc").placeholders(["results": "r"])
        #expect(values["go_run"] == #"^TestTax$/^0\.5\+tax$"#)
        #expect(values["name_re"] == #"^TestTax/0\.5\+tax$"#)
        #expect(values["classname_re"] == #"^example\.com/calc$"#)
        let swift = TestTarget(id: "ShopTests.NoTax/totalWithoutTax()").placeholders([:])
        #expect(swift["swift_filter"] == #"^ShopTests\.NoTax/totalWithoutTax\(\)(/|$)"#)
        #expect(values["results"] == "r")
        let node = TestTarget(id: "outer > parses (a.b) [x]|y", name: "parses (a.b) [x]|y").placeholders([:])
        #expect(node["name_re"] == #"^parses \(a\.b\) \[x\]\|y$"#)
    }
}
