/// Score samples of one eval case on one side (baseline, deploy, or with a fix), as a PR body
/// and a ticket show them.
public struct ScoreSummary: Sendable, Equatable, Codable {
    public var mean: Double
    /// Samples drawn.
    public var n: Int
    /// The samples themselves, in the order drawn.
    public var samples: [Double]

    public init(_ samples: [Double]) {
        self.samples = samples
        n = samples.count
        mean = samples.isEmpty ? .nan : samples.reduce(0, +) / Double(samples.count)
    }
}
