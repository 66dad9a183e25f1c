/// The memory of a delta-debugging run: outcomes by subset (no subset runs twice) and the budget.
struct RevertSession {
    let maxRuns: Int
    private(set) var log: [RevertTrial] = []
    private var outcomes: [[Int]: RevertOutcome] = [:]

    init(maxRuns: Int) { self.maxRuns = maxRuns }

    var runs: Int { log.count }

    /// The outcome of reverting `subset` (ascending), or nil when the budget is spent.
    mutating func outcome(
        of subset: [Int], _ test: ([Int]) async throws -> RevertOutcome
    ) async rethrows -> RevertOutcome? {
        if let known = outcomes[subset] { return known }
        guard runs < maxRuns else { return nil }
        let outcome = try await test(subset)
        outcomes[subset] = outcome
        log.append(RevertTrial(subset: subset, outcome: outcome))
        return outcome
    }

    /// The smallest subset seen to pass, earliest first among equals.
    var smallestPassing: [Int]? {
        log.filter { $0.outcome == .pass }.min { $0.subset.count < $1.subset.count }?.subset
    }

    func result(_ status: DeltaDebuggingResult.Status, _ minimal: [Int]) -> DeltaDebuggingResult {
        DeltaDebuggingResult(status: status, minimal: minimal, runs: runs, log: log)
    }

    func budgetExhausted() -> DeltaDebuggingResult {
        result(.budgetExhausted, smallestPassing ?? [])
    }
}
