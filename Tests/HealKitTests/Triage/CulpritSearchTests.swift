import HealKit
import Testing

@Suite("Culprit search")
struct CulpritSearchTests {
    /// ⌈log₂ n⌉ for n ≥ 1.
    static func ceilLog2(_ n: Int) -> Int { n <= 1 ? 0 : Int.bitWidth - (n - 1).leadingZeroBitCount }

    @Test("a deterministic failure is found in at most ⌈log₂ N⌉ + 1 runs, for every N ≤ 70 and culprit")
    func deterministicBound() async {
        for n in 1...70 {
            for culprit in 0..<n {
                let result = await CulpritSearch.run(commitCount: n, options: .deterministic) { i in
                    i >= culprit ? .fail : .pass
                }
                #expect(result.culprit == culprit, "N=\(n) culprit=\(culprit): \(result)")
                #expect(result.runs <= Self.ceilLog2(n) + 1, "N=\(n) culprit=\(culprit) used \(result.runs) runs")
                #expect(result.confidence == 1)
                #expect(!result.showsFlakiness)
            }
        }
    }

    @Test("a single commit needs no run")
    func singleCommit() async {
        let result = await CulpritSearch.run(commitCount: 1, options: .deterministic) { _ in .pass }
        #expect(result.culprit == 0)
        #expect(result.runs == 0)
    }

    @Test("an empty range has no suspect")
    func emptyRange() async {
        let result = await CulpritSearch.run(commitCount: 0, options: .deterministic) { _ in .fail }
        #expect(result.suspects == nil)
        #expect(result.culprit == nil)
    }

    @Test("skipped commits around the culprit leave a range between two tested commits")
    func skipsGiveARange() async {
        // Commits 4 and 5 don't build; the culprit is 5: PASS at 3 and FAIL at 6 bound it.
        let result = await CulpritSearch.run(commitCount: 10, options: .deterministic) { i in
            if i == 4 || i == 5 { return .skip }
            return i >= 5 ? .fail : .pass
        }
        #expect(result.status == .confident)
        #expect(result.suspects == 4...6)
        #expect(result.culprit == nil)
        #expect(result.log.filter { $0.outcome == .skip }.count >= 1)
    }

    @Test("a skipped commit away from the culprit doesn't blur the answer")
    func skipElsewhere() async {
        for culprit in [0, 2, 7, 9] {
            let result = await CulpritSearch.run(commitCount: 10, options: .deterministic) { i in
                if i == 4 { return .skip }
                return i >= culprit ? .fail : .pass
            }
            #expect(result.culprit == culprit, "culprit \(culprit): \(result)")
        }
    }

    @Test("when every commit before the deploy is untestable, the answer is the whole range")
    func allSkipped() async {
        let result = await CulpritSearch.run(commitCount: 6, options: .deterministic) { _ in .skip }
        #expect(result.status == .confident)
        #expect(result.suspects == 0...5)
        #expect(result.runs == 5)
    }

    @Test("a flaky FAIL under the deterministic model is caught by the confirming rerun")
    func deterministicModelRecoversFromAFlake() async {
        // Truth: culprit 6 of 8. The first run at 3 fails by flake, later runs at 3 pass.
        var runsAtThree = 0
        let result = await CulpritSearch.run(commitCount: 8, options: .deterministic) { i in
            if i == 3 {
                runsAtThree += 1
                return runsAtThree == 1 ? .fail : .pass
            }
            return i >= 6 ? .fail : .pass
        }
        #expect(result.culprit == 6, "\(result)")
        #expect(result.showsFlakiness)
    }

    @Test("the budget stops a flaky search and says so")
    func budgetExhausted() async {
        let options = CulpritSearchOptions(flakeRate: 0.3, confidence: 0.99, maxRuns: 2)
        let result = await CulpritSearch.run(commitCount: 16, options: options) { i in i >= 9 ? .fail : .pass }
        #expect(result.status == .budgetExhausted)
        #expect(result.runs == 2)
        #expect(result.suspects != nil)
        #expect(result.confidence < 0.99)
    }

    @Test("a prior that favours one commit is used")
    func priorShortensTheSearch() async {
        var prior = Array(repeating: 0.01, count: 32)
        prior[20] = 1
        let result = await CulpritSearch.run(commitCount: 32, options: .deterministic, prior: prior) { i in
            i >= 20 ? .fail : .pass
        }
        #expect(result.culprit == 20)
        #expect(result.runs <= 4)
    }

    @Test("errors from the test function propagate")
    func errorsPropagate() async {
        struct Boom: Error {}
        await #expect(throws: Boom.self) {
            _ = try await CulpritSearch.run(commitCount: 4, options: .deterministic) { _ in throw Boom() }
        }
    }

    @Test("a noisy search goes back to an undecided commit next to the culprit; a test search never does")
    func skipRetries() async {
        var asked: [Int: Int] = [:]
        let noisy = CulpritSearchOptions(flakeRate: 0.05, missRate: 0.05, skipRetries: 2)
        let result = await CulpritSearch.run(commitCount: 8, options: noisy) { i in
            asked[i, default: 0] += 1
            if i == 4 && asked[i] == 1 { return .skip }
            return i >= 5 ? .fail : .pass
        }
        #expect(result.culprit == 5)
        #expect(asked[4] ?? 0 >= 2)
        let deterministic = await CulpritSearch.run(commitCount: 8, options: .deterministic) { i in
            i == 4 ? .skip : i >= 5 ? .fail : .pass
        }
        #expect(deterministic.culprit == nil)
        #expect(deterministic.suspects == 4...5)
    }

    @Test("with a miss rate a PASS only down-weights: one wrong PASS after the culprit is outvoted")
    func missRate() async {
        var wrongOnce = true
        let options = CulpritSearchOptions(flakeRate: 0.05, missRate: 0.05)
        let result = await CulpritSearch.run(commitCount: 16, options: options) { i in
            if i >= 6, wrongOnce { wrongOnce = false; return .pass }
            return i >= 6 ? .fail : .pass
        }
        #expect(result.culprit == 6)
    }
}
