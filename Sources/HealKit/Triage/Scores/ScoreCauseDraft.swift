import GitKit

/// A cause of eval regressions while triage runs: its cases (the representative first), the
/// representative's verdict, and what a later case must match to join — the culprit's diff
/// and the causal hunks in it.
struct ScoreCauseDraft {
    var cases: [String]
    var verdict: TestVerdict
    /// The diff the causal hunks index (`base` → `head`).
    var diff: [FileDiff]
    var hunks: [HunkRef]
    var base: ObjectID
    var head: ObjectID
}
