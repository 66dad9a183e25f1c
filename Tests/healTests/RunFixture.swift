import Foundation
import HealKit
import Testing
import TestSupport

/// A real pytest project (via `PythonProject`) for `heal run` and the hooks end to end: a
/// baseline tagged `deploy-1`, and commits that regress it the fixable way (the deploy breaks
/// `add` next to a harmless hunk) or the unfixable way (reverting the cause breaks the deploy's
/// own new test).
final class RunFixture: @unchecked Sendable {
    let project: PythonProject
    var repo: TempRepo { project.repo }
    var path: String { project.path }
    var healDirectory: String { state.healDirectory }

    static let fixableTest = "tests/test_calc.py::test_add"
    static let unfixableTest = "tests/test_calc.py::test_scale"

    static let source = """
        def add(a, b):
            return a + b


        def scale(x):
            return x * 2


        def neg(x):
            return -x

        """

    static let tests = """
        from calc import add, neg, scale


        def test_add():
            assert add(2, 3) == 5


        def test_scale():
            assert scale(4) == 8


        def test_neg():
            assert neg(1) == -1

        """

    /// pytest without the machine's third-party plugins (`-p pytest_cov` loads the one needed),
    /// which makes each run several times faster than `PythonProject`'s defaults.
    static func config(maxAttempts: Int) -> String {
        let pytest = "PYTEST_DISABLE_PLUGIN_AUTOLOAD=1 python3 -m pytest -q -p no:cacheprovider"
        return """
            suite:
              command: "\(pytest) --junitxml={results}"
              test: "\(pytest) {id} --junitxml={results}"
              format: junit
            coverage:
              command: "\(pytest) -p pytest_cov --cov=src --cov-context=test --cov-report= ; python3 -m coverage json --show-contexts -o {coverage}"
              format: coveragepy-json
            fix:
              max-attempts: \(maxAttempts)

            """
    }

    /// The baseline, committed and tagged `deploy-1`.
    init(maxAttempts: Int = 3) throws {
        project = try PythonProject(files: ["src/calc.py": Self.source, "tests/test_calc.py": Self.tests,
                                            ".gitignore": "__pycache__/\n.coverage\n"])
        try project.write(".heal.yml", Self.config(maxAttempts: maxAttempts))
        try project.commit("baseline: fast pytest configuration")
        try repo.git("tag", "deploy-1")
    }

    /// `add` subtracts now (the cause), and `neg` changes harmlessly; nothing committed.
    func writeFixableRegression() throws {
        try project.replace(in: "src/calc.py", "return a + b", with: "return a - b")
        try project.replace(in: "src/calc.py", "return -x", with: "return 0 - x")
    }

    /// Commits the fixable regression on the current branch.
    @discardableResult
    func commitFixableRegression() throws -> String {
        try writeFixableRegression()
        return try project.commit("calc: rework add and neg")
    }

    /// `scale` triples and a new test pins that, while `test_scale` still expects doubling: the
    /// revert makes `test_scale` pass and breaks the new test, so no attempt ever verifies.
    @discardableResult
    func commitUnfixableRegression() throws -> String {
        try project.replace(in: "src/calc.py", "return x * 2", with: "return x * 3")
        try project.write("tests/test_scale3.py", "from calc import scale\n\n\ndef test_scale_triples():\n    assert scale(2) == 6\n")
        return try project.commit("calc: scale triples now")
    }

    /// heal's state folder of the repository.
    var state: RunHealState { RunHealState(repositoryPath: path) }
    func prBodies() -> [String] { state.prBodies() }
    func tickets() -> [String] { state.tickets() }

    /// Branches other than `main`.
    func fixBranches() throws -> [String] {
        try repo.git("for-each-ref", "--format=%(refname:short)", "refs/heads/heal/")
            .split(separator: "\n").map(String.init)
    }

    /// Runs the built `heal` in the repository.
    func heal(_ arguments: [String], environment: [String: String] = [:]) throws -> ShellResult {
        try HealBinary.run(arguments, in: path, environment: environment)
    }

    /// `heal status --json`'s recent runs, newest first.
    func recentRuns() throws -> [[String: Any]] {
        let result = try heal(["status", "--json"])
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return object?["recentRuns"] as? [[String: Any]] ?? []
    }
}

/// The JSON object a command printed.
func jsonObject(_ result: ShellResult) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    return try #require(object, "not a JSON object: \(result.stdout)\nstderr: \(result.stderr)")
}
