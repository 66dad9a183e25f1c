import Foundation

/// The start of a `heal run`: what it compares and when the regressions were detected.
public struct RunStart: Sendable, Equatable {
    public var repository: String
    public var before: String
    public var after: String
    /// When detection found the regressions (the start of the time-to-fix clock).
    public var detectedAt: Date

    public init(repository: String, before: String, after: String, detectedAt: Date) {
        self.repository = repository
        self.before = before
        self.after = after
        self.detectedAt = detectedAt
    }
}

/// How a run ended.
public struct RunSummary: Sendable, Equatable {
    public var regressions: Int
    public var introduced: Int
    public var dispatched: Int
    public var staged: Int
    public var escalated: Int
    /// When the first verified fix was staged; nil when none was.
    public var stagedAt: Date?
    public var finishedAt: Date

    public init(regressions: Int = 0, introduced: Int = 0, dispatched: Int = 0, staged: Int = 0,
                escalated: Int = 0, stagedAt: Date? = nil, finishedAt: Date = Date()) {
        self.regressions = regressions
        self.introduced = introduced
        self.dispatched = dispatched
        self.staged = staged
        self.escalated = escalated
        self.stagedAt = stagedAt
        self.finishedAt = finishedAt
    }
}

/// A run in the history.
public struct RunRecord: Sendable, Equatable, Codable {
    public var id: Int64
    public var repository: String
    public var before: String
    public var after: String
    public var detectedAt: Date
    /// Nil while the run is still going (or died before finishing).
    public var finishedAt: Date?
    public var stagedAt: Date?
    public var regressions: Int
    public var introduced: Int
    public var dispatched: Int
    public var staged: Int
    public var escalated: Int

    public init(id: Int64, start: RunStart, summary: RunSummary?) {
        self.id = id
        repository = start.repository
        before = start.before
        after = start.after
        detectedAt = start.detectedAt
        finishedAt = summary?.finishedAt
        stagedAt = summary?.stagedAt
        regressions = summary?.regressions ?? 0
        introduced = summary?.introduced ?? 0
        dispatched = summary?.dispatched ?? 0
        staged = summary?.staged ?? 0
        escalated = summary?.escalated ?? 0
    }

    /// Seconds from detection to the first staged fix, when there was one.
    public var secondsToStaged: Double? { stagedAt.map { $0.timeIntervalSince(detectedAt) } }

    /// The median of `secondsToStaged` over the runs that staged a fix; nil when none did.
    public static func medianSecondsToStaged(_ runs: [RunRecord]) -> Double? {
        let values = runs.compactMap(\.secondsToStaged).sorted()
        guard !values.isEmpty else { return nil }
        let middle = values.count / 2
        return values.count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2
    }
}
