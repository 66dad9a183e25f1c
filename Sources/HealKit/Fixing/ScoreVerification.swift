/// A fix judged on the scores: each case of the cause, sampled fresh with the fix, is not
/// significantly worse than the baseline, is significantly better than the deploy (the fix
/// did something), is not below the threshold; and no other case dropped against the deploy.
public struct ScoreVerification: Sendable, Equatable {
    /// One case of the cause, on the three sides.
    public struct CaseCheck: Sendable, Equatable {
        public var id: String
        public var baseline: ScoreSummary
        public var deploy: ScoreSummary
        public var fixed: ScoreSummary
        /// "With the fix < baseline": must not be significant.
        public var againstBaseline: ScoreTestResult
        /// "Deploy < with the fix": must be significant.
        public var againstDeploy: ScoreTestResult
        /// Why this case fails verification; nil when it holds.
        public var failure: String?
    }

    public var cases: [CaseCheck]
    /// Other cases confirmed lower with the fix than at the deploy: `id: reason`.
    public var otherDrops: [String]

    public init(cases: [CaseCheck], otherDrops: [String]) {
        self.cases = cases
        self.otherDrops = otherDrops
    }

    /// Why the fix is not verified on the scores; nil when it is.
    public var failureReason: String? {
        let reasons = cases.compactMap { check in check.failure.map { "\(check.id): \($0)" } }
            + otherDrops.map { "another case dropped with the fix — \($0)" }
        return reasons.isEmpty ? nil : reasons.joined(separator: "; ")
    }

    /// Judges one case of the cause at level `alpha`.
    static func check(_ id: String, baseline: [Double], deploy: [Double], fixed: [Double], threshold: Double?,
                      alpha: Double) -> CaseCheck {
        let againstBaseline = ScoreTest.less(current: fixed, baseline: baseline)
        let againstDeploy = ScoreTest.less(current: deploy, baseline: fixed)
        var check = CaseCheck(id: id, baseline: ScoreSummary(baseline), deploy: ScoreSummary(deploy), fixed: ScoreSummary(fixed),
                              againstBaseline: againstBaseline, againstDeploy: againstDeploy, failure: nil)
        let p = ScoreConfirmation.formatP
        if fixed.isEmpty {
            check.failure = "the case produced no scores with the fix"
        } else if againstBaseline.pValue <= alpha {
            check.failure = "still significantly below the baseline (mean \(ScoreConfirmation.format(check.fixed.mean)) against "
                + "\(ScoreConfirmation.format(check.baseline.mean)), \(againstBaseline.method.rawValue) p=\(p(againstBaseline.pValue)))"
        } else if let threshold, check.fixed.mean < threshold {
            check.failure = "mean \(ScoreConfirmation.format(check.fixed.mean)) with the fix is below the threshold "
                + ScoreConfirmation.format(threshold)
        } else if againstDeploy.pValue > alpha {
            check.failure = "not significantly better than at the deploy (mean \(ScoreConfirmation.format(check.fixed.mean)) "
                + "against \(ScoreConfirmation.format(check.deploy.mean)), p=\(p(againstDeploy.pValue)))"
        }
        return check
    }
}
