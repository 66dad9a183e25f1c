/// Minimizes the set of hunks whose revert makes a failing test pass: delta debugging (ddmin,
/// Zeller & Hildebrandt 2002) with a binary-search phase first.
///
/// Phase 1 assumes a single culprit hunk and halves the candidates: revert the first half; if
/// the test passes the culprit is there, if it fails it is in the other half; an unresolved half
/// sends the other half to the test instead. The survivor is confirmed by reverting it alone.
/// That costs at most ⌈log₂ H⌉ + 1 runs for H candidates. If the assumption breaks (the
/// survivor alone doesn't fix the test, or both halves are unresolved or failing), phase 2 runs
/// full ddmin from all candidates — reusing every outcome already seen — and returns a
/// 1-minimal set. Unresolved subsets count as neither pass nor fail, as ddmin prescribes.
public enum DeltaDebugging {
    /// Minimizes over candidates `0..<candidateCount`; `test(subset)` reverts those candidates
    /// (ascending indices) on top of the failing code and reruns the failing test.
    public static func minimize(
        candidateCount: Int,
        maxRuns: Int,
        test: ([Int]) async throws -> RevertOutcome
    ) async rethrows -> DeltaDebuggingResult {
        var session = RevertSession(maxRuns: maxRuns)
        guard candidateCount > 0 else { return session.result(.notFound, []) }
        let all = Array(0..<candidateCount)

        // Phase 1: a single culprit, by halving.
        var current = all
        var fixes = false
        halving: while current.count > 1 {
            let (first, second) = halves(current)
            guard let outcome = try await session.outcome(of: first, test) else { return session.budgetExhausted() }
            switch outcome {
            case .pass:
                (current, fixes) = (first, true)
            case .fail:
                (current, fixes) = (second, false)
            case .unresolved:
                guard let other = try await session.outcome(of: second, test) else { return session.budgetExhausted() }
                guard other == .pass else { break halving }
                (current, fixes) = (second, true)
            }
        }
        if current.count == 1 && !fixes {
            guard let outcome = try await session.outcome(of: current, test) else { return session.budgetExhausted() }
            fixes = outcome == .pass
        }
        // Reverting nothing is the failing state itself, so one fixing hunk is 1-minimal.
        if current.count == 1 && fixes { return session.result(.minimal, current) }

        // Phase 2: ddmin.
        guard let whole = try await session.outcome(of: all, test) else { return session.budgetExhausted() }
        guard whole == .pass else { return session.result(.notFound, []) }
        var set = all
        var granularity = 2
        while set.count >= 2 {
            let parts = split(set, into: granularity)
            var reduced = false
            for part in parts {
                guard let outcome = try await session.outcome(of: part, test) else { return session.budgetExhausted() }
                if outcome == .pass {
                    (set, granularity, reduced) = (part, 2, true)
                    break
                }
            }
            if !reduced && granularity > 2 {
                for part in parts {
                    let complement = set.filter { !part.contains($0) }
                    guard let outcome = try await session.outcome(of: complement, test) else {
                        return session.budgetExhausted()
                    }
                    if outcome == .pass {
                        (set, granularity, reduced) = (complement, max(granularity - 1, 2), true)
                        break
                    }
                }
            }
            if !reduced {
                if granularity >= set.count { break }
                granularity = min(set.count, granularity * 2)
            }
        }
        return session.result(.minimal, set)
    }

    /// The first half (rounded up) and the rest.
    static func halves(_ items: [Int]) -> ([Int], [Int]) {
        let middle = (items.count + 1) / 2
        return (Array(items[..<middle]), Array(items[middle...]))
    }

    /// `items` cut into `parts` contiguous pieces whose sizes differ by at most one.
    static func split(_ items: [Int], into parts: Int) -> [[Int]] {
        let parts = min(max(parts, 1), items.count)
        var result: [[Int]] = []
        var start = 0
        for index in 0..<parts {
            let size = items.count / parts + (index < items.count % parts ? 1 : 0)
            result.append(Array(items[start..<start + size]))
            start += size
        }
        return result
    }
}
