import GitKit

/// Groups production errors into causes: introduced errors whose traces run through the same
/// changed hunk innermost, blamed on the same commit, are one cause (one fix, one PR); an error
/// not linked to the deploy is a cause of its own. The cause's causal diff is the union of its
/// members' hunks.
enum ErrorCauses {
    struct Member {
        var regression: String
        var result: ErrorTriage.Result
    }

    /// Causes in the order of their first member, ids unique among `taken` (which grows).
    static func group(_ members: [Member], diff: [FileDiff], taken: inout Set<String>) -> TriageOutcome {
        var groups: [[Member]] = []
        for member in members {
            let verdict = member.result.triaged.verdict
            if verdict.verdict == .introduced, let index = groups.firstIndex(where: { group in
                let first = group[0].result
                return first.triaged.verdict.verdict == .introduced && first.hunks.first == member.result.hunks.first
                    && first.triaged.verdict.culprit?.id == verdict.culprit?.id
            }) {
                groups[index].append(member)
            } else {
                groups.append([member])
            }
        }
        var outcome = TriageOutcome()
        for group in groups {
            let id = Cause.uniqueID(representative: group[0].regression, taken: &taken)
            var verdict = group[0].result.triaged.verdict
            verdict.cause = id
            if group.count > 1 {
                var hunks: [HunkRef] = []
                for member in group { hunks += member.result.hunks.filter { !hunks.contains($0) } }
                verdict.causalDiff = HunkRef.restrict(diff, to: hunks)
                verdict.reason += "; \(group.count - 1) more error signature\(group.count == 2 ? "" : "s") run through the same change"
            }
            outcome.causes.append(Cause(id: id, tests: group.map(\.regression), verdict: verdict))
        }
        for member in members {
            var triaged = member.result.triaged
            triaged.verdict.cause = outcome.cause(of: member.regression)?.id
            outcome.triaged.append(triaged)
        }
        return outcome
    }
}
