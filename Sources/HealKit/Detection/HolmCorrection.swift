/// Holm's step-down correction for testing several signatures at once (Holm 1979): it keeps
/// the chance of any false alarm among them at `alpha` under any dependence, like Bonferroni,
/// and rejects at least as much.
enum HolmCorrection {
    /// Holm-adjusted p-values, in the order given: reject hypothesis `i` at level `alpha` iff
    /// `adjusted[i] <= alpha`.
    static func adjusted(_ pValues: [Double]) -> [Double] {
        let m = pValues.count
        let order = pValues.indices.sorted { (pValues[$0], $0) < (pValues[$1], $1) }
        var adjusted = [Double](repeating: 1, count: m)
        var running = 0.0
        for (rank, index) in order.enumerated() {
            running = max(running, min(1, Double(m - rank) * pValues[index]))
            adjusted[index] = running
        }
        return adjusted
    }
}
