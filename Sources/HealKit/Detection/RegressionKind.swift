/// Why a test or eval case counts as a regression (names are part of the JSON contract).
public enum RegressionKind: String, Codable, Sendable, CaseIterable {
    /// Passed at the baseline, fails or errors now.
    case newlyFailing = "newly-failing"
    /// Not in the baseline, fails or errors now.
    case newTestFailing = "new-test-failing"
    /// An eval score fell below its threshold or dropped significantly.
    case scoreDrop = "score-drop"
    /// In the baseline, gone now (a regression only when `DetectionOptions.missingIsRegression`).
    case missing
    /// A unit (a package, a module, a test target, or the whole suite) that built at the
    /// baseline no longer builds, compiles or loads; its tests that vanished with it are listed
    /// in `Regression.missingTests`.
    case buildFailure = "build-failure"
    /// A production error signature the baseline window never saw, frequent enough now.
    case newError = "new-error"
    /// A production error signature whose rate rose significantly after the deploy.
    case errorSpike = "error-spike"

    /// Whether the regression comes from error logs (triaged from its trace, without reruns).
    public var isProductionError: Bool { self == .newError || self == .errorSpike }
}
