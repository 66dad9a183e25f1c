import Foundation
import GitKit

extension CauseTriage {
    /// What the rules read before any rerun at the deploy, cheapest first, stopping once a rule
    /// decides: the infra flag, the baseline report (re-checked at the baseline commit when it
    /// is a stored file), the flake history, and per-test coverage.
    mutating func evidence(for test: TestCase) async throws -> VerdictEvidence {
        var evidence = VerdictEvidence(test: test.id, infraSuspect: input.detection.infraSuspect,
                                       requiredReruns: options.reruns)
        if evidence.infraSuspect { return evidence }
        let baselineCase = input.baseline.test(test.id)
        evidence.isNewTest = baselineCase == nil
        evidence.baselineReportFailed = baselineCase?.outcome.isFailure ?? false
        if evidence.baselineReportFailed { return evidence }
        if !input.baselineIsFresh && !evidence.isNewTest {
            for _ in 0..<options.baselineReruns {
                let run = try await runner.runTest(test, at: input.before, replacing: [:])
                evidence.baselineRuns.append(run.outcome)
                if run.outcome == .fail { return evidence }
            }
        }
        if try await engine.flakeHistory(test.id)?.isKnownFlaky == true {
            evidence.knownFlaky = true
            return evidence
        }
        if let covered = try await coveredHunks(of: test.id) {
            evidence.coverage = covered.isEmpty
                ? .executesNoChange(changedHunks: HunkRef.all(in: deployDiff).count)
                : .executesChanges(hunks: covered.count)
        }
        return evidence
    }

    /// Fresh reruns at the deploy until the required number all failed or one did not; returns
    /// the failure outputs. Runs already in `evidence` (a confirmation's) count.
    mutating func rerun(_ test: TestCase, evidence: inout VerdictEvidence) async throws -> [String] {
        var outputs: [String] = []
        while evidence.deployRuns.count < options.reruns, evidence.deployRuns.allSatisfy({ $0 == .fail }) {
            let run = try await runner.runTest(test, at: input.after, replacing: [:])
            evidence.deployRuns.append(run.outcome)
            if let output = run.output { outputs.append(output) }
        }
        return outputs
    }

    /// The deploy's changed hunks `test` executes, by its coverage at the deploy (see
    /// `lines(of:at:)`); nil without any.
    mutating func coveredHunks(of test: String) async throws -> Set<HunkRef>? {
        guard let lines = try await lines(of: test, at: input.after) else { return nil }
        return Set(CausalHunks.covered(diff: deployDiff, coverage: lines))
    }

    /// The cheap grouping of `regressions` (see `CauseGrouping`). Regressions that cannot be
    /// rerun, or that the baseline report has failing, stay alone; with fewer than two others
    /// there is nothing to group, and nothing is measured for it.
    mutating func groups(_ regressions: [Regression]) async throws -> [[Int]] {
        let groupable = regressions.map {
            Self.isRerunnable($0) && input.baseline.test($0.test)?.outcome.isFailure != true
        }
        guard groupable.count(where: { $0 }) > 1, !input.detection.infraSuspect else {
            return regressions.indices.map { [$0] }
        }
        let tree = try repository.commit(input.after.hex).treeID
        let paths = FramePathMapper(repositoryFiles: try repository.treeEntries(tree).map(\.path.string))
        var facts: [GroupingFacts] = []
        for (regression, canGroup) in zip(regressions, groupable) {
            guard canGroup else {
                facts.append(GroupingFacts(signature: nil))
                continue
            }
            let test = input.current.test(regression.test)
            let signature = FailureSignature.of(message: test?.message ?? regression.message, output: test?.output,
                                                testFile: test?.file ?? regression.file, paths: paths)
            // Only a test's own lines tell tests apart: the whole suite's coverage would link them all.
            let covered = try await coveredHunks(of: regression.test)
            let own = coverage.source(of: regression.test, at: input.after)?.isPerTest == true
            facts.append(GroupingFacts(signature: signature, coveredHunks: own ? covered : nil))
        }
        let changed = Set(deployDiff.flatMap { [$0.oldPath.string, $0.newPath.string] })
        return CauseGrouping.groups(facts, changedFiles: changed)
    }
}
