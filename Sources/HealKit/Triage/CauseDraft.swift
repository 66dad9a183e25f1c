import GitKit

/// An introduced cause while triage confirms its members: the representative's verdict and the
/// culprit's diff (causal base → head, zero context, with lines) that its hunks index.
struct CauseDraft {
    var id: String
    /// The representative first, then members in the order they joined.
    var members: [String]
    var verdict: TestVerdict
    let base: ObjectID
    let head: ObjectID
    let diff: [FileDiff]
    /// The union of causal hunks so far, in diff order.
    var hunks: [HunkRef]
    var coveredFiles: Set<String>
    /// Every run the cause cost: the representative's and each member's.
    var runs: Int
    /// Hunks members needed on top of the representative's.
    var grownBy = 0

    /// The finished cause: the union of hunks, every member's covered files and runs.
    var cause: Cause {
        var verdict = verdict
        verdict.causalDiff = HunkRef.restrict(diff, to: hunks)
        verdict.coveredFiles = coveredFiles.sorted()
        verdict.testRuns = runs
        verdict.cause = id
        if members.count > 1 {
            let others = members.count - 1
            verdict.reason += "; \(others) more regression\(VerdictRules.plural(others)) confirmed as the same cause"
                + (grownBy > 0 ? ", which needed \(grownBy) more hunk\(VerdictRules.plural(grownBy))" : "")
        }
        return Cause(id: id, tests: members, verdict: verdict)
    }
}
