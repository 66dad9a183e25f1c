import Foundation

/// The report of a deploy at which the suite wrote no results although it did at the baseline:
/// one `buildFailed` case for the whole suite (`TestRunner.wholeSuite`), carrying the runner's
/// own last words, so detection reports a `build-failure` regression — with every baseline test
/// attributed to it — instead of heal blaming the configuration.
enum WholeSuiteBuildFailure {
    static func report(_ run: SuiteRun) -> TestReport {
        let log = run.runDirectory.map { $0 + "/output.log" }
        let tail = log.map { RunnerEvidence(command: "", log: $0, lineLimit: 60).outputTail() } ?? ""
        let message = "the suite did not build or run at the deploy: \(run.couldNotRunReason ?? "no results")"
        return TestReport(tests: [TestCase(id: TestRunner.wholeSuite, outcome: .buildFailed, message: message,
                                           output: tail.isEmpty ? nil : tail)])
    }
}
