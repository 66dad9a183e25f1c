import Foundation
import HealKit
import Testing
import TestSupport

@Suite("heal init")
struct InitCommandTests {
    private func pytestRepo() throws -> TempRepo {
        let repo = try TempRepo()
        try repo.write("pytest.ini", "[pytest]\n")
        try repo.write("tests/test_app.py", "def test_ok():\n    assert True\n")
        try repo.commitAll("a pytest project")
        return repo
    }

    @Test func writesACommentedConfigThatLoadsBackToTheGuess() throws {
        let repo = try pytestRepo()
        try FileManager.default.createDirectory(atPath: repo.path + "/src", withIntermediateDirectories: true)
        let result = try HealBinary.run(["init"], in: repo.path + "/src")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("wrote \(repo.path)/.heal.yml for pytest (from pytest.ini)"))

        let text = try repo.read(".heal.yml")
        #expect(text.hasPrefix("# heal configuration."))
        #expect(text.contains("# Guessed for pytest from pytest.ini by heal init."))
        #expect(text.contains("  # command: \"python3 -m pytest -q --cov=. --cov-context=test"))
        #expect(text.contains("# Install pytest-cov"))
        let loaded = try HealConfig.load(repositoryRoot: repo.path)
        #expect(loaded == ProjectDetector.guess(root: repo.path).config)
        #expect(loaded.suite.command.hasSuffix("-m pytest -q --junitxml={results}"))
    }

    @Test func neverOverwritesWithoutForce() throws {
        let repo = try pytestRepo()
        try repo.write(".heal.yml", "publish: gh\n")
        let refused = try HealBinary.run(["init"], in: repo.path)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("\(repo.path)/.heal.yml already exists"))
        #expect(refused.stderr.contains("--force"))
        #expect(try repo.read(".heal.yml") == "publish: gh\n")

        let forced = try HealBinary.run(["init", "--force"], in: repo.path)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stdout.hasPrefix("replaced "))
        #expect(try HealConfig.load(repositoryRoot: repo.path).publish == .local)
    }

    @Test func saysSoWhenItRecognisesNoRunner() throws {
        let repo = try TempRepo()
        try repo.write("README", "nothing to test\n")
        try repo.commitAll("plain")
        let result = try HealBinary.run(["init"], in: repo.path)
        #expect(result.status == 0)
        #expect(result.stdout.contains("no test runner recognised"))
        #expect(try HealConfig.load(repositoryRoot: repo.path) == HealConfig())
    }

    @Test func outsideARepositoryIsAnInputError() throws {
        let directory = try TempDir.make(prefix: "init-norepo")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try HealBinary.run(["init"], in: directory)
        #expect(result.status == 2)
        #expect(!FileManager.default.fileExists(atPath: directory + "/.heal.yml"))
    }
}

@Suite("heal --version")
struct VersionTests {
    @Test func printsTheVersion() throws {
        let result = try HealBinary.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == "heal \(HealVersion.current)\n")
    }
}
