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

        let notJest = try guess(["package.json": #"{"devDependencies": {"mocha": "^10"}}"#])
        #expect(notJest.runner == nil && notJest.config == HealConfig())
    }

    @Test func everyGuessLoadsBackEqual() throws {
        let projects: [[String: String]] = [
            ["pytest.ini": "[pytest]\n", "pyproject.toml": "[project]\ndependencies = [\"pytest-cov\"]\n"],
            ["go.mod": "module x\n"], ["Package.swift": ""], ["jest.config.js": ""], [:],
        ]
        for files in projects {
            let config = try guess(files).config
            #expect(try HealConfig.parse(yaml: config.renderYAML(), file: "guess") == config, "\(files.keys)")
        }
    }
}
