/// The answer of delta debugging over candidate hunks.
public struct DeltaDebuggingResult: Sendable, Equatable {
    public enum Status: String, Sendable, Equatable, Codable {
        /// `minimal` is 1-minimal: reverting it makes the test pass, and reverting any subset
        /// with one element fewer was tried and doesn't (or didn't resolve).
        case minimal
        /// The run budget ran out; `minimal` is the smallest set seen to pass (empty if none).
        case budgetExhausted = "budget-exhausted"
        /// Reverting all candidates doesn't make the test pass (or doesn't resolve), so no
        /// subset of them explains the failure; `minimal` is empty.
        case notFound = "not-found"
    }

    public var status: Status
    /// Indices into the candidate list, ascending.
    public var minimal: [Int]
    /// Test runs spent (repeated subsets are not re-run).
    public var runs: Int
    /// Every run, in order.
    public var log: [RevertTrial]

    public init(status: Status, minimal: [Int], runs: Int, log: [RevertTrial]) {
        self.status = status
        self.minimal = minimal
        self.runs = runs
        self.log = log
    }
}
