/// One eval case: an id and every score sample the report holds for it (several runs of a
/// non-deterministic eval give several samples).
public struct EvalCase: Codable, Sendable, Hashable {
    public var id: String
    public var scores: [Double]

    public init(id: String, scores: [Double]) {
        self.id = id
        self.scores = scores
    }

    /// The mean score (NaN when there are no samples).
    public var mean: Double { scores.isEmpty ? .nan : scores.reduce(0, +) / Double(scores.count) }
}
