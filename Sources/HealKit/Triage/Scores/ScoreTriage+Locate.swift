import Foundation
import GitKit

extension ScoreTriageSession {
    /// An introduced case: its oracle (models topped up when the drop is buried in noise),
    /// then membership of an earlier cause, else its own culprit and causal hunks.
    mutating func locateOrJoin(_ samples: (id: String, baseline: [Double], deploy: [Double]),
                               _ confirmation: ScoreConfirmation) async throws -> TriagedRegression {
        let id = samples.id
        var baseline = samples.baseline, deploy = samples.deploy
        let wanted = ScoreOracle(baseline: [baseline], deploy: [deploy], probe: options.probe)?
            .modelSamplesWanted(have: min(baseline.count, deploy.count), limit: options.modelSamples) ?? 0
        if wanted > baseline.count, let more = try await draw(id, wanted - baseline.count, at: triage.before) { baseline += more }
        if wanted > deploy.count, let more = try await draw(id, wanted - deploy.count, at: triage.after) { deploy += more }
        guard let oracle = ScoreOracle(baseline: [baseline], deploy: [deploy], probe: options.probe) else {
            throw ScoreTriageError(message: "no samples to model case \(id)")
        }
        for index in causes.indices {
            triage.progress("checking whether \(id) is another case of \(causes[index].cases[0])'s cause…")
            guard try await joins(id, oracle, causes[index]) else { continue }
            causes[index].cases.append(id)
            var verdict = causes[index].verdict
            verdict.test = id
            verdict.reason = confirmation.reason + "; the same cause as \(causes[index].cases[0]): it scores like the baseline "
                + "at the culprit's parent and with the causal hunks reverted, like the deploy at the culprit"
            verdict.testRuns = calls[id, default: 0]
            triage.progress("  \(id): joins \(causes[index].cases[0])'s cause")
            return TriagedRegression(verdict: verdict, confirmationRuns: verdict.testRuns, scores: evidence(id, confirmation))
        }
        triage.progress("searching the culprit of \(id)…")
        var located = try await locate(id, oracle, confirmation)
        triage.progress("  " + located.verdict.reason)
        located.scores = evidence(id, confirmation)
        return located
    }

    /// Whether `id` is another case of `cause`: like the baseline with the cause's hunks
    /// reverted at its head and at its base, like the deploy at its head (known for the deploy
    /// and the baseline themselves). Each probe is held to the strict error.
    private mutating func joins(_ id: String, _ oracle: ScoreOracle, _ cause: ScoreCauseDraft) async throws -> Bool {
        let files = try HunkRevert.files(reverting: cause.hunks, of: cause.diff, base: cause.base.hex, head: cause.head.hex,
                                         in: repository)
        guard try await probe(id, oracle, options.minimizeProbe, at: cause.head, replacing: files).verdict == .likeBaseline
        else { return false }
        if cause.head != triage.after,
           try await probe(id, oracle, options.minimizeProbe, at: cause.head).verdict != .likeDeploy { return false }
        if cause.base != triage.before,
           try await probe(id, oracle, options.minimizeProbe, at: cause.base).verdict != .likeBaseline { return false }
        return true
    }

    /// One probe of case `id` at `commit`, its calls and samples counted.
    mutating func probe(_ id: String, _ oracle: ScoreOracle, _ options: ScoreProbeOptions? = nil, at commit: ObjectID,
                        replacing files: [String: Data?] = [:]) async throws -> ScoreProbe.Result {
        let result = try await oracle.probe(options) { _, count in try await sample(id, count, at: commit, replacing: files) }
        return result
    }

    /// One call of the case command.
    mutating func sample(_ id: String, _ count: Int, at commit: ObjectID, replacing files: [String: Data?]) async throws -> [Double]? {
        calls[id, default: 0] += 1
        let samples = try await triage.sampler.sample(case: id, count: count, at: commit, replacing: files)
        probeSamples[id, default: 0] += samples?.count ?? 0
        return samples
    }

    /// The culprit among the deploy's first-parent commits, then the causal hunks of its diff
    /// (or of the commits the search left), minimized by revert probes.
    private mutating func locate(_ id: String, _ oracle: ScoreOracle,
                                 _ confirmation: ScoreConfirmation) async throws -> TriagedRegression {
        let commits = try repository.commits(from: triage.before.hex, to: triage.after.hex, firstParent: true)
        var reasons = [confirmation.reason]
        var culprit: Commit?
        var candidates: [ObjectID] = []
        var (base, head) = (triage.before, triage.after)
        var searchRuns = 0
        if commits.count == 1 {
            culprit = commits[0]
            reasons.append("culprit \(commits[0].id.short()) is the deploy's only commit")
        } else if commits.count > 1 {
            let (search, drawn) = try await oracle.culpritSearch(
                commitCount: commits.count, confidence: options.culpritConfidence, maxProbes: options.culpritMaxProbes
            ) { index, _, count in try await sample(id, count, at: commits[index].id, replacing: [:]) }
            searchRuns = search.runs
            if let suspects = search.suspects {
                base = commits[suspects.lowerBound].parents.first ?? triage.before
                head = commits[suspects.upperBound].id
                if let index = search.culprit {
                    culprit = commits[index]
                    reasons.append("culprit \(commits[index].id.short()) (\(index + 1) of \(commits.count) commits) found in "
                                   + "\(search.runs) probe\(VerdictRules.plural(search.runs)) (\(drawn) samples)")
                } else {
                    candidates = commits[suspects].map(\.id)
                    reasons.append("no single culprit after \(search.runs) probes: one of \(candidates.count) commits "
                                   + "\(commits[suspects.lowerBound].id.short())..\(head.short())"
                                   + (search.status == .budgetExhausted ? " (probe budget spent)" : ""))
                }
            }
        }
        if let culprit { (base, head) = (culprit.parents.first ?? triage.before, culprit.id) }
        let diff = try repository.diff(from: base.hex, to: head.hex, options: TriageEngine.zeroContext).files
        let all = HunkRef.all(in: diff)
        let (hunks, minimizeRuns, why) = try await minimize(id, oracle, all, diff: diff, base: base, head: head)
        reasons.append(why)
        let verdict = TestVerdict(test: id, verdict: .introduced, reason: reasons.joined(separator: "; "), culprit: culprit,
                                  culpritCandidates: candidates, causalBase: base, causalHead: head,
                                  causalDiff: HunkRef.restrict(diff, to: hunks), testRuns: calls[id, default: 0])
        causes.append(ScoreCauseDraft(cases: [id], verdict: verdict, diff: diff, hunks: hunks, base: base, head: head))
        return TriagedRegression(verdict: verdict, evidenceRuns: calls[id, default: 0] - searchRuns - minimizeRuns,
                                 culpritRuns: searchRuns, minimizeRuns: minimizeRuns, deployCommits: commits.count,
                                 candidateHunks: all.count)
    }

    private mutating func minimize(_ id: String, _ oracle: ScoreOracle, _ candidates: [HunkRef], diff: [FileDiff],
                                   base: ObjectID, head: ObjectID) async throws -> (hunks: [HunkRef], runs: Int, reason: String) {
        guard !candidates.isEmpty else { return ([], 0, "no changed hunk to minimize") }
        let repository = repository
        let (result, _) = try await oracle.minimize(
            candidateCount: candidates.count, confidence: options.culpritConfidence, maxProbes: options.minimizeMaxProbes,
            confirming: options.minimizeProbe
        ) { subset, _, count in
            guard let files = try? HunkRevert.files(reverting: subset.map { candidates[$0] }, of: diff, base: base.hex,
                                                    head: head.hex, in: repository) else { return nil }
            return try await sample(id, count, at: head, replacing: files)
        }
        let total = "\(candidates.count) hunk\(VerdictRules.plural(candidates.count))"
        let runs = "\(result.runs) probe\(VerdictRules.plural(result.runs))"
        switch result.status {
        case .minimal:
            return (result.minimal.map { candidates[$0] }, result.runs,
                    "reverting \(result.minimal.count) of \(total) restores the baseline's scores (1-minimal, \(runs))")
        case .budgetExhausted where !result.minimal.isEmpty:
            return (result.minimal.map { candidates[$0] }, result.runs,
                    "reverting \(result.minimal.count) of \(total) restores the baseline's scores (probe budget spent; may not be minimal)")
        case .budgetExhausted, .notFound:
            return (candidates, result.runs, "no revert of the \(total) was seen to restore the baseline's scores (\(runs)); all kept")
        }
    }
}

/// heal's own failure in eval triage.
struct ScoreTriageError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
