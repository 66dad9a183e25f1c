extension MannWhitney {
    /// Pooled samples above this count use the normal approximation: the exact distribution
    /// costs O(N · n · N²) and the approximation is good by then.
    static let exactLimit = 80

    /// The exact one-sided p-value of "current < baseline": the share of all ways to split the
    /// pooled samples into groups of these sizes whose current rank sum (mid-ranks for ties) is
    /// at most the observed one. Exact with ties too, since it conditions on the pooled values.
    /// Nil when either side is empty or the pool is larger than `exactLimit`.
    static func exactPValueLess(current: [Double], baseline: [Double]) -> Double? {
        let n1 = current.count, total = current.count + baseline.count
        guard n1 > 0, !baseline.isEmpty, total <= exactLimit else { return nil }
        // Doubled mid-ranks are integers, so rank sums index an array.
        let pooled = (current.map { ($0, true) } + baseline.map { ($0, false) }).sorted { $0.0 < $1.0 }
        var ranks: [Int] = []
        var observed = 0
        var start = 0
        while start < pooled.count {
            var end = start
            while end + 1 < pooled.count && pooled[end + 1].0 == pooled[start].0 { end += 1 }
            let doubled = start + end + 2
            for index in start...end {
                ranks.append(doubled)
                if pooled[index].1 { observed += doubled }
            }
            start = end + 1
        }
        // ways[k][s]: subsets of k samples seen so far with doubled rank sum s, as Doubles (the
        // counts pass 2⁵³ near the limit; their ratio keeps full relative precision).
        let maxSum = total * (total + 1)
        var ways = [[Double]](repeating: [Double](repeating: 0, count: maxSum + 1), count: n1 + 1)
        ways[0][0] = 1
        var reach = 0
        for rank in ranks {
            reach += rank
            for k in stride(from: n1, through: 1, by: -1) {
                let row = ways[k - 1]
                for sum in stride(from: min(reach, maxSum), through: rank, by: -1) where row[sum - rank] > 0 {
                    ways[k][sum] += row[sum - rank]
                }
            }
        }
        let all = ways[n1].reduce(0, +)
        let atMost = ways[n1][0...observed].reduce(0, +)
        return min(atMost / all, 1)
    }
}
