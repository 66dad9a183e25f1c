import Foundation
import GitKit

extension CauseTriage {
    /// Whether a regression joined a cause.
    enum Confirmation {
        case joined(TriagedRegression)
        /// It did not; `runs` were spent that its evidence does not count.
        case rejected(runs: Int)
    }

    /// Confirms `test` as a member of cause `drafts[index]` with its own runs: it fails at the
    /// culprit (`strict`: a flaky test that passes there never joins), passes there with the
    /// cause's causal hunks reverted — or with a few more of the hunks its coverage executes,
    /// found by delta debugging, which the cause then takes on (`strict` only: without per-test
    /// coverage a test that needs more is another cause's) — and passes at the culprit's parent
    /// (known without a run when that is the baseline, or when the test executes nothing the
    /// deploy changed before it). A run at the deploy goes into `evidence`.
    mutating func confirm(_ test: TestCase, evidence: inout VerdictEvidence, in index: Int,
                          strict: Bool) async throws -> Confirmation {
        let draft = drafts[index]
        let evidenceRuns = evidence.runs
        var runs = 0
        var uncounted = 0
        if strict {
            let run = try await runner.runTest(test, at: draft.head, replacing: [:])
            runs += 1
            if draft.head == input.after { evidence.deployRuns.append(run.outcome) } else { uncounted += 1 }
            guard run.outcome == .fail else { return .rejected(runs: uncounted) }
        }
        let lines = try await lines(of: test.id, at: draft.head)
        let candidates = CausalHunks.select(diff: draft.diff, coverage: lines,
                                            failureOutput: [test.message, test.output].compactMap { $0 }.joined(separator: "\n")).hunks
        let growth = try await CausalUnion.grow(draft.hunks, from: candidates,
                                                maxRuns: strict && lines != nil ? options.minimizeMaxRuns : 1) { refs in
            try await revert(refs, of: draft.diff, base: draft.base, head: draft.head, probe: probe(test))
        }
        runs += growth.runs
        uncounted += growth.runs
        guard let added = growth.added else { return .rejected(runs: uncounted) }
        var parent = draft.base == input.before ? "passes at the baseline \(draft.base.short())"
            : "executes no file changed before the culprit's parent \(draft.base.short()), and passes at the baseline"
        if try await !parentPassIsKnown(test.id, draft: draft, evidence: evidence) {
            let run = try await runner.runTest(test, at: draft.base, replacing: [:])
            runs += 1
            uncounted += 1
            // A test added later in the deploy is not there yet: no result, which is no failure.
            let absent = evidence.isNewTest && run.outcome == .skip
            guard run.outcome == .pass || absent else { return .rejected(runs: uncounted) }
            parent = absent ? "is not at the culprit's parent \(draft.base.short()) yet" : "passes at the culprit's parent \(draft.base.short())"
        }

        let covered = (lines ?? [:]).filter { !$0.value.isEmpty }.keys
        drafts[index].members.append(test.id)
        drafts[index].hunks = Array(Set(draft.hunks).union(added)).sorted()
        drafts[index].grownBy += added.count
        drafts[index].coveredFiles.formUnion(covered)
        drafts[index].runs += evidenceRuns + runs
        let hunks = draft.hunks.count
        var steps = strict ? ["fails at \(draft.head.short())"] : ["fails on all \(evidence.deployRuns.count) fresh reruns at the deploy"]
        steps.append("passes there with the cause's \(hunks) causal hunk\(VerdictRules.plural(hunks)) reverted"
                     + (added.isEmpty ? "" : " and \(added.count) more of its own"))
        steps.append(parent)
        let verdict = TestVerdict(
            test: test.id, verdict: .introduced,
            reason: "introduced: the same cause as `\(draft.members[0])` — " + steps.joined(separator: ", "),
            culprit: draft.verdict.culprit, culpritCandidates: draft.verdict.culpritCandidates,
            causalBase: draft.base, causalHead: draft.head, confidence: draft.verdict.confidence,
            coveredFiles: covered.sorted(), testRuns: evidenceRuns + runs, cause: draft.id)
        return .joined(TriagedRegression(verdict: verdict, evidenceRuns: evidenceRuns, confirmationRuns: runs,
                                         deployReruns: evidence.deployRuns))
    }

    /// Whether the test is known to pass at the cause's causal base without a run: it passes
    /// at the baseline (which heal ran just now or re-checked) or did not exist there yet, and
    /// the base is the baseline — or, by per-test coverage, the test executes none of the files
    /// the deploy changed before the base, so it runs the baseline's code there.
    mutating func parentPassIsKnown(_ test: String, draft: CauseDraft, evidence: VerdictEvidence) async throws -> Bool {
        guard evidence.isNewTest || input.baselineIsFresh || evidence.baselineRuns.contains(.pass) else { return false }
        if draft.base == input.before { return true }
        guard !evidence.isNewTest, let lines = try await lines(of: test, at: input.after) else { return false }
        let executed = Set(lines.filter { !$0.value.isEmpty }.keys)
        if changedBefore[draft.base] == nil {
            let files = try repository.diff(from: input.before.hex, to: draft.base.hex, options: DiffOptions(contextLines: 0)).files
            changedBefore[draft.base] = Set(files.flatMap { [$0.oldPath.string, $0.newPath.string] })
        }
        return changedBefore[draft.base]?.isDisjoint(with: executed) == true
    }

    /// Other causes worth trying for `test`, which triage found introduced but grouping did not
    /// place: not those whose hunks its coverage (at the culprit) never executes; those in files
    /// its failure names first; at most `maxCausesTried`.
    mutating func causesToTry(for test: TestCase, excluding excluded: Int?) async throws -> [Int] {
        let named = Set(FailureOutputPaths.mentioned(in: [test.message, test.output].compactMap { $0 }.joined(separator: "\n")))
        var likely: [Int] = []
        var others: [Int] = []
        for index in drafts.indices where index != excluded {
            let draft = drafts[index]
            if let lines = try await lines(of: test.id, at: draft.head),
               Set(CausalHunks.covered(diff: draft.diff, coverage: lines)).isDisjoint(with: draft.hunks) {
                continue
            }
            let files = draft.hunks.map { draft.diff[$0.fileIndex].path.string }
            if !FailureOutputPaths.match(Array(named), against: files).isEmpty { likely.append(index) } else { others.append(index) }
        }
        return Array((likely + others).prefix(Self.maxCausesTried))
    }

    /// The lines `test` executes at `commit`: its own coverage (`coverage.test`), else the
    /// suite's (see `CoverageCache.lines`); nil without coverage that can speak for it.
    mutating func lines(of test: String, at commit: ObjectID) async throws -> CoveredLines? {
        let testCase = input.current.test(test) ?? TestCase(id: test, outcome: .failed)
        return try await coverage.lines(of: testCase, at: commit, report: input.current, in: repository)
    }

    /// Probes at `head` with `refs` of `diff` (base → head) reverted. A revert whose files
    /// cannot be built from the repository, or a probe without an answer, is unresolved.
    func revert(_ refs: [HunkRef], of diff: [FileDiff], base: ObjectID, head: ObjectID,
                probe: Probe) async throws -> RevertOutcome {
        guard let files = try? HunkRevert.files(reverting: refs, of: diff, base: base.hex, head: head.hex,
                                                in: repository) else { return .unresolved }
        switch try await probe(head, files) {
        case .pass: return .pass
        case .fail: return .fail
        case .skip: return .unresolved
        }
    }
}
