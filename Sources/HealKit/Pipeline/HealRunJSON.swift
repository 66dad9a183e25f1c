/// `heal run --json` (DESIGN.md): `before`, `after`, `regressions`, `causes`, `verdicts`,
/// `dispatches`, `escalations`, plus `run` (the store's run id), `dryRun`, `baseline` (how `before` was
/// chosen), `unhandled` (why the exit code is 1) and `errors` (heal's own failures).
public struct HealRunJSON: Encodable, Sendable {
    public struct Unhandled: Encodable, Sendable {
        public var test: String
        public var reason: String
    }

    public var run: Int64?
    /// nil only when the run failed before the range was resolved.
    public var before: String?
    public var after: String?
    public var baseline: String?
    public var dryRun: Bool
    public var regressions: [Regression]
    public var causes: [CauseJSON]
    public var verdicts: [VerdictJSON]
    public var dispatches: [FixDispatch]
    public var escalations: [Escalation]
    public var unhandled: [Unhandled]
    public var errors: [RunFailure]
    /// Entries of the results the readers merged (duplicate ids) or skipped, per side.
    public var problems: [String: ReportProblems]
    /// How the production error logs were judged (windows, unreadable lines, the test), when
    /// the run had any.
    public var errorLogs: ErrorDetectionJSON?

    public init(_ report: HealRunReport) {
        run = report.runID
        before = report.range.before.id.hex
        after = report.range.after.id.hex
        baseline = report.range.beforeSource
        dryRun = report.dryRun
        regressions = report.detection.regressions
        causes = report.causes.map(CauseJSON.init)
        verdicts = report.triaged.map(VerdictJSON.init)
        dispatches = report.dispatches
        escalations = report.escalations
        unhandled = report.unhandled.map { Unhandled(test: $0.test, reason: $0.reason) }
        errors = report.failures
        problems = report.problems
        errorLogs = report.errorLogs
    }

    /// The JSON of a run that stopped with `error` before it had a report (a bad revision or
    /// configuration, a baseline that does not run, the lock held): the same shape, empty, with
    /// the error in `errors`, so `--json` always prints an object, also when heal exits 2.
    public init(failure error: any Error, isUserInput: Bool) {
        run = nil
        dryRun = false
        regressions = []
        causes = []
        verdicts = []
        dispatches = []
        escalations = []
        unhandled = []
        errors = [RunFailure(test: "", message: "\(error)", isUserInput: isUserInput)]
        problems = [:]
    }

    enum CodingKeys: String, CodingKey {
        case run, before, after, baseline, dryRun, regressions, causes, verdicts, dispatches, escalations, unhandled, errors,
             problems
        case errorLogs
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        // `run` stays null rather than absent, like the contract's other optional fields.
        try container.encode(run, forKey: .run)
        try container.encode(before, forKey: .before)
        try container.encode(after, forKey: .after)
        try container.encode(baseline, forKey: .baseline)
        try container.encode(dryRun, forKey: .dryRun)
        try container.encode(regressions, forKey: .regressions)
        try container.encode(causes, forKey: .causes)
        try container.encode(verdicts, forKey: .verdicts)
        try container.encode(dispatches, forKey: .dispatches)
        try container.encode(escalations, forKey: .escalations)
        try container.encode(unhandled, forKey: .unhandled)
        try container.encode(errors, forKey: .errors)
        try container.encode(problems, forKey: .problems)
        try container.encodeIfPresent(errorLogs, forKey: .errorLogs)
    }
}
