/// Files test runners and coverage tools leave behind: caches, bytecode and reports.
///
/// Agents often run the project's suite in their workspace;
/// where the project's `.gitignore` does not cover what that leaves behind, it would count as
/// the agent's change (a binary `.pyc` out of scope) and be committed. heal hides these, plus
/// `scope.ignore`, as in-memory ignore rules of the judge that reads the agent's files back,
/// never by writing to the user's ignore files. Tracked files are never hidden by them.
public enum RunnerArtefacts {
    /// Well-known artefacts, as gitignore patterns. Only names no project uses for its sources.
    public static let defaults = [
        // Python: bytecode, pytest, hypothesis, tox/nox, type checkers, coverage.py
        "__pycache__/", "*.py[co]", ".pytest_cache/", ".hypothesis/", ".tox/", ".nox/",
        ".mypy_cache/", ".ruff_cache/", ".coverage", ".coverage.*", "coverage.xml", "htmlcov/",
        "nosetests.xml",
        // JavaScript: tool caches under node_modules, nyc, Jest's cache
        "node_modules/.cache/", ".nyc_output/", ".jest-cache/",
        // Others: PHPUnit, RSpec's example status, Gradle's caches
        ".phpunit.result.cache", ".rspec_status", ".gradle/",
    ]

    /// The rules for one repository: the defaults, then `scope.ignore`.
    public static func ignoreRules(config: HealConfig) -> [String] {
        defaults + config.scope.ignore
    }
}
