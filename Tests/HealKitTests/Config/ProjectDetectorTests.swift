import Foundation
import HealKit
import Testing
import TestSupport

@Suite("ProjectDetector")
struct ProjectDetectorTests {
    private func project(_ files: [String: String]) throws -> String {
        let root = try TempDir.make(prefix: "detect")
        for (path, contents) in files {
            let url = URL(fileURLWithPath: root + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try contents.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }

    private func guess(_ files: [String: String], python3: Bool = true) throws -> ProjectDetector.Guess {
        let root = try project(files)
        defer { try? FileManager.default.removeItem(atPath: root) }
        return ProjectDetector.guess(root: root) { name in name == "python3" ? python3 : name == "python" }
    }

    @Test(arguments: [
        (["pytest.ini": "[pytest]\n"], "pytest.ini"),
        (["pyproject.toml": "[tool.pytest.ini_options]\naddopts = \"-q\"\n"], "pyproject.toml"),
        (["setup.cfg": "[tool:pytest]\ntestpaths = tests\n"], "setup.cfg"),
        (["tests/test_app.py": "def test_a(): pass\n"], "tests/test_app.py"),
    ])
    func recognisesPytest(files: [String: String], evidence: String) throws {
        let guess = try guess(files)
        #expect(guess.runner == "pytest")
        #expect(guess.evidence.contains(evidence))
        #expect(guess.config.suite.command == "python3 -m pytest -q --junitxml={results}")
        #expect(guess.config.suite.test == "python3 -m pytest -q {id} --junitxml={results}")
        #expect(guess.config.coverage.command == nil)
        #expect(guess.coverageExample?.contains("--cov-context=test") == true)
    }

    @Test func usesPythonWhenThereIsNoPython3() throws {
        let guess = try guess(["pytest.ini": "[pytest]\n"], python3: false)
        #expect(guess.config.suite.command.hasPrefix("python -m pytest"))
    }

    @Test func addsPerTestCoverageWhenTheProjectUsesPytestCov() throws {
        let guess = try guess(["pytest.ini": "[pytest]\n", "requirements-dev.txt": "pytest\npytest-cov\n"])
        let command = try #require(guess.config.coverage.command)
        #expect(command.contains("--cov-context=test"))
        #expect(command.contains("coverage json --show-contexts -o {coverage}"))
        #expect(guess.config.coverage.format == .coveragepyJSON && guess.config.coverage.perTest)
    }

    @Test func recognisesGoSwiftAndJest() throws {
        let go = try guess(["go.mod": "module example.com/x\n"])
        #expect(go.runner == "go test" && go.config.suite.format == .goJSON)
        #expect(go.config.scope.tests.contains("**/*_test.go"))

        let swift = try guess(["Package.swift": "// swift-tools-version: 6.0\n"])
        #expect(swift.runner == "swift test" && swift.config.suite.command.contains("--xunit-output {results}"))
        #expect(swift.config.scope.tests == ["Tests/**"])

        let jest = try guess(["package.json": #"{"devDependencies": {"jest": "^29"}}"#])
        #expect(jest.runner == "jest" && jest.config.suite.command.contains("jest-junit"))
        #expect(jest.config.suite.test.hasSuffix("--runTestsByPath {file} -t {name_re}"))

        let mocha = try guess(["package.json": #"{"devDependencies": {"mocha": "^10"}}"#])
        #expect(mocha.runner == nil && mocha.config == HealConfig())
    }

    /// The command lines of the runners that cannot run here (jest, vitest, Maven, Gradle,
    /// nextest), written from their documentation; the others run for real in the stack tests.
    @Test func commandLinesPerRunner() throws {
        let node = try guess(["package.json": #"{"scripts": {"test": "node --test test/ && eslint ."}}"#])
        #expect(node.runner == "node --test")
        #expect(node.config.suite.command == "node --test --test-reporter=junit --test-reporter-destination={results} --test-reporter=spec --test-reporter-destination=stdout test/")
        #expect(node.config.suite.test.contains("--test-name-pattern={name_re}"))
        #expect(node.config.coverage.test?.contains("--experimental-test-coverage") == true)

        let vitest = try guess(["package.json": #"{"devDependencies": {"vitest": "^2"}}"#])
        #expect(vitest.runner == "vitest")
        #expect(vitest.config.suite.command == "npx vitest run --reporter=junit --outputFile={results}")
        #expect(vitest.config.suite.test == "npx vitest run {classname} --reporter=junit --outputFile={results}")

        let go = try guess(["go.mod": "module x\n"])
        #expect(go.config.suite.test == "go test -count=1 -json -run {go_run} {classname} > {results} 2>&1")
        #expect(go.config.coverage.test?.contains("-coverprofile={coverage}") == true)

        let swift = try guess(["Package.swift": ""])
        #expect(swift.config.suite.command == "swift test --parallel --xunit-output {results}")
        #expect(swift.config.suite.test == "swift test --parallel --filter {swift_filter} --xunit-output {results}")
        #expect(swift.config.suite.build == "swift build --build-tests")

        let cargo = try guess(["Cargo.toml": "[package]\nname = \"x\"\n"])
        #expect(cargo.runner == "cargo test" && cargo.config.suite.format == .libtest)
        #expect(cargo.config.suite.test == "cargo test --no-fail-fast -- --exact {name} 2>&1 | tee {results}")

        let nextest = try guess(["Cargo.toml": "", ".config/nextest.toml": "[profile.ci.junit]\npath = \"junit.xml\"\n"])
        #expect(nextest.runner == "cargo nextest")
        #expect(nextest.config.suite.command.contains("cargo nextest run --profile ci --no-fail-fast ; cp target/nextest/ci/junit.xml {results}"))

        let maven = try guess(["pom.xml": "<project/>"])
        #expect(maven.runner == "maven surefire")
        #expect(maven.config.suite.test.contains("-Dtest={classname}#{name}"))
        #expect(maven.config.suite.command.contains("-exec cp {} {results_dir}/"))

        let gradle = try guess(["build.gradle.kts": "", "gradlew": ""])
        #expect(gradle.runner == "gradle" && gradle.config.suite.test.contains("./gradlew test --continue --tests {classname}.{name}"))
    }

    @Test func plainUnittestNeedsNoPytest() throws {
        let files = ["tests/test_app.py": "import unittest\n\nclass T(unittest.TestCase):\n    def test_a(self): pass\n"]
        let inFolder = try guess(files)
        #expect(inFolder.runner == "unittest" && inFolder.config.suite.format == .unittest)
        #expect(inFolder.config.suite.command == "cd tests && python3 -m unittest discover -v -b 2> {results}")
        #expect(inFolder.config.suite.test == "cd tests && python3 -m unittest -v -b {id} 2> {results}")
        let package = try guess(files.merging(["tests/__init__.py": ""]) { $1 })
        #expect(package.config.suite.command == "python3 -m unittest discover -v -b 2> {results}")
        let usesPytest = try guess(files.merging(["requirements-dev.txt": "pytest\n"]) { $1 })
        #expect(usesPytest.runner == "pytest")
    }

    @Test func everyGuessLoadsBackEqual() throws {
        let projects: [[String: String]] = [
            ["pytest.ini": "[pytest]\n", "pyproject.toml": "[project]\ndependencies = [\"pytest-cov\"]\n"],
            ["go.mod": "module x\n"], ["Package.swift": ""], ["jest.config.js": ""], [:],
            ["Cargo.toml": ""], ["pom.xml": ""], ["build.gradle": ""], ["package.json": "{}"],
            ["tests/test_a.py": "import unittest\n"],
        ]
        for files in projects {
            let config = try guess(files).config
            #expect(try HealConfig.parse(yaml: config.renderYAML(), file: "guess") == config, "\(files.keys)")
        }
    }
}
