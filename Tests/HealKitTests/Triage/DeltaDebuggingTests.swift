import HealKit
import Testing

@Suite("Delta debugging")
struct DeltaDebuggingTests {
    static func ceilLog2(_ n: Int) -> Int { n <= 1 ? 0 : Int.bitWidth - (n - 1).leadingZeroBitCount }

    @Test("one culprit hunk among H is found in at most ⌈log₂ H⌉ + 2 runs, for every H ≤ 64 and position")
    func singleCulprit() async {
        for count in 1...64 {
            for culprit in 0..<count {
                let result = await DeltaDebugging.minimize(candidateCount: count, maxRuns: 100) { subset in
                    subset.contains(culprit) ? .pass : .fail
                }
                #expect(result.status == .minimal)
                #expect(result.minimal == [culprit], "H=\(count) culprit=\(culprit)")
                #expect(result.runs <= Self.ceilLog2(count) + 2, "H=\(count) culprit=\(culprit): \(result.runs) runs")
            }
        }
    }

    @Test("two hunks that break the test only together: reverting either one is enough")
    func conjunctiveFailure() async {
        let result = await DeltaDebugging.minimize(candidateCount: 10, maxRuns: 100) { subset in
            subset.contains(2) || subset.contains(7) ? .pass : .fail
        }
        #expect(result.status == .minimal)
        #expect(result.minimal == [2] || result.minimal == [7])
    }

    @Test("two hunks that each break the test: both must be reverted")
    func twoIndependentCulprits() async {
        for (a, b) in [(0, 1), (2, 7), (0, 11), (5, 6)] {
            let result = await DeltaDebugging.minimize(candidateCount: 12, maxRuns: 200) { subset in
                subset.contains(a) && subset.contains(b) ? .pass : .fail
            }
            #expect(result.status == .minimal)
            #expect(result.minimal == [a, b], "culprits \(a), \(b): \(result.minimal)")
            #expect(Set(result.log.map(\.subset)).count == result.log.count, "no subset runs twice")
        }
    }

    @Test("a culprit whose revert alone doesn't build comes back with the hunk that needs it")
    func unresolvedWithoutItsDependant() async {
        // Hunk 3 breaks the test; hunk 4 uses what hunk 3 added, so reverting 3 without 4 doesn't build.
        let result = await DeltaDebugging.minimize(candidateCount: 8, maxRuns: 100) { subset in
            if subset.contains(3) && !subset.contains(4) { return .unresolved }
            return subset.contains(3) ? .pass : .fail
        }
        #expect(result.status == .minimal)
        #expect(result.minimal == [3, 4])
        #expect(result.log.contains { $0.outcome == .unresolved })
    }

    @Test("an unresolved half sends the search to the other half")
    func unresolvedHalf() async {
        // Reverting any of hunks 0...7 together with hunk 0 doesn't apply; the culprit is 11.
        let result = await DeltaDebugging.minimize(candidateCount: 16, maxRuns: 100) { subset in
            if subset.contains(0) && subset.count > 1 { return .unresolved }
            return subset.contains(11) ? .pass : .fail
        }
        #expect(result.status == .minimal)
        #expect(result.minimal == [11])
        #expect(result.runs <= Self.ceilLog2(16) + 2)
    }

    @Test("when reverting everything doesn't fix the test, nothing is found")
    func notFound() async {
        let result = await DeltaDebugging.minimize(candidateCount: 6, maxRuns: 100) { _ in .fail }
        #expect(result.status == .notFound)
        #expect(result.minimal.isEmpty)
    }

    @Test("no candidates: nothing to run")
    func noCandidates() async {
        let result = await DeltaDebugging.minimize(candidateCount: 0, maxRuns: 100) { _ in .pass }
        #expect(result.status == .notFound)
        #expect(result.runs == 0)
    }

    @Test("the budget caps the runs and returns the smallest passing set seen")
    func budget() async {
        let result = await DeltaDebugging.minimize(candidateCount: 16, maxRuns: 3) { subset in
            subset.contains(1) && subset.contains(14) ? .pass : .fail
        }
        #expect(result.status == .budgetExhausted)
        #expect(result.runs == 3)
        #expect(result.log.count == 3)
        for trial in result.log where trial.outcome == .pass {
            #expect(result.minimal.count <= trial.subset.count)
        }
    }

    @Test("a budget of zero runs nothing")
    func zeroBudget() async {
        let result = await DeltaDebugging.minimize(candidateCount: 4, maxRuns: 0) { _ in .pass }
        #expect(result.status == .budgetExhausted)
        #expect(result.runs == 0)
        #expect(result.minimal.isEmpty)
    }
}
