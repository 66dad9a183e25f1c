import Foundation
import Testing
import TestSupport

/// `heal detect` on error logs that a real Python service wrote through python-json-logger:
/// a release of `before` served for a day, a release of the deploy for an hour.
@Suite("heal detect --errors-*")
struct DetectErrorsCommandTests {
    @Test func newErrorAndDriverSpikeAreRegressionsTheSteadyErrorIsNot() throws {
        let service = try ErrorService()
        let logs = try service.servedLogs(deploy: service.after, driverFailEvery: 2)
        defer { try? FileManager.default.removeItem(atPath: logs) }
        let result = try HealBinary.run(["detect", "--errors-baseline", logs + "/before.jsonl",
                                         "--errors-current", logs + "/after.jsonl", "--json"], in: service.path)
        #expect(result.status == 1, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let regressions = try #require(json["regressions"] as? [[String: Any]])
        #expect(regressions.map { $0["test"] as? String } == [ErrorService.newError, ErrorService.driverSpike])
        #expect(regressions.map { $0["kind"] as? String } == ["new-error", "error-spike"])
        let new = try #require(regressions.first)
        #expect(new["file"] as? String == "src/shop/pricing.py" && new["line"] as? Int == 2)
        let counts = try #require(regressions.last?["errors"] as? [String: Any])
        #expect(counts["baselineCount"] as? Int == 12 && counts["currentCount"] as? Int == 12)
        let errors = try #require(json["errorLogs"] as? [String: Any])
        let current = try #require(errors["current"] as? [String: Any])
        #expect(current["seconds"] as? Double == 3_564)
        #expect(errors["tested"] as? Int == 3)
        #expect(errors["correction"] as? String == "holm")

        let text = try HealBinary.run(["detect", "--errors-baseline", logs + "/before.jsonl",
                                       "--errors-current", logs + "/after.jsonl"], in: service.path)
        #expect(text.status == 1)
        #expect(text.stdout.contains("new-error: \(ErrorService.newError) (0 → 10 events"))
        #expect(!text.stdout.contains(ErrorService.steady))
    }

    @Test func sameRateIsNoRegressionAndBadInputExitsTwo() throws {
        let service = try ErrorService()
        let logs = try service.servedLogs(deploy: service.before, driverFailEvery: 50)
        defer { try? FileManager.default.removeItem(atPath: logs) }
        try "{not json\n".write(toFile: logs + "/noise.jsonl", atomically: true, encoding: .utf8)
        let steady = try HealBinary.run(["detect", "--errors-baseline", logs + "/before.jsonl",
                                         "--errors-current", logs + "/after.jsonl", logs + "/noise.jsonl"], in: service.path)
        #expect(steady.status == 0, "\(steady.stdout)\(steady.stderr)")
        #expect(steady.stdout.contains("current error logs: 1 line could not be used"))
        let missing = try HealBinary.run(["detect", "--errors-baseline", logs + "/nothing-*.jsonl",
                                          "--errors-current", logs + "/after.jsonl"], in: service.path)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("matches no file"))
        let onlyOne = try HealBinary.run(["detect", "--errors-baseline", logs + "/before.jsonl"], in: service.path)
        #expect(onlyOne.status != 0 && onlyOne.status != 1)
    }
}
