import GitKit

/// What triage concluded about one regression.
public enum VerdictKind: String, Sendable, Codable, Equatable {
    /// It fails consistently at the deploy and passes at the baseline: the deploy caused it.
    case introduced
    /// It failed at the baseline too: logged, never dispatched.
    case preExisting = "pre-existing"
    /// Flaky, unrelated to the changed code, or an infrastructure outage: escalated to a human,
    /// never dispatched.
    case ambiguous
    /// An eval case flagged by detection that fresh samples do not confirm: sampling noise.
    /// Logged, never dispatched nor escalated.
    case noise
}

/// Triage's answer for one regression: the verdict, why, and — for an introduced one — where.
public struct TestVerdict: Sendable, Equatable {
    /// The canonical test id (as Detect reports it).
    public var test: String
    public var verdict: VerdictKind
    /// One line for a human.
    public var reason: String
    /// The commit that introduced the failure, when the search pinned it to one commit.
    public var culprit: Commit?
    /// When untestable commits leave the answer between commits: the candidates, oldest first.
    public var culpritCandidates: [ObjectID]
    /// The commit the causal hunks' old side belongs to (the culprit's first parent, or the
    /// deploy's baseline when no single culprit was found).
    public var causalBase: ObjectID?
    /// The commit the causal hunks' new side belongs to (the culprit, or the deploy commit).
    public var causalHead: ObjectID?
    /// The minimal causal hunks (zero-context hunks with their lines), by file.
    public var causalDiff: [FileDiff]
    /// How sure the causal selection is (nil when there is none).
    public var confidence: CausalConfidence?
    /// Repository-relative files the failing test covers (empty without per-test coverage):
    /// with the causal files, the fix agent's scope.
    public var coveredFiles: [String]
    /// Test runs this verdict cost (reruns, bisection, delta debugging, confirmation).
    public var testRuns: Int
    /// The id of the cause the regression belongs to (see `Cause`); nil before grouping.
    public var cause: String?

    public init(test: String, verdict: VerdictKind, reason: String, culprit: Commit? = nil,
                culpritCandidates: [ObjectID] = [], causalBase: ObjectID? = nil, causalHead: ObjectID? = nil,
                causalDiff: [FileDiff] = [], confidence: CausalConfidence? = nil,
                coveredFiles: [String] = [], testRuns: Int, cause: String? = nil) {
        self.test = test
        self.cause = cause
        self.verdict = verdict
        self.reason = reason
        self.culprit = culprit
        self.culpritCandidates = culpritCandidates
        self.causalBase = causalBase
        self.causalHead = causalHead
        self.causalDiff = causalDiff
        self.confidence = confidence
        self.coveredFiles = coveredFiles
        self.testRuns = testRuns
    }
}

/// The JSON of one verdict in `heal triage --json` / `heal run --json` (DESIGN.md):
/// `{"test", "cause", "verdict", "reason", "culprit", "causalDiff": {"files": [{"path", "hunks"}]}, "testRuns"}`
/// plus the fields the fix stage needs to rebuild the causal hunks from the repository. A
/// cause's entry in `causes` has the same shape plus its `id` and `tests`.
public struct VerdictJSON: Codable, Sendable, Equatable {
    public struct CausalFile: Codable, Sendable, Equatable {
        public var path: String
        public var oldPath: String?
        public var hunks: [HunkRange]
    }

    public struct CausalDiff: Codable, Sendable, Equatable {
        public var base: String?
        public var head: String?
        public var files: [CausalFile]
    }

    public var test: String
    public var cause: String?
    public var verdict: VerdictKind
    public var reason: String
    public var culprit: String?
    public var culpritCandidates: [String]
    public var causalDiff: CausalDiff
    public var confidence: CausalConfidence?
    public var coveredFiles: [String]
    public var testRuns: Int
    /// An eval case's measurements; absent for tests.
    public var scores: ScoresJSON?

    public init(test: String, cause: String?, verdict: VerdictKind, reason: String, culprit: String?,
                culpritCandidates: [String], causalDiff: CausalDiff, confidence: CausalConfidence?,
                coveredFiles: [String], testRuns: Int) {
        self.test = test
        self.cause = cause
        self.verdict = verdict
        self.reason = reason
        self.culprit = culprit
        self.culpritCandidates = culpritCandidates
        self.causalDiff = causalDiff
        self.confidence = confidence
        self.coveredFiles = coveredFiles
        self.testRuns = testRuns
    }

    public init(_ verdict: TestVerdict) {
        test = verdict.test
        cause = verdict.cause
        self.verdict = verdict.verdict
        reason = verdict.reason
        culprit = verdict.culprit?.id.hex
        culpritCandidates = verdict.culpritCandidates.map(\.hex)
        causalDiff = CausalDiff(
            base: verdict.causalBase?.hex, head: verdict.causalHead?.hex,
            files: verdict.causalDiff.map {
                CausalFile(path: $0.path.string, oldPath: $0.status == .added ? nil : $0.oldPath.string,
                           hunks: $0.hunks.map(HunkRange.init))
            })
        confidence = verdict.confidence
        coveredFiles = verdict.coveredFiles
        testRuns = verdict.testRuns
    }

    /// One regression's verdict, with an eval case's measurements.
    public init(_ triaged: TriagedRegression) {
        self.init(triaged.verdict)
        scores = triaged.scores.map(ScoresJSON.init)
    }

    enum CodingKeys: String, CodingKey {
        case test, cause, verdict, reason, culprit, culpritCandidates, causalDiff, confidence, coveredFiles, testRuns, scores
    }

    public func encode(to encoder: any Encoder) throws {
        try encode(to: encoder, naming: true)
    }

    /// Encodes the verdict; without `naming`, not its `test` and `cause` (a cause's entry names
    /// itself by `id` and `tests`).
    func encode(to encoder: any Encoder, naming: Bool) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if naming {
            try container.encode(test, forKey: .test)
            try container.encodeIfPresent(cause, forKey: .cause)
        }
        try container.encode(verdict, forKey: .verdict)
        try container.encode(reason, forKey: .reason)
        // The contract keeps `culprit` as null rather than absent.
        try container.encode(culprit, forKey: .culprit)
        try container.encode(culpritCandidates, forKey: .culpritCandidates)
        try container.encode(causalDiff, forKey: .causalDiff)
        try container.encodeIfPresent(confidence, forKey: .confidence)
        try container.encode(coveredFiles, forKey: .coveredFiles)
        try container.encode(testRuns, forKey: .testRuns)
        try container.encodeIfPresent(scores, forKey: .scores)
    }
}
