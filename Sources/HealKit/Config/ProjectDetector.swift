import Foundation

/// Guesses a starting configuration from the files at a project's root, for `heal init`.
public enum ProjectDetector {
    /// What was recognised and the configuration it suggests.
    public struct Guess: Sendable, Equatable {
        /// The test runner recognised (`pytest`, `swift test`, `go test`, `jest`), nil when none.
        public var runner: String?
        /// The files that gave it away.
        public var evidence: [String]
        /// The suggested configuration.
        public var config: HealConfig
        /// A coverage command to suggest (commented out) when `config` has none, because the
        /// tool it needs was not seen in the project.
        public var coverageExample: String? = nil
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
        if let evidence = jest(files) { return jestGuess(evidence: evidence) }
        if let evidence = pythonTests(files) { return pytest(files, evidence: evidence, executableExists) }
        return Guess(runner: nil, evidence: [], config: HealConfig())
    }

    /// Whether `name` is an executable file in a `PATH` directory.
    public static func onPath(_ name: String) -> Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
    }

    private struct Files {
        let root: String
        func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: root + "/" + relative) }
        func read(_ relative: String) -> String? { try? String(contentsOfFile: root + "/" + relative, encoding: .utf8) }
        func list(_ relative: String) -> [String] {
            (try? FileManager.default.contentsOfDirectory(atPath: root + "/" + relative)) ?? []
        }
    }

    private static func pytestConfiguration(_ files: Files) -> [String]? {
        var evidence: [String] = []
        if files.exists("pytest.ini") { evidence.append("pytest.ini") }
        if files.read("pyproject.toml")?.contains("[tool.pytest") == true { evidence.append("pyproject.toml") }
        if files.read("setup.cfg")?.contains("[tool:pytest]") == true { evidence.append("setup.cfg") }
        if files.read("tox.ini")?.contains("[pytest]") == true { evidence.append("tox.ini") }
        if files.exists("conftest.py") { evidence.append("conftest.py") }
        return evidence.isEmpty ? nil : evidence
    }

    private static func pythonTests(_ files: Files) -> [String]? {
        for folder in ["tests", "test"] {
            let tests = files.list(folder).filter { $0.hasSuffix(".py") && ($0.hasPrefix("test_") || $0.hasSuffix("_test.py")) }
            if let first = tests.sorted().first { return ["\(folder)/\(first)"] }
        }
        let topLevel = files.list(".").filter { $0.hasPrefix("test_") && $0.hasSuffix(".py") }
        return topLevel.sorted().first.map { [$0] }
    }

    private static func pytest(_ files: Files, evidence: [String], _ executableExists: (String) -> Bool) -> Guess {
        // `python -m pytest` puts the project root on sys.path, so flat layouts import.
        let python = executableExists("python3") || !executableExists("python") ? "python3" : "python"
        var config = HealConfig()
        config.suite = HealConfig.Suite(command: "\(python) -m pytest -q --junitxml={results}", format: .junit,
                                        test: "\(python) -m pytest -q {id} --junitxml={results}")
        let manifests = ["pyproject.toml", "setup.cfg", "tox.ini", "requirements.txt", "requirements-dev.txt",
                         "requirements_dev.txt", "dev-requirements.txt", "Pipfile"]
        // `;` rather than `&&`: triage needs the coverage report precisely when tests fail.
        let coverageCommand = "\(python) -m pytest -q --cov=. --cov-context=test --cov-report= ; "
            + "\(python) -m coverage json --show-contexts -o {coverage}"
        guard manifests.contains(where: { files.read($0)?.contains("pytest-cov") == true }) else {
            return Guess(runner: "pytest", evidence: evidence, config: config, coverageExample: coverageCommand,
                         notes: ["Install pytest-cov and uncomment coverage.command: per-test coverage makes triage sharp."])
        }
        config.coverage = HealConfig.Coverage(command: coverageCommand, format: .coveragepyJSON, perTest: true)
        return Guess(runner: "pytest", evidence: evidence, config: config)
    }

    private static func go() -> Guess {
        var config = HealConfig()
        config.suite = HealConfig.Suite(command: "go test -json ./... > {results}", format: .goJSON,
                                        test: "go test -json -run '^'{name}'$' {classname} > {results}")
        config.coverage = HealConfig.Coverage(command: "go test -coverprofile={coverage} ./...",
                                              format: .go, perTest: false)
        config.scope.tests = ["**/*_test.go", "**/testdata/**"]
        return Guess(runner: "go test", evidence: ["go.mod"], config: config)
    }

    private static func swift() -> Guess {
        var config = HealConfig()
        // swift test --filter takes a regular expression; the class is a safe filter, and heal
        // reads the one test it wants from the results.
        config.suite = HealConfig.Suite(command: "swift test --xunit-output {results}", format: .junit,
                                        test: "swift test --filter {classname} --xunit-output {results}")
        config.scope.tests = ["Tests/**"]
        return Guess(runner: "swift test", evidence: ["Package.swift"], config: config)
    }

    private static func jest(_ files: Files) -> [String]? {
        for name in ["jest.config.js", "jest.config.ts", "jest.config.mjs", "jest.config.cjs", "jest.config.json"]
        where files.exists(name) {
            return [name]
        }
        guard let manifest = files.read("package.json"),
              let object = try? JSONSerialization.jsonObject(with: Data(manifest.utf8)) as? [String: Any] else { return nil }
        let dependencies = ["dependencies", "devDependencies"].compactMap { object[$0] as? [String: Any] }
        let scripts = object["scripts"] as? [String: Any]
        if object["jest"] != nil || dependencies.contains(where: { $0["jest"] != nil })
            || (scripts?["test"] as? String)?.contains("jest") == true {
            return ["package.json"]
        }
        return nil
    }

    private static func jestGuess(evidence: [String]) -> Guess {
        var config = HealConfig()
        let reporter = "JEST_JUNIT_OUTPUT_FILE={results} JEST_JUNIT_ADD_FILE_ATTRIBUTE=true npx jest --ci "
            + "--reporters=default --reporters=jest-junit"
        config.suite = HealConfig.Suite(command: reporter, format: .junit, test: reporter + " {file} -t {name}")
        config.scope.tests = ["**/__tests__/**", "**/*.test.*", "**/*.spec.*", "test/**", "tests/**"]
        return Guess(runner: "jest", evidence: evidence, config: config)
    }
}
