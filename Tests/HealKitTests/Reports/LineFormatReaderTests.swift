import Foundation
import HealKit
import Testing

@Suite struct LineFormatReaderTests {
    @Test func perlTestMoreTAPWithSubtestsSkipAndTodo() throws {
        let report = try ReportLoader().load(paths: [ReportFixtures.path("tap/perl-test-more-broken.tap")])
        #expect(report.test("adds numbers")?.outcome == .passed)
        #expect(report.test("sum of two and two")?.outcome == .failed)
        #expect(report.test("#3")?.outcome == .skipped)
        #expect(report.test("parses dates")?.outcome == .xfailed)
        #expect(report.test("strings > trims")?.outcome == .failed)
        #expect(report.test("strings > lowercases")?.outcome == .passed)
        #expect(report.test("strings")?.outcome == .failed)
    }

    @Test func nodeTAP14WithYAMLDiagnostics() throws {
        let report = try ReportLoader().load(paths: [ReportFixtures.path("tap/node-test-broken.tap")])
        let multiplies = try #require(report.test("math > multiplies"))
        #expect(multiplies.outcome == .failed)
        #expect(multiplies.message?.contains("strictly equal") == true)
        #expect(multiplies.duration != nil)
        #expect(report.test("math > adds")?.outcome == .passed)
        #expect(report.test("skipped one")?.outcome == .skipped)
        #expect(report.test("todo one")?.outcome == .xfailed)
    }

    @Test func goTestJSONIncludingABuildFailure() throws {
        let baseline = try ReportLoader().load(paths: [ReportFixtures.path("documented/go-test-baseline.json")])
        #expect(baseline.test("github.com/example/calc/TestTable/negative")?.message == "calc_test.go:21: got -1, want -3")
        #expect(baseline.test("github.com/example/web/TestServe")?.outcome == .passed)
        // A package whose tests failed is not itself a case.
        #expect(baseline.test("github.com/example/calc") == nil)
        let current = try ReportLoader().load(paths: [ReportFixtures.path("documented/go-test-build-failure.json")])
        let web = try #require(current.test("github.com/example/web"))
        #expect(web.outcome == .buildFailed)
        #expect(web.output?.contains("undefined: handler") == true)
    }

    @Test func scoresPoolSamplesAndCountBadLines() throws {
        let report = try ReportLoader().load(paths: [ReportFixtures.path("bad/scores-with-bad-lines.jsonl")])
        #expect(report.evals.map(\.id) == ["qa-1", "qa-3"])
        #expect(report.problems.count == 2)
        let array = try ReportLoader().load(paths: [ReportFixtures.path("scores/evals-current.json")])
        #expect(array.eval("qa/summarise")?.scores.count == 5)
    }

    @Test func aDirectoryMergesEveryReportInIt() throws {
        let report = try ReportLoader().load(paths: [ReportFixtures.path("documented")])
        #expect(report.test("com.example.CalculatorTest/addsNumbers") != nil)
        #expect(report.test("src/sum.test.js::sum adds 1 + 2") != nil)
        // The two go files and gotestsum share ids: the duplicates are counted, not dropped silently.
        #expect(report.problems.count > 0)
    }
}
