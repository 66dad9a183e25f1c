import Foundation
import GitKit
import HealKit
import Testing

/// The exit code of `heal run`, decided from what became of each regression.
@Suite struct HealRunReportTests {
    private func report(_ handled: [RegressionHandling], failures: [RunFailure] = []) -> HealRunReport {
        let signature = Signature(name: "t", email: "t@t", time: Date(timeIntervalSince1970: 0))
        let commit = Commit(id: ObjectID(hex: String(repeating: "a", count: 40))!, treeID: ObjectID(hex: String(repeating: "b", count: 40))!,
                            parents: [], author: signature, committer: signature, summary: "s", message: "s")
        let detection = Detector.detect(baseline: TestReport(), current: TestReport(), options: DetectionOptions())
        return HealRunReport(runID: 1, range: DeployRange(before: commit, after: commit, beforeSource: "--before"),
                             detection: detection,
                             handled: handled.enumerated().map { HandledRegression(test: "t\($0.offset)", handling: $0.element) },
                             failures: failures, dryRun: false)
    }

    @Test func nothingRegressedIsSuccess() {
        #expect(report([]).exit == .success)
    }

    @Test func stagedEscalatedAndLoggedAreAllHandled() {
        #expect(report([.fixed(branch: "heal/x"), .escalated(ticket: "/t.md"), .logged]).exit == .success)
    }

    @Test func oneUnhandledRegressionIsExitOne() {
        let result = report([.fixed(branch: "heal/x"), .unhandled(reason: "attempt 1 failed")])
        #expect(result.exit == .regressions)
        #expect(result.unhandled.map(\.test) == ["t1"])
    }

    @Test func healsOwnFailureIsExitThreeAndAUserFixableOneExitTwo() {
        #expect(report([.unhandled(reason: "x")], failures: [RunFailure(test: "t0", message: "git", isUserInput: false)]).exit
                == .internalFailure)
        #expect(report([.unhandled(reason: "x")], failures: [RunFailure(test: "t0", message: "gh auth", isUserInput: true)]).exit
                == .badInput)
    }
}
