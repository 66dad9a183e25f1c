/// What the demo needs on the machine: git, and python3 with pytest; pytest-cov is optional
/// (with it, triage narrows failures by per-test coverage).
struct DemoPrerequisites: Sendable {
    /// Whether pytest-cov is importable, so the sample's `.heal.yml` configures coverage.
    var coverage: Bool

    static func check() async throws -> DemoPrerequisites {
        guard try await succeeds("git", ["--version"]) else {
            throw DemoPrerequisiteMissing(what: "git", install: "apt-get install git (or your platform's package)")
        }
        guard try await succeeds("python3", ["-c", "import pytest"]) else {
            throw DemoPrerequisiteMissing(what: "python3 with pytest", install: "python3 -m pip install pytest pytest-cov")
        }
        return DemoPrerequisites(coverage: try await succeeds("python3", ["-c", "import pytest_cov, coverage"]))
    }

    private static func succeeds(_ executable: String, _ arguments: [String]) async throws -> Bool {
        do {
            return try await ProcessRunner.run(ProcessSpec(executable, arguments: arguments, timeout: .seconds(60))).succeeded
        } catch is ProcessRunError {
            return false
        }
    }
}

/// The demo needs a tool this machine lacks.
public struct DemoPrerequisiteMissing: UserInputError {
    public var what: String
    public var install: String
    public var description: String { "heal demo needs \(what), which is not installed\n  fix: \(install)" }
}
