import HealKit
import Testing

@Suite("Grader change")
struct GraderChangeTests {
    static let tests = HealConfig.Scope(tests: ["tests/**", "evals/cases/**", "evals/grader.py"]).testGlobs

    @Test("causal hunks only in eval cases or graders: the eval changed, escalate")
    func evalChanged() throws {
        let reason = try #require(GraderChange.escalationReason(causalFiles: ["evals/cases/math.jsonl", "evals/grader.py"],
                                                                tests: Self.tests, isEval: true))
        #expect(reason.hasPrefix("the eval changed between deploys"))
        #expect(reason.contains("evals/cases/math.jsonl, evals/grader.py"))
    }

    @Test("any product file among the causal files: not a grader change")
    func productCode() {
        #expect(GraderChange.escalationReason(causalFiles: ["evals/grader.py", "app/model.py"], tests: Self.tests, isEval: true) == nil)
        #expect(GraderChange.escalationReason(causalFiles: [], tests: Self.tests, isEval: true) == nil)
    }

    @Test("a unit test whose own expectation changed: its own file counts even outside scope.tests")
    func testExpectation() throws {
        let reason = try #require(GraderChange.escalationReason(causalFiles: ["src/check_prices.py"], tests: Self.tests,
                                                                ownFiles: ["src/check_prices.py"], isEval: false))
        #expect(reason.hasPrefix("the test's own expectation changed in the deploy"))
        #expect(GraderChange.escalationReason(causalFiles: ["src/prices.py"], tests: Self.tests,
                                              ownFiles: ["src/check_prices.py"], isEval: false) == nil)
    }
}
