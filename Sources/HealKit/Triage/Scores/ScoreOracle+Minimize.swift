extension ScoreOracle {
    /// The smallest set of candidate hunks whose revert makes the code score like the
    /// baseline; `draw(subset, case, count)` samples a case with `subset` reverted.
    ///
    /// Delta debugging trusts every answer, and one wrong probe misleads it for good, so the
    /// single-culprit phase is the flake-aware search instead of plain halving: with hunks
    /// `0...k` applied (the rest reverted) the code scores like the deploy exactly when the
    /// culprit hunk is among them, like commits of a history. Its answer is confirmed by
    /// reverting that hunk alone with a `confirming` probe (stricter). When that fails — a
    /// cause that needs several hunks — ddmin runs over every candidate with the confirming
    /// probe, within what is left of `maxProbes`.
    public func minimize(
        candidateCount: Int, confidence: Double, maxProbes: Int, confirming: ScoreProbeOptions,
        draw: ([Int], Int, Int) async throws -> [Double]?
    ) async rethrows -> (result: DeltaDebuggingResult, samples: Int) {
        var samples = 0
        var log: [RevertTrial] = []
        func trial(_ subset: [Int]) async throws -> RevertOutcome {
            let result = try await probe(confirming) { try await draw(subset, $0, $1) }
            samples += result.samples
            log.append(RevertTrial(subset: subset, outcome: result.revertOutcome))
            return result.revertOutcome
        }
        guard candidateCount > 0 else { return (DeltaDebuggingResult(status: .notFound, minimal: [], runs: 0, log: []), 0) }
        var single = candidateCount == 1 ? 0 : nil
        if candidateCount > 1 {
            let (search, searchSamples) = try await culpritSearch(commitCount: candidateCount, confidence: confidence,
                                                                  maxProbes: maxProbes / 2) { applied, index, count in
                try await draw(Array(applied + 1..<candidateCount), index, count)
            }
            samples += searchSamples
            log += search.log.map { RevertTrial(subset: Array($0.commit + 1..<candidateCount), outcome: $0.outcome.revertOutcome) }
            single = search.culprit
        }
        if let single, log.count < maxProbes, try await trial([single]) == .pass {
            return (DeltaDebuggingResult(status: .minimal, minimal: [single], runs: log.count, log: log), samples)
        }
        let spent = log.count
        let rest = try await DeltaDebugging.minimize(candidateCount: candidateCount, maxRuns: max(maxProbes - spent, 0)) {
            try await trial($0)
        }
        return (DeltaDebuggingResult(status: rest.status, minimal: rest.minimal, runs: log.count, log: log), samples)
    }
}

extension CommitTestOutcome {
    /// A culprit-search run over hunk prefixes as a revert trial.
    var revertOutcome: RevertOutcome {
        switch self {
        case .pass: .pass
        case .fail: .fail
        case .skip: .unresolved
        }
    }
}
