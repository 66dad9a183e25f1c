/// A verdict before the culprit and causal hunks are known: the kind, why, and the runs spent.
public struct RuleVerdict: Sendable, Equatable {
    public var kind: VerdictKind
    /// One line for a human.
    public var reason: String
    /// Test runs the evidence cost.
    public var runs: Int

    public init(kind: VerdictKind, reason: String, runs: Int) {
        self.kind = kind
        self.reason = reason
        self.runs = runs
    }
}

/// Decides pre-existing, ambiguous or introduced from observed evidence (DESIGN.md, Triage).
///
/// The rules, first match wins:
/// 1. **pre-existing**: the test fails at the baseline (its report, or any fresh run there).
/// 2. **ambiguous**: the run is infra-suspect; or the test passes on any rerun at the deploy; or
///    the store's history marks it flaky; or its per-test coverage executes none of the changed
///    lines (DeFlaker); or a rerun could not run; or there were fewer reruns than required.
/// 3. **introduced**: every one of the required reruns at the deploy failed.
///
/// `TriageEngine` gathers evidence in the same order and stops as soon as a rule decides, so
/// partial evidence (say, no reruns after an infra-suspect run) is normal input here.
public enum VerdictRules {
    public static func decide(_ evidence: VerdictEvidence) -> RuleVerdict {
        let runs = evidence.runs
        func verdict(_ kind: VerdictKind, _ reason: String) -> RuleVerdict {
            RuleVerdict(kind: kind, reason: reason, runs: runs)
        }
        let baselineFailures = evidence.baselineRuns.count { $0 == .fail }
        if baselineFailures > 0 {
            return verdict(.preExisting, "pre-existing: fails at the baseline too (\(baselineFailures) of \(evidence.baselineRuns.count) fresh run\(plural(evidence.baselineRuns.count)) there)")
        }
        if evidence.baselineReportFailed {
            return verdict(.preExisting, "pre-existing: the baseline report has it failing too")
        }
        if evidence.infraSuspect {
            return verdict(.ambiguous, "ambiguous: most of the suite failed at once; suspect the infrastructure, not the code")
        }
        let passes = evidence.deployRuns.count { $0 == .pass }
        if passes > 0 {
            return verdict(.ambiguous, "ambiguous: flaky — passed \(passes) of \(evidence.deployRuns.count) fresh rerun\(plural(evidence.deployRuns.count)) at the deploy")
        }
        if evidence.knownFlaky {
            return verdict(.ambiguous, "ambiguous: the flake history marks this test flaky")
        }
        if case .executesNoChange(let changed) = evidence.coverage {
            return verdict(.ambiguous, "ambiguous: the test executes none of the \(changed) changed hunk\(plural(changed)) (DeFlaker: an unrelated failure is a flake)")
        }
        let unrunnable = evidence.deployRuns.count { $0 == .skip }
        if unrunnable > 0 {
            return verdict(.ambiguous, "ambiguous: \(unrunnable) rerun\(plural(unrunnable)) at the deploy could not run the test (no results)")
        }
        let failures = evidence.deployRuns.count
        guard failures >= max(evidence.requiredReruns, 1) else {
            return verdict(.ambiguous, "ambiguous: only \(failures) of \(evidence.requiredReruns) required reruns at the deploy were made")
        }
        let baselinePasses = evidence.baselineRuns.count { $0 == .pass }
        let baseline = evidence.isNewTest ? "is new since the baseline"
            : baselinePasses == 0 ? "passes in the baseline report"
            : "passes in \(baselinePasses) fresh run\(plural(baselinePasses)) at the baseline"
        return verdict(.introduced, "introduced: fails on all \(failures) fresh reruns at the deploy and \(baseline)")
    }

    /// Whether `evidence` decides the verdict before any rerun at the deploy: the test failed
    /// at the baseline, the run is infra-suspect, the history knows it flaky, or its coverage
    /// executes none of the changes. Such a regression never joins another's cause.
    public static func decidesBeforeReruns(_ evidence: VerdictEvidence) -> Bool {
        if case .executesNoChange = evidence.coverage { return true }
        return evidence.baselineRuns.contains(.fail) || evidence.baselineReportFailed || evidence.infraSuspect
            || evidence.knownFlaky
    }

    static func plural(_ count: Int) -> String { count == 1 ? "" : "s" }
}
