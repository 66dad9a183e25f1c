/// The noisy oracle of an eval regression's triage: one `ScoreModel` per case of the cause,
/// built from the confirmed samples at the baseline and the deploy. The culprit search and the
/// causal-hunk minimization both ask it "does this code score like the baseline or like the
/// deploy?" with a `ScoreProbe`.
public struct ScoreOracle: Sendable {
    let models: [ScoreModel]
    /// The culprit search's probes.
    public let probe: ScoreProbeOptions

    /// Nil unless every case has samples on both sides.
    public init?(baseline: [[Double]], deploy: [[Double]], probe: ScoreProbeOptions) {
        guard !baseline.isEmpty, baseline.count == deploy.count else { return nil }
        var models: [ScoreModel] = []
        for (before, after) in zip(baseline, deploy) {
            guard let model = ScoreModel(baseline: before, deploy: after) else { return nil }
            models.append(model)
        }
        self.models = models
        self.probe = probe
    }

    public var caseCount: Int { models.count }

    /// Probes one version of the code; `draw(case, count)` samples case `case` there. An
    /// undecided probe of the same code may be resumed.
    public func probe(_ options: ScoreProbeOptions? = nil, resuming earlier: ScoreProbe.Result? = nil,
                      draw: (Int, Int) async throws -> [Double]?) async rethrows -> ScoreProbe.Result {
        try await ScoreProbe.run(models: models, options: options ?? probe, resuming: earlier, draw: draw)
    }

    /// How often the culprit search goes back to a commit whose probe was undecided; each
    /// retry resumes that probe, so no sample is wasted.
    public static let undecidedRetries = 2

    /// The error rates the culprit search's posterior assumes for these probes: twice the
    /// nominal SPRT error (the distributions are estimates from a few samples), at least 5%.
    public var assumedError: Double { max(2 * probe.error, 0.05) }

    /// Samples per side the models should rest on: four times what a probe is expected to
    /// draw (Wald: threshold / separation), so a probe's own noise, not the models' error,
    /// dominates — at least `have`, at most `limit`. A clear drop needs nothing more; a drop
    /// buried in noise gets sharper models before the search spends probes on it.
    public func modelSamplesWanted(have: Int, limit: Int) -> Int {
        let separation = models.map { $0.separation(clip: probe.sampleClip) }.reduce(0, +)
        guard separation > 0 else { return max(have, limit) }
        let perProbe = (probe.threshold / separation).rounded(.up)
        return min(max(have, Int(min(4 * perProbe, Double(limit)))), max(have, limit))
    }

    /// Finds the culprit among commits `0..<commitCount` (the last one is the deploy) with the
    /// flake-aware search, each run a probe; `draw(commit, case, count)` samples a case there.
    public func culpritSearch(
        commitCount: Int, confidence: Double, maxProbes: Int,
        draw: (Int, Int, Int) async throws -> [Double]?
    ) async rethrows -> (search: CulpritSearchResult, samples: Int) {
        var samples = 0
        var undecided: [Int: ScoreProbe.Result] = [:]
        let options = CulpritSearchOptions(flakeRate: assumedError, missRate: assumedError, confidence: confidence,
                                           maxRuns: maxProbes, skipRetries: Self.undecidedRetries)
        let search = try await CulpritSearch.run(commitCount: commitCount, options: options) { commit in
            let earlier = undecided.removeValue(forKey: commit)
            let result = try await probe(resuming: earlier) { try await draw(commit, $0, $1) }
            samples += result.samples - (earlier?.samples ?? 0)
            if result.verdict == .undecided { undecided[commit] = result }
            return result.commitOutcome
        }
        return (search, samples)
    }
}
