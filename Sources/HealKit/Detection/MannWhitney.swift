import Foundation

/// The one-sided Mann-Whitney U test, as Kayenta uses to judge canary metrics: is `current`
/// stochastically smaller than `baseline`?
enum MannWhitney {
    /// The p-value of "current < baseline" with the normal approximation, mid-ranks for ties
    /// and the tie-corrected variance; 1 when either side is empty or all values tie.
    static func pValueLess(current: [Double], baseline: [Double]) -> Double {
        let n1 = Double(current.count), n2 = Double(baseline.count)
        guard n1 > 0, n2 > 0 else { return 1 }
        let pooled = (current.map { ($0, true) } + baseline.map { ($0, false) }).sorted { $0.0 < $1.0 }
        var rankSum = 0.0, tieTerm = 0.0
        var start = 0
        while start < pooled.count {
            var end = start
            while end + 1 < pooled.count && pooled[end + 1].0 == pooled[start].0 { end += 1 }
            let midRank = Double(start + end + 2) / 2
            let tied = Double(end - start + 1)
            tieTerm += tied * tied * tied - tied
            for index in start...end where pooled[index].1 { rankSum += midRank }
            start = end + 1
        }
        let u = rankSum - n1 * (n1 + 1) / 2
        let n = n1 + n2
        let variance = n1 * n2 / 12 * ((n + 1) - tieTerm / (n * (n - 1)))
        guard variance > 0 else { return 1 }
        // Continuity correction toward the null.
        let z = (u + 0.5 - n1 * n2 / 2) / variance.squareRoot()
        return 0.5 * erfc(-z / 2.0.squareRoot())
    }
}
