@testable import HealKit
import Testing

@Suite struct ErrorsConfigTests {
    private func parse(_ yaml: String) throws -> HealConfig {
        try HealConfig.parse(yaml: yaml, file: ".heal.yml")
    }

    @Test func readsTheSection() throws {
        let config = try parse("""
            errors:
              baseline: ["logs/before/*.jsonl"]
              current: logs/after/app.log
              baseline-window: 24h
              current-window: 60m
              alpha: 0.01
              min-count: 5
              min-ratio: 2
              path-prefixes: ["/srv/app/"]
            """)
        let errors = try #require(config.errors)
        #expect(errors.baseline == ["logs/before/*.jsonl"] && errors.current == ["logs/after/app.log"])
        #expect(errors.baselineWindow == .seconds(86_400) && errors.currentWindow == .seconds(3_600))
        #expect(errors.detectionOptions == ErrorDetectionOptions(alpha: 0.01, minCount: 5, minRatio: 2,
                                                                 baselineWindow: 86_400, currentWindow: 3_600))
        #expect(errors.pathPrefixes == ["/srv/app/"])
        #expect(try parse("suite:\n  command: \"x {results}\"\n").errors == nil)
    }

    @Test func commandNeedsItsPlaceholdersAndWindows() throws {
        let good = try parse("""
            errors:
              command: "export --since {since} --until {until} > {results}"
              baseline-window: 7d
              current-window: 1800
            """)
        #expect(good.errors?.currentWindow == .seconds(1800))
        #expect(good.errors?.baselineWindow == .seconds(7 * 86_400))
        for (yaml, fragment) in [
            ("errors:\n  command: \"export > {results}\"\n  baseline-window: 1h\n  current-window: 1h\n", "{since}"),
            ("errors:\n  command: \"e {since} {until} > {results}\"\n", "baseline-window"),
            ("errors:\n  baseline: [a.log]\n", "both `baseline` and `current`"),
            ("errors:\n  alpha: 0.05\n", "say where the logs are"),
            ("errors:\n  baseline: [a]\n  current: [b]\n  current-window: soon\n", "expected a duration"),
            ("errors:\n  baseline: [a]\n  current: [b]\n  min-ratio: 0.5\n", "min-ratio"),
            ("errors:\n  baseline: [a]\n  current: [b]\n  windows: 1h\n", "unknown key"),
        ] {
            let error = try #require(throws: ConfigError.self) { try parse(yaml) }
            #expect(error.description.contains(fragment), "\(error)")
            #expect(error.line != nil)
        }
    }

    @Test func renderedSectionLoadsBackEqual() throws {
        var config = HealConfig()
        config.errors = HealConfig.Errors(baseline: ["logs/before/*.jsonl"], current: ["logs/after/*.jsonl"],
                                          baselineWindow: .seconds(86_400), currentWindow: .seconds(90), alpha: 0.01,
                                          minCount: 4, minRatio: 2.5, pathPrefixes: ["/srv/app"])
        #expect(try parse(config.renderYAML()) == config)
        let commented = HealConfig().renderYAML()
        #expect(commented.contains("# errors:"))
        #expect(try parse(commented).errors == nil)
    }
}
