/// Finds the commit of a deploy range that broke a test: a flake-aware Bayesian noisy binary
/// search (Henderson et al., "Flake Aware Culprit Finding", ICST 2023).
///
/// The range is commits `0..<N`, oldest first; commit `N-1` (the deploy) is known to fail and
/// the baseline before commit `0` is known to pass. For a test noise is one-sided: a PASS is
/// trusted and rules suspects out, a FAIL only lowers the weight of later suspects by the flake
/// rate. A noisy classifier (`missRate > 0`) errs both ways and every run only re-weights.
/// Each step runs the commit with the least expected remaining uncertainty; the search stops
/// when one suspect holds `options.confidence` of the probability or `options.maxRuns` is spent.
///
/// With `flakeRate: 0` the search is a bisection plus one confirming rerun of the FAIL that
/// decided the answer (at most ⌈log₂ N⌉ + 1 runs). If that rerun passes, the test is flaky
/// after all: the search replays its runs under `CulpritSearch.contradictionFlakeRate` and goes on.
public enum CulpritSearch {
    /// The flake rate assumed once a test declared deterministic is seen to pass where it failed.
    public static let contradictionFlakeRate = 0.3

    /// Searches commits `0..<commitCount` by calling `test(i)` to run the failing test at
    /// commit `i`.
    ///
    /// - Parameter prior: optional relative weights per commit (for example higher for commits
    ///   that touch the test's covered files); uniform when nil or malformed.
    public static func run(
        commitCount: Int,
        options: CulpritSearchOptions,
        prior: [Double]? = nil,
        test: (Int) async throws -> CommitTestOutcome
    ) async rethrows -> CulpritSearchResult {
        guard commitCount > 0 else {
            return CulpritSearchResult(status: .budgetExhausted, suspects: nil, confidence: 0, runs: 0, log: [])
        }
        var posterior = CulpritPosterior(commitCount: commitCount, flakeRate: options.flakeRate,
                                         missRate: options.missRate, prior: prior)
        var log: [CulpritObservation] = []
        var confirmed = false
        var retries: [Int: Int] = [:]
        while true {
            let best = posterior.best ?? (0...commitCount - 1, 0)
            let confident = best.mass >= options.confidence - 1e-12
            let budgetLeft = log.count < options.maxRuns
            if budgetLeft, let commit = best.range.dropLast().last(where: {
                posterior.skipped.contains($0) && retries[$0, default: 0] < options.skipRetries
            }) {
                // A skip inside the best block keeps the answer from being one commit.
                retries[commit, default: 0] += 1
                let outcome = try await test(commit)
                log.append(CulpritObservation(commit: commit, outcome: outcome))
                posterior.observe(outcome, at: commit)
                continue
            }
            if confident, posterior.flakeRate == 0, posterior.missRate == 0, !confirmed, budgetLeft, best.range.upperBound < commitCount - 1 {
                // One FAIL decided this; a flake would have misled the whole bisection.
                confirmed = true
                let commit = best.range.upperBound
                let outcome = try await test(commit)
                log.append(CulpritObservation(commit: commit, outcome: outcome))
                if outcome == .pass {
                    posterior = CulpritPosterior(commitCount: commitCount, flakeRate: contradictionFlakeRate, prior: prior)
                    for observation in log { posterior.observe(observation.outcome, at: observation.commit) }
                }
                continue
            }
            if confident {
                return CulpritSearchResult(status: .confident, suspects: best.range, confidence: best.mass,
                                           runs: log.count, log: log)
            }
            guard budgetLeft, let commit = posterior.nextCommit() else {
                return CulpritSearchResult(status: .budgetExhausted, suspects: best.range, confidence: best.mass,
                                           runs: log.count, log: log)
            }
            let outcome = try await test(commit)
            log.append(CulpritObservation(commit: commit, outcome: outcome))
            posterior.observe(outcome, at: commit)
        }
    }
}
