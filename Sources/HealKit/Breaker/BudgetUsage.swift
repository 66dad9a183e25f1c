/// Dispatches already made, counted against the budgets in `BreakerPolicy`.
public struct BudgetUsage: Sendable, Equatable {
    /// Attempts claimed in the current run.
    public var thisRun: Int
    /// Attempts claimed for the repository in the last 24 hours.
    public var lastDay: Int

    public init(thisRun: Int, lastDay: Int) {
        self.thisRun = thisRun
        self.lastDay = lastDay
    }
}
