extension ProjectDetector {
    static func pytestConfiguration(_ files: Files) -> [String]? {
        var evidence: [String] = []
        if files.exists("pytest.ini") { evidence.append("pytest.ini") }
        if files.read("pyproject.toml")?.contains("[tool.pytest") == true { evidence.append("pyproject.toml") }
        if files.read("setup.cfg")?.contains("[tool:pytest]") == true { evidence.append("setup.cfg") }
        if files.read("tox.ini")?.contains("[pytest]") == true { evidence.append("tox.ini") }
        if files.exists("conftest.py") { evidence.append("conftest.py") }
        return evidence.isEmpty ? nil : evidence
    }

    static func pythonTests(_ files: Files) -> [String]? {
        for folder in ["tests", "test"] {
            let tests = files.list(folder).filter { $0.hasSuffix(".py") && ($0.hasPrefix("test_") || $0.hasSuffix("_test.py")) }
            if let first = tests.sorted().first { return ["\(folder)/\(first)"] }
        }
        let topLevel = files.list(".").filter { $0.hasPrefix("test_") && $0.hasSuffix(".py") }
        return topLevel.sorted().first.map { [$0] }
    }

    /// Tests found without a pytest configuration: plain `unittest` when they import it and
    /// nothing of pytest (so no dependency is assumed), else pytest.
    static func python(_ files: Files, evidence: [String], _ executableExists: (String) -> Bool) -> Guess {
        let sources = evidence.compactMap(files.read)
        let manifests = ["pyproject.toml", "setup.cfg", "requirements.txt", "requirements-dev.txt"].compactMap(files.read)
        let usesPytest = (sources + manifests).contains { $0.contains("pytest") }
        if !usesPytest, sources.contains(where: { $0.contains("import unittest") || $0.contains("from unittest") }) {
            return unittest(files, evidence: evidence, executableExists)
        }
        return pytest(files, evidence: evidence, executableExists)
    }

    private static func python(_ executableExists: (String) -> Bool) -> String {
        executableExists("python3") || !executableExists("python") ? "python3" : "python"
    }

    static func pytest(_ files: Files, evidence: [String], _ executableExists: (String) -> Bool) -> Guess {
        // `python -m pytest` puts the project root on sys.path, so flat layouts import.
        let python = python(executableExists)
        var config = HealConfig()
        config.suite = HealConfig.Suite(command: "\(python) -m pytest -q --junitxml={results}", format: .junit,
                                        test: "\(python) -m pytest -q {id} --junitxml={results}",
                                        build: "\(python) -m pytest -q --collect-only")
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

    /// `python -m unittest -v -b`, read from what it prints on stderr (`format: unittest`); ids
    /// are the dotted names unittest takes back. Tests in a folder that is not a package are
    /// discovered from inside it.
    static func unittest(_ files: Files, evidence: [String], _ executableExists: (String) -> Bool) -> Guess {
        let python = python(executableExists)
        let folder = evidence.first.flatMap { $0.contains("/") ? String($0.prefix { $0 != "/" }) : nil }
        let inside = folder.map { !files.exists($0 + "/__init__.py") } ?? false
        let enter = inside ? "cd \(folder!) && " : ""
        var config = HealConfig()
        config.suite = HealConfig.Suite(
            command: "\(enter)\(python) -m unittest discover -v -b 2> {results}", format: .unittest,
            test: "\(enter)\(python) -m unittest -v -b {id} 2> {results}",
            build: "\(enter)\(python) -c \"import sys, unittest; loader = unittest.TestLoader(); loader.discover('.'); "
                + "print(*loader.errors, sep='\\n'); sys.exit(1 if loader.errors else 0)\"")
        let coverage = "\(enter)\(python) -m coverage run -m unittest {id} ; \(python) -m coverage json -o {coverage}"
        config.coverage.format = .coveragepyJSON
        config.coverage.perTest = false
        return Guess(runner: "unittest", evidence: evidence, config: config, coverageTestExample: coverage,
                     notes: ["Plain unittest, read from `python -m unittest -v` output (no dependency added).",
                             "With coverage.py installed, uncomment coverage.test: the failing test's own coverage makes triage sharp."])
    }
}
