import HealKit
import Testing

/// The `evals:` section.
extension HealConfigTests {
    static let evalsSection = """
        evals:
          command: "python evals/run.py --samples {samples} --out {results}"
          case: "python evals/run.py --case {id} --samples {samples} --out {results}"

        """

    @Test("an evals section without a suite section runs the evals only")
    func evalsOnly() throws {
        let config = try parse(Self.evalsSection)
        let evals = try #require(config.evals)
        #expect(evals.command == "python evals/run.py --samples {samples} --out {results}")
        #expect(evals.caseCommand == "python evals/run.py --case {id} --samples {samples} --out {results}")
        #expect(evals.samples == 5 && evals.format == .auto && evals.timeout == .seconds(1800))
        #expect(evals.confirmSamples == 20 && evals.probeMaxSamples == 40)
        #expect(!config.runsSuite)
        #expect(try parse("suite:\n  command: pytest --junitxml={results}\n" + Self.evalsSection).runsSuite)
        #expect(try parse("").runsSuite && (try parse("")).evals == nil)
    }

    @Test("every evals key is read")
    func everyKey() throws {
        let config = try parse(Self.evalsSection + """
              samples: 8
              format: scores
              timeout: 90
              confirm-samples: 30
              probe-max-samples: 60

            """)
        let evals = try #require(config.evals)
        #expect(evals.samples == 8 && evals.format == .scores && evals.timeout == .seconds(90))
        #expect(evals.confirmSamples == 30 && evals.probeMaxSamples == 60)
    }

    @Test("both commands are required, write {results}, and the case command names {id}")
    func commands() throws {
        let missing = try #require(failure("evals:\n  command: run {results}\n"))
        #expect(missing.description.contains("`case`"))
        let noResults = try #require(failure("evals:\n  command: run\n  case: run {id} {results}\n"))
        #expect(noResults.line == 2 && noResults.description.contains("{results}"))
        let noID = try #require(failure("evals:\n  command: run {results}\n  case: run {results}\n"))
        #expect(noID.line == 3 && noID.description.contains("{id}"))
        let format = try #require(failure(Self.evalsSection + "  format: junit\n"))
        #expect(format.description.contains("auto, scores"))
        let samples = try #require(failure(Self.evalsSection + "  samples: 0\n"))
        #expect(samples.line == 4)
    }

    @Test("rendered with and without evals, and without a suite, the file loads back equal")
    func roundTrip() throws {
        var config = HealConfig()
        config.evals = HealConfig.Evals(command: "./evals all {samples} {results}", caseCommand: "./evals one {id} {results}",
                                        samples: 3, format: .scores, timeout: .seconds(120), confirmSamples: 24,
                                        probeMaxSamples: 50)
        #expect(try parse(config.renderYAML()) == config)
        config.runsSuite = false
        let text = config.renderYAML()
        #expect(text.contains("# suite:"))
        #expect(try parse(text) == config)
        #expect(HealConfig().renderYAML().contains("# evals:"))
    }
}
