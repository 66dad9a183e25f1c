/// What triage found for a deploy: the causes, and a verdict per regression.
public struct TriageOutcome: Sendable {
    /// In the order of their first regression in `detection.regressions`.
    public var causes: [Cause]
    /// One per regression, in the order of `detection.regressions`, each naming its cause.
    public var triaged: [TriagedRegression]

    public init(causes: [Cause] = [], triaged: [TriagedRegression] = []) {
        self.causes = causes
        self.triaged = triaged
    }

    /// The cause `test` belongs to.
    public func cause(of test: String) -> Cause? {
        causes.first { $0.tests.contains(test) }
    }
}
