import Foundation
import HealKit
import Testing
import TestSupport

@Suite("HealConfig")
struct HealConfigTests {
    func parse(_ yaml: String) throws -> HealConfig {
        try HealConfig.parse(yaml: yaml, file: ".heal.yml")
    }

    func failure(_ yaml: String) -> ConfigError? {
        do {
            _ = try parse(yaml)
            return nil
        } catch {
            return error as? ConfigError
        }
    }

    @Test func noFileMeansDefaults() throws {
        let root = try TempDir.make(prefix: "config-none")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let config = try HealConfig.load(repositoryRoot: root)
        #expect(config == HealConfig())
        #expect(config.triage.reruns == 3)
        #expect(config.fix.agent == .revert)
        #expect(config.fix.timeout == .seconds(900))
        #expect(config.fix.maxAttempts == 3)
        #expect(config.fix.verifyReruns == 3)
        #expect(config.scope.tests.contains("tests/**"))
        #expect(config.scope.maxLines == 200 && config.scope.maxFiles == 10)
        #expect(config.detection.infraFraction == 0.8)
        #expect(config.deployTags == "deploy-*" && config.store == .sqlite && config.publish == .local)
    }

    @Test func emptyOrCommentOnlyFilesMeanDefaults() throws {
        #expect(try parse("") == HealConfig())
        #expect(try parse("# nothing yet\n") == HealConfig())
        #expect(try parse("suite:\nfix:\n") == HealConfig())
    }

    @Test func readsEveryKey() throws {
        let config = try parse("""
            suite:
              command: "make test RESULTS={results}"
              format: junit
              test: "make one TEST={id} RESULTS={results}"
              timeout: 600
              test-timeout: 30.5
            coverage:
              command: "make cov OUT={coverage}"
              format: lcov
              per-test: false
            triage:
              reruns: 5
              flake-rate: 0.2
              culprit-confidence: 0.95
              culprit-max-runs: 20
              minimize-max-runs: 16
            detection:
              missing-is-regression: true
              score-threshold: 0.7
              score-delta: 0.1
              alpha: 0.01
              infra-fraction: 0.9
            fix:
              agent: command
              command: ./scripts/agent --fast
              timeout: 120
              max-attempts: 2
              max-per-run: 1
              max-per-day: 4
              verify-reruns: 5
            scope:
              tests: spec/**
              allow: ["docs/**", "CHANGELOG.md"]
              max-lines: 50
              max-files: 3
            agents:
              claude:
                path: /opt/claude/bin/claude
                args: ["--model", "opus"]
              aider:
                args: --no-pretty
            deploy-tags: "release-*"
            store: postgres://heal@db.internal/heal
            publish: gh
            base-branch: trunk
            """)
        #expect(config.suite == HealConfig.Suite(command: "make test RESULTS={results}", format: .junit,
                                                 test: "make one TEST={id} RESULTS={results}",
                                                 timeout: .seconds(600), testTimeout: .milliseconds(30500)))
        #expect(config.coverage == HealConfig.Coverage(command: "make cov OUT={coverage}", format: .lcov, perTest: false))
        #expect(config.triage == HealConfig.Triage(reruns: 5, flakeRate: 0.2, culpritConfidence: 0.95,
                                                   culpritMaxRuns: 20, minimizeMaxRuns: 16))
        #expect(config.detection == HealConfig.Detection(missingIsRegression: true, scoreThreshold: 0.7,
                                                         scoreDelta: 0.1, alpha: 0.01, infraFraction: 0.9))
        #expect(config.fix == HealConfig.Fix(agent: .command, command: "./scripts/agent --fast", timeout: .seconds(120),
                                             maxAttempts: 2, maxPerRun: 1, maxPerDay: 4, verifyReruns: 5))
        #expect(config.scope == HealConfig.Scope(tests: ["spec/**"], allow: ["docs/**", "CHANGELOG.md"],
                                                 maxLines: 50, maxFiles: 3))
        #expect(config.agents.claude == HealConfig.AgentCommand(path: "/opt/claude/bin/claude", arguments: ["--model", "opus"]))
        #expect(config.agents.codex == HealConfig.AgentCommand(path: "codex"))
        #expect(config.agents.aider == HealConfig.AgentCommand(path: "aider", arguments: ["--no-pretty"]))
        #expect(config.deployTags == "release-*")
        #expect(config.store == .postgres(url: "postgres://heal@db.internal/heal"))
        #expect(config.publish == .gh)
        #expect(config.baseBranch == "trunk")
    }

    @Test func unknownKeysAreReportedWithPositionAndASuggestion() throws {
        let error = try #require(failure("triage:\n  reruns: 3\n  rerun_count: 2\n"))
        #expect(error.line == 3 && error.column == 3)
        #expect(error.key == "triage.rerun_count")
        #expect(error.description.hasPrefix(".heal.yml:3:3: triage.rerun_count: unknown key"))

        let misspelt = try #require(failure("fix:\n  max_attempts: 2\n"))
        #expect(misspelt.description.contains("did you mean `max-attempts`?"))

        let topLevel = try #require(failure("sute:\n  command: x\n"))
        #expect(topLevel.line == 1 && topLevel.column == 1)
        #expect(topLevel.description.contains("did you mean `suite`?"))
    }

    @Test func wrongTypesAreReportedWithPosition() throws {
        let word = try #require(failure("triage:\n  reruns: three\n"))
        #expect(word.line == 2 && word.column == 11)
        #expect(word.description == ".heal.yml:2:11: triage.reruns: expected a whole number ≥ 1, got `three`")

        let zero = try #require(failure("fix:\n  max-attempts: 0\n"))
        #expect(zero.description.contains("expected a whole number ≥ 1, got `0`"))

        let mapping = try #require(failure("suite:\n  command:\n    run: pytest\n"))
        #expect(mapping.line == 3)
        #expect(mapping.description.contains("suite.command: expected a string, got a mapping"))

        let section = try #require(failure("scope: everything\n"))
        #expect(section.description.contains("scope: expected a mapping"))

        let bool = try #require(failure("coverage:\n  per-test: maybe\n"))
        #expect(bool.description.contains("expected true or false"))

        let fraction = try #require(failure("detection:\n  infra-fraction: 1.5\n"))
        #expect(fraction.description.contains("expected a number from 0.0 to 1.0, got `1.5`"))

        let listItem = try #require(failure("scope:\n  tests:\n    - tests/**\n    - {a: b}\n"))
        #expect(listItem.key == "scope.tests[1]" && listItem.line == 4)

        for bad in ["-5", "0", "1e300", ".inf", "ten"] {
            let timeout = try #require(failure("fix:\n  timeout: \(bad)\n"), "\(bad)")
            #expect(timeout.description.contains("expected a number of seconds"))
        }
    }

    @Test func invalidChoicesListWhatIsAllowed() throws {
        let agent = try #require(failure("fix:\n  agent: gpt\n"))
        #expect(agent.description.contains("expected one of revert, claude, codex, aider, command, got `gpt`"))
        let store = try #require(failure("store: mysql://x\n"))
        #expect(store.description.contains("expected `sqlite` or a URL starting with postgres://"))
        let format = try #require(failure("suite:\n  format: xml\n"))
        #expect(format.description.contains("junit"))
        let publish = try #require(failure("publish: bitbucket\n"))
        #expect(publish.description.contains("local, gh, glab"))
    }

    @Test func commandsMustNameTheirOutputFile() throws {
        let suite = try #require(failure("suite:\n  command: pytest -q\n"))
        #expect(suite.line == 2 && suite.description.contains("{results}"))
        let coverage = try #require(failure("coverage:\n  command: coverage run -m pytest\n"))
        #expect(coverage.description.contains("{coverage}"))
    }

    @Test func theCommandAgentNeedsACommand() throws {
        let error = try #require(failure("fix:\n  agent: command\n"))
        #expect(error.line == 2 && error.description.contains("fix.command"))
    }

    @Test func syntaxErrorsNameTheLine() throws {
        let bad = try #require(failure("suite:\n  command: \"unterminated\n  format: junit\n"))
        #expect(bad.line != nil)
        #expect(bad.description.contains("YAML syntax error"))

        let indentation = try #require(failure("suite:\n  command: x {results}\n bad: 1\n"))
        #expect(indentation.line == 3)

        let duplicate = try #require(failure("publish: gh\npublish: glab\n"))
        #expect(duplicate.description.contains("duplicate key publish"))
    }

    @Test func anExplicitConfigFileMustExist() throws {
        #expect(throws: ConfigError.self) { try HealConfig.load(from: "/nonexistent/heal.yml") }
        let root = try TempDir.make(prefix: "config-explicit")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "publish: glab\n".write(toFile: root + "/other.yml", atomically: true, encoding: .utf8)
        try "publish: gh\n".write(toFile: root + "/.heal.yml", atomically: true, encoding: .utf8)
        #expect(try HealConfig.load(configPath: root + "/other.yml", repositoryRoot: root).publish == .glab)
        #expect(try HealConfig.load(configPath: nil, repositoryRoot: root).publish == .gh)
    }

    @Test func nonUTF8FilesAreRejected() throws {
        let root = try TempDir.make(prefix: "config-binary")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data([0xFF, 0xFE, 0x00, 0x80]).write(to: URL(fileURLWithPath: root + "/.heal.yml"))
        #expect(throws: ConfigError.self) { try HealConfig.load(repositoryRoot: root) }
    }

    @Test func renderedDefaultsLoadBackEqual() throws {
        let text = HealConfig().renderYAML(headline: "written by a test")
        #expect(text.contains("# written by a test"))
        #expect(try parse(text) == HealConfig())
    }

    @Test func renderedCustomConfigLoadsBackEqual() throws {
        var config = HealConfig()
        config.suite = HealConfig.Suite(command: "go test -json ./... > {results}", format: .goJSON,
                                        test: "go test -json -run '^'{name}'$' {classname} > {results}",
                                        timeout: .milliseconds(1500), testTimeout: .seconds(60))
        config.coverage = HealConfig.Coverage(command: "go test -coverprofile={coverage} ./...",
                                              format: .go, perTest: false)
        config.detection.scoreThreshold = 0.75
        config.fix = HealConfig.Fix(agent: .command, command: "./agent \"quoted\" \\ back", timeout: .seconds(60))
        config.scope.tests = ["**/*_test.go", "it's/**"]
        config.scope.allow = ["docs/**"]
        config.agents.codex = HealConfig.AgentCommand(path: "/usr/local/bin/codex", arguments: ["-m", "o3"])
        config.store = .postgres(url: "postgres://u@h/db")
        config.publish = .glab
        config.baseBranch = "develop"
        #expect(try parse(config.renderYAML()) == config)
    }
}
