import Foundation
import GitKit

extension CauseTriage {
    /// One observation of a regression at a commit, with some files rewritten first: a single
    /// test's run, or whether the suite builds.
    typealias Probe = (ObjectID, [String: Data?]) async throws -> CommitTestOutcome

    /// A single test's run as a probe.
    func probe(_ test: TestCase) -> Probe {
        { [runner] commit, files in try await runner.runTest(test, at: commit, replacing: files).outcome }
    }

    /// For an introduced regression: the culprit commit among the deploy's first-parent commits,
    /// then the causal hunks of that commit (or of the commits the search left), minimized; and
    /// the cause it founds (its id still to be given), when there are causal hunks to confirm
    /// other regressions against. `probe` observes it; `usesCoverage` is false where coverage says nothing (a build).
    mutating func locate(_ id: String, probe: Probe, usesCoverage: Bool = true, rule: RuleVerdict,
                         failureOutput: String) async throws -> (TriagedRegression, CauseDraft?) {
        // A merge commit is one step: the first-parent chain is what the deploy branch saw.
        let commits = try repository.commits(from: input.before.hex, to: input.after.hex, firstParent: true)
        var reasons = [rule.reason]
        var culprit: Commit?
        var candidates: [ObjectID] = []
        var base = input.before
        var head = input.after
        var culpritRuns = 0
        if commits.count == 1 {
            culprit = commits[0]
            reasons.append("culprit \(commits[0].id.short()) is the deploy's only commit")
        } else if commits.count > 1 {
            // Every rerun failed and the history knows no flake, so the search may trust a
            // single FAIL; CulpritSearch re-plans with a flake rate if a run contradicts that.
            let search = try await CulpritSearch.run(
                commitCount: commits.count,
                options: CulpritSearchOptions(flakeRate: 0, confidence: options.culpritConfidence,
                                              maxRuns: options.culpritMaxRuns)
            ) { index in
                try await probe(commits[index].id, [:])
            }
            culpritRuns = search.runs
            if let suspects = search.suspects {
                let first = commits[suspects.lowerBound]
                base = first.parents.first ?? input.before
                head = commits[suspects.upperBound].id
                if let index = search.culprit {
                    culprit = commits[index]
                    reasons.append("culprit \(first.id.short()) (\(index + 1) of \(commits.count) commits) found in \(search.runs) run\(VerdictRules.plural(search.runs))")
                } else {
                    candidates = commits[suspects].map(\.id)
                    reasons.append("no single culprit after \(search.runs) runs: one of \(candidates.count) commits \(first.id.short())..\(head.short())\(search.status == .budgetExhausted ? " (run budget spent)" : "")")
                }
            }
            if search.showsFlakiness { reasons.append("the test flaked during the search") }
        }
        if let culprit { base = culprit.parents.first ?? input.before; head = culprit.id }

        let diff = try repository.diff(from: base.hex, to: head.hex, options: TriageEngine.zeroContext).files
        let lines = usesCoverage ? try await lines(of: id, at: head) : nil
        if lines != nil, let source = coverage.source(of: id, at: head) { reasons.append("coverage: \(source)") }
        let selection = CausalHunks.select(diff: diff, coverage: lines, failureOutput: failureOutput)
        reasons.append(selection.reason)
        let minimized = try await minimize(probe, selection: selection, diff: diff, base: base, head: head)
        reasons.append(minimized.reason)

        let coveredFiles = (lines ?? [:]).filter { !$0.value.isEmpty }.keys.sorted()
        let verdict = TestVerdict(
            test: id, verdict: .introduced, reason: reasons.joined(separator: "; "), culprit: culprit,
            culpritCandidates: candidates, causalBase: base, causalHead: head,
            causalDiff: HunkRef.restrict(diff, to: minimized.hunks), confidence: selection.confidence,
            coveredFiles: coveredFiles, testRuns: rule.runs + culpritRuns + minimized.runs)
        let triaged = TriagedRegression(verdict: verdict, evidenceRuns: rule.runs, culpritRuns: culpritRuns,
                                        minimizeRuns: minimized.runs, deployCommits: commits.count,
                                        candidateHunks: selection.hunks.count)
        guard !minimized.hunks.isEmpty else { return (triaged, nil) }
        let draft = CauseDraft(id: "", members: [id], verdict: verdict,
                               base: base, head: head, diff: diff, hunks: minimized.hunks.sorted(),
                               coveredFiles: Set(coveredFiles), runs: verdict.testRuns)
        return (triaged, draft)
    }

    /// Delta debugging over the selected hunks in the runner's checkout of `head`: each trial
    /// writes the files with a subset's hunks reverted and probes again. A subset whose files
    /// cannot be built from the repository, or whose run yields no result, is unresolved.
    private func minimize(_ probe: Probe, selection: CausalSelection, diff: [FileDiff], base: ObjectID,
                          head: ObjectID) async throws -> (hunks: [HunkRef], runs: Int, reason: String) {
        let candidates = selection.hunks
        guard !candidates.isEmpty else { return ([], 0, "no changed hunk to minimize") }
        let result = try await DeltaDebugging.minimize(candidateCount: candidates.count,
                                                       maxRuns: options.minimizeMaxRuns) { subset in
            try await revert(subset.map { candidates[$0] }, of: diff, base: base, head: head, probe: probe)
        }
        let runs = " in \(result.runs) run\(VerdictRules.plural(result.runs))"
        switch result.status {
        case .minimal:
            let hunks = result.minimal.map { candidates[$0] }
            return (hunks, result.runs, "reverting \(hunks.count) of \(candidates.count) candidate hunk\(VerdictRules.plural(candidates.count)) makes it pass (1-minimal\(runs))")
        case .budgetExhausted where !result.minimal.isEmpty:
            let hunks = result.minimal.map { candidates[$0] }
            return (hunks, result.runs, "reverting \(hunks.count) of \(candidates.count) candidate hunks makes it pass (run budget spent\(runs); may not be minimal)")
        case .budgetExhausted:
            return (candidates, result.runs, "minimization spent its run budget without a passing revert; all \(candidates.count) candidates kept")
        case .notFound:
            return (candidates, result.runs, "reverting all \(candidates.count) candidates does not make it pass\(runs); all kept")
        }
    }
}
