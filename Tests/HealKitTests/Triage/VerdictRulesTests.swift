import HealKit
import Testing

@Suite("Verdict rules")
struct VerdictRulesTests {
    @Test("fails on every rerun at the deploy and passes at the baseline: introduced, runs counted")
    func introduced() {
        let evidence = VerdictEvidence(test: "t", coverage: .executesChanges(hunks: 2), baselineRuns: [.pass],
                                       deployRuns: [.fail, .fail, .fail])
        let verdict = VerdictRules.decide(evidence)
        #expect(verdict.kind == .introduced)
        #expect(verdict.runs == 4)
        #expect(verdict.reason.contains("all 3 fresh reruns"))
        #expect(!verdict.reason.contains("\n"))
    }

    @Test("a failure at the baseline, in a fresh run or the report, makes it pre-existing, before any other rule")
    func preExisting() {
        let fresh = VerdictEvidence(test: "t", infraSuspect: true, knownFlaky: true, baselineRuns: [.fail])
        #expect(VerdictRules.decide(fresh).kind == .preExisting)
        #expect(VerdictRules.decide(fresh).runs == 1)
        let stored = VerdictEvidence(test: "t", baselineReportFailed: true)
        #expect(VerdictRules.decide(stored).kind == .preExisting)
        #expect(VerdictRules.decide(stored).runs == 0)
    }

    @Test("one passing rerun at the deploy makes it ambiguous (flaky)")
    func passOnRerun() {
        let verdict = VerdictRules.decide(VerdictEvidence(test: "t", deployRuns: [.fail, .pass]))
        #expect(verdict.kind == .ambiguous)
        #expect(verdict.reason.contains("flaky"))
        #expect(verdict.runs == 2)
    }

    @Test("known flaky from history, infra-suspect, or coverage missing every change: ambiguous without reruns")
    func ambiguousWithoutRuns() {
        let flaky = VerdictRules.decide(VerdictEvidence(test: "t", knownFlaky: true))
        #expect(flaky.kind == .ambiguous)
        #expect(flaky.reason.contains("flake history"))
        let infra = VerdictRules.decide(VerdictEvidence(test: "t", infraSuspect: true))
        #expect(infra.kind == .ambiguous)
        #expect(infra.reason.contains("infrastructure"))
        let deflaker = VerdictRules.decide(VerdictEvidence(test: "t", coverage: .executesNoChange(changedHunks: 5),
                                                           deployRuns: [.fail, .fail, .fail]))
        #expect(deflaker.kind == .ambiguous)
        #expect(deflaker.reason.contains("none of the 5 changed hunks"))
    }

    @Test("a rerun that could not run, or too few reruns, is not enough to call it introduced")
    func insufficientEvidence() {
        #expect(VerdictRules.decide(VerdictEvidence(test: "t", deployRuns: [.fail, .skip, .fail])).kind == .ambiguous)
        let short = VerdictRules.decide(VerdictEvidence(test: "t", deployRuns: [.fail, .fail], requiredReruns: 3))
        #expect(short.kind == .ambiguous)
        #expect(short.reason.contains("2 of 3"))
    }

    @Test("a new test failing on every rerun is introduced")
    func newTest() {
        let verdict = VerdictRules.decide(VerdictEvidence(test: "t", isNewTest: true, deployRuns: [.fail, .fail, .fail]))
        #expect(verdict.kind == .introduced)
        #expect(verdict.reason.contains("new since the baseline"))
    }
}
