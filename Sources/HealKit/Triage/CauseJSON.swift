/// The JSON of one cause in `heal triage --json` / `heal run --json` (DESIGN.md):
/// `{"id", "tests", "verdict", "reason", "culprit", "causalDiff", "testRuns"}` plus, like a
/// verdict, the fields the fix stage needs to rebuild the causal hunks from the repository.
public struct CauseJSON: Codable, Sendable, Equatable {
    public var id: String
    /// The representative first.
    public var tests: [String]
    public var verdict: VerdictKind
    public var reason: String
    public var culprit: String?
    public var culpritCandidates: [String]
    /// The union of causal hunks that makes every test of the cause pass.
    public var causalDiff: VerdictJSON.CausalDiff
    public var confidence: CausalConfidence?
    public var coveredFiles: [String]
    /// Every run the cause cost.
    public var testRuns: Int

    public init(_ cause: Cause) {
        let verdict = VerdictJSON(cause.verdict)
        id = cause.id
        tests = cause.tests
        self.verdict = verdict.verdict
        reason = verdict.reason
        culprit = verdict.culprit
        culpritCandidates = verdict.culpritCandidates
        causalDiff = verdict.causalDiff
        confidence = verdict.confidence
        coveredFiles = verdict.coveredFiles
        testRuns = verdict.testRuns
    }

    /// The cause's verdict as a verdict entry of its representative.
    public var representativeVerdict: VerdictJSON {
        VerdictJSON(test: tests.first ?? id, cause: id, verdict: verdict, reason: reason, culprit: culprit,
                    culpritCandidates: culpritCandidates, causalDiff: causalDiff, confidence: confidence,
                    coveredFiles: coveredFiles, testRuns: testRuns)
    }

    enum CodingKeys: String, CodingKey {
        case id, tests, verdict, reason, culprit, culpritCandidates, causalDiff, confidence, coveredFiles, testRuns
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(tests, forKey: .tests)
        try representativeVerdict.encode(to: encoder, naming: false)
    }
}
