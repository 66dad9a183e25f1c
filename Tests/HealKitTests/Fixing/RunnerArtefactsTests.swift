import HealKit
import Testing

@Suite("Runner artefacts")
struct RunnerArtefactsTests {
    @Test func scopeIgnoreIsReadAndAddedToTheBuiltInList() throws {
        let config = try HealConfig.parse(yaml: "scope:\n  ignore: [\"reports/\", \"*.tmp\"]\n", file: ".heal.yml")
        #expect(config.scope.ignore == ["reports/", "*.tmp"])
        #expect(RunnerArtefacts.ignoreRules(config: config) == RunnerArtefacts.defaults + ["reports/", "*.tmp"])
        #expect(HealConfig().scope.ignore == [])
        #expect(RunnerArtefacts.defaults.contains("__pycache__/") && RunnerArtefacts.defaults.contains(".pytest_cache/"))
    }

    @Test func healInitWritesTheKeyAndReadsItBack() throws {
        var config = HealConfig()
        config.scope.ignore = ["reports/"]
        let yaml = config.renderYAML()
        #expect(yaml.contains("  ignore: [\"reports/\"]") || yaml.contains("  ignore: [reports/]"), "\(yaml)")
        #expect(try HealConfig.parse(yaml: yaml, file: ".heal.yml").scope.ignore == ["reports/"])
        #expect(try HealConfig.parse(yaml: HealConfig().renderYAML(), file: ".heal.yml").scope.ignore == [])
    }
}
