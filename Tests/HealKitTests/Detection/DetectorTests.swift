import HealKit
import Testing

@Suite struct DetectorTests {
    private func report(_ cases: [(String, TestOutcome)]) -> TestReport {
        TestReport(tests: cases.map { TestCase(id: $0.0, outcome: $0.1, message: $0.1.isFailure ? "boom \($0.0)" : nil) })
    }

    @Test func findsNewlyFailingNewFailingMissingAndFixed() {
        let baseline = report([("a", .passed), ("b", .passed), ("c", .failed), ("d", .passed), ("e", .skipped), ("f", .failed)])
        let current = report([("a", .passed), ("b", .failed), ("c", .passed), ("e", .error), ("f", .failed), ("new", .error), ("new-ok", .passed)])
        let result = Detector.detect(baseline: baseline, current: current, options: DetectionOptions())
        #expect(result.regressions.map(\.test) == ["b", "e", "new"])
        #expect(result.regressions.map(\.kind) == [.newlyFailing, .newlyFailing, .newTestFailing])
        #expect(result.regressions.first?.message == "boom b")
        #expect(result.regressions.first?.baseline == .passed)
        #expect(result.fixed == ["c"])
        #expect(result.missing == ["d"])
        #expect(result.summary.stillFailing == 1)
        #expect(!result.infraSuspect)
        let strict = Detector.detect(baseline: baseline, current: current, options: DetectionOptions(missingIsRegression: true))
        #expect(strict.regressions.contains { $0.test == "d" && $0.kind == .missing })
    }

    @Test func identicalReportsHaveNoRegressions() {
        let same = report([("a", .passed), ("b", .failed)])
        #expect(Detector.detect(baseline: same, current: same, options: DetectionOptions()).regressions.isEmpty)
    }

    @Test func mostTestsFailingAtOnceIsInfraSuspect() {
        let ids = (0..<10).map { "t\($0)" }
        let baseline = report(ids.map { ($0, .passed) })
        let current = report(ids.enumerated().map { ($1, $0 < 9 ? .error : .passed) })
        #expect(Detector.detect(baseline: baseline, current: current, options: DetectionOptions()).infraSuspect)
        let someFail = report(ids.enumerated().map { ($1, $0 < 5 ? .error : .passed) })
        #expect(!Detector.detect(baseline: baseline, current: someFail, options: DetectionOptions()).infraSuspect)
    }

    @Test func scoreDropsByThresholdDeltaAndSignificance() {
        let baseline = TestReport(evals: [EvalCase(id: "sig", scores: [0.90, 0.92, 0.91, 0.93, 0.94]),
                                          EvalCase(id: "noise", scores: [0.90, 0.60, 0.95, 0.70, 0.92]),
                                          EvalCase(id: "single", scores: [0.9]),
                                          EvalCase(id: "floor", scores: [0.72])])
        let current = TestReport(evals: [EvalCase(id: "sig", scores: [0.70, 0.72, 0.71, 0.69, 0.73]),
                                         EvalCase(id: "noise", scores: [0.93, 0.58, 0.62, 0.91, 0.61]),
                                         EvalCase(id: "single", scores: [0.8]),
                                         EvalCase(id: "floor", scores: [0.69])])
        let result = Detector.detect(baseline: baseline, current: current, options: DetectionOptions(scoreThreshold: 0.7))
        #expect(result.regressions.map(\.test) == ["floor", "sig", "single"])
        #expect(result.regressions.allSatisfy { $0.kind == .scoreDrop })
        #expect((result.regressions.first { $0.test == "sig" }?.pValue ?? 1) < 0.05)
    }
}

@Suite struct BuildFailureDetectionTests {
    @Test func aUnitThatNoLongerBuildsIsABuildFailureOwningItsVanishedTests() {
        let baseline = TestReport(tests: [
            TestCase(id: "example.com/shop/price/TestTotal", outcome: .passed),
            TestCase(id: "example.com/shop/price/TestTotal/0.5+tax", outcome: .passed),
            TestCase(id: "example.com/shop/cart/TestCart", outcome: .passed),
            TestCase(id: "example.com/shop/other/TestGone", outcome: .passed),
        ])
        let current = TestReport(tests: [
            TestCase(id: "example.com/shop/price", outcome: .buildFailed, message: "build failed: price.go:5:1: syntax error"),
            TestCase(id: "example.com/shop/cart/TestCart", outcome: .passed),
        ])
        let result = Detector.detect(baseline: baseline, current: current, options: DetectionOptions())
        #expect(result.regressions.map(\.kind) == [.buildFailure])
        let failure = result.regressions[0]
        #expect(failure.test == "example.com/shop/price" && failure.current == .buildFailed)
        #expect(failure.message?.contains("syntax error") == true)
        #expect(failure.missingTests == ["example.com/shop/other/TestGone", "example.com/shop/price/TestTotal",
                                         "example.com/shop/price/TestTotal/0.5+tax"])
    }

    @Test func aUnitThatDidNotBuildAtTheBaselineEitherIsNoRegression() {
        let both = TestReport(tests: [TestCase(id: "tests.test_x", outcome: .buildFailed)])
        #expect(Detector.detect(baseline: both, current: both, options: DetectionOptions()).regressions.isEmpty)
    }
}
