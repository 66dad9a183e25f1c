import Foundation

/// A small real Python project in a temp git repository, tested by pytest with per-test
/// coverage contexts, and a `.heal.yml` that runs it: the fixture for triage, fix and
/// pipeline tests.
///
/// Sources live under `src/` (importable through pytest's `pythonpath`), tests under `tests/`.
/// Edit files with `write` or `replace`, then `commit`.
public final class PythonProject: @unchecked Sendable {
    public let repo: TempRepo
    /// A scratch folder outside the repository (counter files for deterministic flakiness).
    public let scratch: String

    /// pytest without the plugins this machine happens to have (loading them all costs ~1 s a
    /// run here; the tests run pytest hundreds of times) and without its cache folder.
    public static let pytest = "PYTEST_DISABLE_PLUGIN_AUTOLOAD=1 python3 -m pytest -q -p no:cacheprovider"
    /// `suite.command`: the whole suite, JUnit results to `{results}`.
    public static let suiteCommand = pytest + " --junitxml={results}"
    /// `suite.test`: one test by nodeid.
    public static let testCommand = pytest + " {id} --junitxml={results}"
    /// `coverage.command`: per-test contexts, exported as coverage.py JSON. `;`, not `&&`:
    /// triage measures coverage where a test fails, and pytest then exits 1.
    public static let coverageCommand = pytest + " -p pytest_cov --cov=src --cov-context=test --cov-report= ; "
        + "python3 -m coverage json --show-contexts -o {coverage}"

    /// Creates the repository with `pytest.ini`, `.gitignore` and `.heal.yml` (coverage configured unless
    /// `coverage` is false), plus `files` (path → contents), and commits them as "initial".
    /// With `countingRuns`, every command of `.heal.yml` first appends its kind to a file in
    /// `scratch` (see `runs(of:)`): what heal ran, counted by the project rather than by heal.
    public init(files: [String: String], coverage: Bool = true, reruns: Int = 3, countingRuns: Bool = false) throws {
        repo = try TempRepo(prefix: "pyproject")
        scratch = try TempDir.make(prefix: "pyproject-scratch")
        try repo.write("pytest.ini", "[pytest]\npythonpath = src\ntestpaths = tests\n")
        // Ignored, as in real projects, so bytecode caches survive checkouts in heal's worktrees.
        try repo.write(".gitignore", "__pycache__/\n.coverage\n")
        try repo.write(".heal.yml", Self.config(coverage: coverage, reruns: reruns, writable: scratch,
                                                counter: countingRuns ? scratch + "/runs.log" : nil))
        for (path, contents) in files { try repo.write(path, contents) }
        try repo.commitAll("initial")
    }

    deinit { try? FileManager.default.removeItem(atPath: scratch) }

    public var path: String { repo.path }

    /// The `.heal.yml` this project is created with: `writable` is the one folder the boxed
    /// suite may write besides its scratch copy (where flaky tests count their runs); with a
    /// `counter` (a file in it), each command first appends `suite`, `test` or `coverage` to it.
    public static func config(coverage: Bool, reruns: Int, writable: String, counter: String? = nil) -> String {
        func count(_ kind: String) -> String { counter.map { "echo \(kind) >> '\($0)'; " } ?? "" }
        var text = """
            suite:
              command: "\(count("suite"))\(suiteCommand)"
              test: "\(count("test"))\(testCommand)"
              format: junit
            triage:
              reruns: \(reruns)
            sandbox:
              writable: ["\(writable)"]

            """
        if coverage {
            text += """
                coverage:
                  command: "\(count("coverage"))\(coverageCommand)"
                  format: coveragepy-json
                  per-test: true

                """
        }
        return text
    }

    /// How many times heal ran the `kind` command (`test`, `suite`, `coverage`) of a project
    /// created with `countingRuns`.
    public func runs(of kind: String) -> Int {
        let text = (try? String(contentsOfFile: scratch + "/runs.log", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").count { $0 == kind }
    }

    /// Writes a file relative to the root.
    public func write(_ relative: String, _ contents: String) throws {
        try repo.write(relative, contents)
    }

    /// Replaces the one occurrence of `old` in `relative`; throws when it is not there exactly once.
    public func replace(in relative: String, _ old: String, with new: String) throws {
        let text = try repo.read(relative)
        let parts = text.components(separatedBy: old)
        guard parts.count == 2 else {
            throw ShellError(command: "replace in \(relative)",
                             result: ShellResult(status: 1, stdout: "", stderr: "`\(old)` occurs \(parts.count - 1) times"))
        }
        try repo.write(relative, parts.joined(separator: new))
    }

    /// Commits everything; returns the commit id.
    @discardableResult
    public func commit(_ message: String) throws -> String {
        try repo.commitAll(message)
    }

    /// A pytest test body that fails on the runs `failing` marks (by run number, counting every
    /// run of the test in any checkout from 0) and passes otherwise: flaky, but the same on
    /// every execution of the scenario. The counter lives in `scratch`, outside the repository.
    public func flakyTest(named name: String, failing: [Bool]) -> String {
        let counter = scratch + "/\(name).count"
        let pattern = failing.map { $0 ? "True" : "False" }.joined(separator: ", ")
        return """
            def \(name)():
                import os
                path = "\(counter)"
                n = int(open(path).read()) if os.path.exists(path) else 0
                with open(path, "w") as f:
                    f.write(str(n + 1))
                assert not [\(pattern)][n % \(failing.count)], "flaked on run %d" % n

            """
    }

    /// How many times the flaky test `name` has run.
    public func runs(ofFlakyTest name: String) -> Int {
        let text = (try? String(contentsOfFile: scratch + "/\(name).count", encoding: .utf8)) ?? "0"
        return Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }
}
