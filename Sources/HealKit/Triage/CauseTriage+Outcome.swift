extension CauseTriage {
    /// A cause id for `test` not handed out before in this triage.
    mutating func newCauseID(representative test: String) -> String {
        Cause.uniqueID(representative: test, taken: &causeIDs)
    }

    /// The causes and the verdicts in detection order: every introduced member of a cause
    /// carries the cause's id and its union of causal hunks (what the fix reverts); every other
    /// regression is a cause of its own.
    mutating func outcome(_ regressions: [Regression]) -> TriageOutcome {
        var causeOf: [String: Cause] = [:]
        for draft in drafts {
            let cause = draft.cause
            for member in cause.tests { causeOf[member] = cause }
        }
        var outcome = TriageOutcome()
        var listed: Set<String> = []
        for regression in regressions {
            guard var item = results[regression.test] else { continue }
            if let cause = causeOf[regression.test] {
                item.verdict.cause = cause.id
                item.verdict.causalDiff = cause.verdict.causalDiff
                if listed.insert(cause.id).inserted { outcome.causes.append(cause) }
            } else {
                item.verdict.cause = newCauseID(representative: regression.test)
                outcome.causes.append(Cause(id: item.verdict.cause!, tests: [regression.test], verdict: item.verdict))
            }
            outcome.triaged.append(item)
        }
        return outcome
    }
}
