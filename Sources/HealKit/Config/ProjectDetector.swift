import Foundation

/// Guesses a starting configuration from the files at a project's root, for `heal init`: the
/// commands each runner needs to write results heal reads and to run exactly one test, as they
/// work unmodified. One file per ecosystem (`ProjectDetector+Go.swift`, …).
public enum ProjectDetector {
    /// What was recognised and the configuration it suggests.
    public struct Guess: Sendable, Equatable {
        /// The test runner recognised (`pytest`, `go test`, `node --test`, …), nil when none.
        public var runner: String?
        /// The files that gave it away.
        public var evidence: [String]
        /// The suggested configuration.
        public var config: HealConfig
        /// A coverage command to suggest (commented out) when `config` has none, because the
        /// tool it needs was not seen in the project.
        public var coverageExample: String? = nil
        /// A single-test coverage command to suggest (commented out), likewise.
        public var coverageTestExample: String? = nil
        /// Advice for the user, shown in the file's opening comment.
        public var notes: [String] = []
    }

    /// Looks at `root` (a project's top directory). `executableExists` answers whether a
    /// command name is on PATH, so Python projects get `python3` or `python` as installed.
    public static func guess(root: String, executableExists: (String) -> Bool = ProjectDetector.onPath) -> Guess {
        let files = Files(root: root)
        if let evidence = pytestConfiguration(files) { return pytest(files, evidence: evidence, executableExists) }
        if files.exists("go.mod") { return go() }
        if files.exists("Package.swift") { return swift() }
        if files.exists("Cargo.toml") { return rust(files) }
        if files.exists("pom.xml") { return maven() }
        if let evidence = ["build.gradle", "build.gradle.kts"].first(where: files.exists) { return gradle(files, evidence: evidence) }
        if let guess = node(files) { return guess }
        if let evidence = pythonTests(files) { return python(files, evidence: evidence, executableExists) }
        return Guess(runner: nil, evidence: [], config: HealConfig())
    }

    /// Whether `name` is an executable file in a `PATH` directory.
    public static func onPath(_ name: String) -> Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
    }

    struct Files {
        let root: String
        func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: root + "/" + relative) }
        func read(_ relative: String) -> String? { try? String(contentsOfFile: root + "/" + relative, encoding: .utf8) }
        func list(_ relative: String) -> [String] {
            (try? FileManager.default.contentsOfDirectory(atPath: root + "/" + relative)) ?? []
        }
    }
}
