import Foundation
import GitKit

extension RunSession {
    /// Triages every regression in one scratch directory at the deploy, one at a time so each
    /// gets a progress line; per-test coverage is measured once there and shared. The deploy
    /// reruns go to the store's flake history.
    func triage(_ detection: DetectionResult, baseline: TestReport, current: TestReport) async throws -> [TriagedRegression] {
        guard !detection.regressions.isEmpty else { return [] }
        let input = TriageInput(before: range.before.id, after: range.after.id, detection: detection,
                                baseline: baseline, current: current, baselineIsFresh: true)
        let triaged = try await WorkArea(repositoryPath: setup.root).withExport(at: range.after.id.hex, label: "triage") { export in
            try await triage(input, in: export)
        }
        for item in triaged where !item.deployReruns.isEmpty {
            try await store.recordObservation(TestObservation(
                repository: setup.repositoryID, test: item.verdict.test, commit: range.after.id.hex,
                passes: item.deployReruns.count { $0 == .pass }, failures: item.deployReruns.count { $0 == .fail }))
        }
        return triaged
    }

    private func triage(_ input: TriageInput, in export: ExportedTree) async throws -> [TriagedRegression] {
        let triageRunner = ExportTriageRunner(testRunner: runner, export: export)
        var input = input
        let rerunnable = input.detection.regressions.contains { $0.kind == .newlyFailing || $0.kind == .newTestFailing }
        if rerunnable, config.coverage.command != nil {
            progress("measuring per-test coverage at \(range.after.id.short())…")
            input.coverage = try await triageRunner.coverage(at: range.after.id)
            if input.coverage == nil { progress("  the coverage command wrote no report; triage goes on without it") }
        }
        let store = store
        let repositoryID = setup.repositoryID
        let engine = TriageEngine(repositoryPath: setup.root, runner: triageRunner, options: TriageOptions(config.triage),
                                  flakeHistory: { try await store.flakeHistory(repository: repositoryID, test: $0) })
        let regressions = input.detection.regressions
        var results: [TriagedRegression] = []
        for (index, regression) in regressions.enumerated() {
            progress("triaging \(regression.test) (\(index + 1) of \(regressions.count))…")
            var single = input
            single.detection.regressions = [regression]
            for item in try await engine.triage(single) {
                progress("  " + Self.describe(item.verdict))
                results.append(item)
            }
        }
        return results
    }

    /// One line about a verdict: the kind and what triage pinned down.
    static func describe(_ verdict: TestVerdict) -> String {
        switch verdict.verdict {
        case .introduced:
            var parts = ["introduced"]
            if let culprit = verdict.culprit {
                parts.append("culprit \(culprit.id.short()) “\(culprit.summary)”")
            } else if !verdict.culpritCandidates.isEmpty {
                parts.append("culprit one of \(verdict.culpritCandidates.map { $0.short() }.joined(separator: ", "))")
            }
            let hunks = verdict.causalDiff.reduce(0) { $0 + $1.hunks.count }
            let files = verdict.causalDiff.map(\.path.string).joined(separator: ", ")
            parts.append("\(hunks) causal hunk\(hunks == 1 ? "" : "s")" + (files.isEmpty ? "" : " in \(files)"))
            parts.append("\(verdict.testRuns) test runs")
            return parts.joined(separator: ", ")
        case .ambiguous, .preExisting:
            return verdict.reason
        }
    }
}
