/// The answer of a culprit search over commits `0..<N` of a deploy range.
public struct CulpritSearchResult: Sendable, Equatable {
    /// Why the search stopped.
    public enum Status: String, Sendable, Equatable, Codable {
        /// `suspects` reached the requested confidence.
        case confident
        /// The run budget ran out first (or the range is empty); `suspects` is the best guess
        /// so far.
        case budgetExhausted = "budget-exhausted"
    }

    public var status: Status
    /// The most likely culprit: a single commit, or — when commits in between could not be
    /// tested — the commits it lies between (`a...b`: the culprit is one of them). Nil only for
    /// an empty range.
    public var suspects: ClosedRange<Int>?
    /// Posterior probability that the culprit lies in `suspects`.
    public var confidence: Double
    /// Test runs spent, skips included.
    public var runs: Int
    /// Every run, in order.
    public var log: [CulpritObservation]

    public init(status: Status, suspects: ClosedRange<Int>?, confidence: Double, runs: Int, log: [CulpritObservation]) {
        self.status = status
        self.suspects = suspects
        self.confidence = confidence
        self.runs = runs
        self.log = log
    }

    /// Whether the runs prove the test flaky: it failed at a commit and later passed at the same
    /// or a later one, which a deterministic test broken by one commit cannot do.
    public var showsFlakiness: Bool {
        var earliestFail = Int.max
        for observation in log {
            switch observation.outcome {
            case .fail: earliestFail = min(earliestFail, observation.commit)
            case .pass where observation.commit >= earliestFail: return true
            default: break
            }
        }
        return false
    }

    /// The culprit commit when the search is confident and it is a single commit.
    public var culprit: Int? {
        guard status == .confident, let suspects, suspects.count == 1 else { return nil }
        return suspects.lowerBound
    }
}
