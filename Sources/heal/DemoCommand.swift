import ArgumentParser
import Foundation
import HealKit

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the whole loop on a generated sample Python repository, offline, in under a minute.",
        discussion: """
            Builds a small pytest project in --dir (default: a fresh temporary folder, kept and printed), makes a \
            deploy of several commits in which one hides a regression and a flaky test flickers, and runs the real \
            `heal run` with the built-in revert agent: detection, verdicts, the culprit commit, the minimal causal \
            hunk, the verified fix branch and its staged PR body. Then a regression the revert agent cannot fix \
            trips the circuit breaker after fix.max-attempts runs and the escalation ticket is printed. \
            Needs git and python3 with pytest (pytest-cov for per-test coverage). \
            Exit 0: the demo ran as shown; 2: a missing prerequisite or a non-empty --dir; 3: heal failed.
            """)

    @Option(help: "An empty or new folder for the sample repository (default: a fresh temporary folder).")
    var dir: String?

    func run() async throws {
        try await runReportingErrors {
            let demo = try HealDemo(directory: dir, output: { print($0) })
            _ = try await demo.run()
            return .success
        }
    }
}
