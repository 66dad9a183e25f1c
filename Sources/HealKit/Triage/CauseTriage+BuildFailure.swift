import Foundation
import GitKit

extension CauseTriage {
    /// A unit that no longer builds — triaged by a strategy of its own, and a cause of its own:
    /// confirmed by building again at the deploy, pre-existing when it does not build at the
    /// baseline either, else introduced — the culprit found and the causal hunks minimized with
    /// "builds" as the oracle (deterministic, so one probe per commit or subset), never with
    /// coverage, which a build does not have.
    mutating func triageBuildFailure(_ regression: Regression) async throws -> TriagedRegression {
        let unit = regression.test
        func verdict(_ kind: VerdictKind, _ reason: String, runs: Int) -> TriagedRegression {
            TriagedRegression(verdict: TestVerdict(test: unit, verdict: kind, reason: reason, testRuns: runs), evidenceRuns: runs)
        }
        guard let builder = runner as? any TriageBuildRunner else {
            return verdict(.ambiguous, "ambiguous: this runner cannot build the suite, so the build failure cannot be triaged; escalated", runs: 0)
        }
        let atDeploy = try await builder.build(unit, at: input.after, replacing: [:])
        switch atDeploy.outcome {
        case .pass:
            return verdict(.ambiguous, "ambiguous: \(unit) did not build in the suite run but builds on a rerun at the deploy (a flaky build or environment)", runs: 1)
        case .skip:
            return verdict(.ambiguous, "ambiguous: building again at the deploy gave no answer: \(atDeploy.output ?? "no output")", runs: 1)
        case .fail:
            break
        }
        let atBaseline = try await builder.build(unit, at: input.before, replacing: [:])
        switch atBaseline.outcome {
        case .fail:
            return verdict(.preExisting, "pre-existing: \(unit) does not build at the baseline either", runs: 2)
        case .skip:
            return verdict(.ambiguous, "ambiguous: building at the baseline gave no answer: \(atBaseline.output ?? "no output")", runs: 2)
        case .pass:
            break
        }
        let rule = RuleVerdict(kind: .introduced, reason: "introduced: \(unit) builds at the baseline and not at the deploy", runs: 2)
        let failureOutput = [regression.message, input.current.test(unit)?.output, atDeploy.output].compactMap { $0 }.joined(separator: "\n")
        let probe: Probe = { commit, files in try await builder.build(unit, at: commit, replacing: files).outcome }
        return try await locate(unit, probe: probe, usesCoverage: false, rule: rule, failureOutput: failureOutput).0
    }
}
