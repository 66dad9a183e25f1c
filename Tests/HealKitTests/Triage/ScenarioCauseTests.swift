import Foundation
import GitKit
import HealKit
import Testing
import TestSupport

@Suite("Triage scenarios: one cause, many tests")
struct ScenarioCauseTests {
    @Test("one changed line breaks 6 tests: one triage, each other test confirmed in 2 runs, one cause", arguments: [true, false])
    func sixTestsOneCause(coverage: Bool) async throws {
        let project = try Catalog.project(coverage: coverage)
        let before = try project.repo.head()
        // With coverage the tests' own assertions fail; without, an exception in `sku` (the same
        // signature in every test) has to group them.
        try Catalog.breakSKU(project, raising: !coverage)
        let after = try project.commit("catalog: rework sku prefixes")
        let fingerprint = try project.repo.userStateFingerprint()

        let report = try await project.triage(before: before, after: after)

        #expect(report.detection.regressions.map(\.test) == Catalog.skuTests)
        let cause = try #require(report.causes.first)
        #expect(report.causes.count == 1)
        #expect(cause.tests == Catalog.skuTests)
        #expect(cause.verdict.verdict == .introduced, "\(cause.verdict.reason)")
        #expect(cause.verdict.culprit?.id.hex == after)
        #expect(cause.verdict.hunkHeaders == ["src/shop/catalog.py @@ -2,1 +2,1 @@"])
        let representative = try #require(report.item(Catalog.skuTests[0]))
        #expect(representative.evidenceRuns == 3 && representative.minimizeRuns >= 1)
        for test in Catalog.skuTests.dropFirst() {
            let member = try #require(report.item(test))
            #expect(member.verdict.verdict == .introduced, "\(member.verdict.reason)")
            #expect(member.verdict.cause == cause.id)
            #expect(member.verdict.testRuns == 2, "fails at the culprit, passes with the revert: \(member.verdict.reason)")
            #expect(member.culpritRuns == 0 && member.minimizeRuns == 0)
            #expect(member.verdict.hunkHeaders == cause.verdict.hunkHeaders)
        }
        let total = report.triaged.reduce(0) { $0 + $1.verdict.testRuns }
        #expect(cause.verdict.testRuns == total)
        #expect(project.runs(of: "test") == total, "what the project saw run is what heal counted")
        #expect(total <= representative.verdict.testRuns + 2 * (Catalog.skuTests.count - 1))
        #expect(try project.repo.userStateFingerprint() == fingerprint)
        #expect(try project.scratchLeftovers().isEmpty)
    }

    @Test("two independent changes of two tests each: two causes, each triaged once")
    func twoCauses() async throws {
        let project = try Catalog.project()
        let before = try project.repo.head()
        try Catalog.breakPriceAndLabel(project)
        let after = try project.commit("catalog: prices in mills, loud labels")

        let report = try await project.triage(before: before, after: after)

        #expect(report.causes.map(\.tests) == [Catalog.labelTests, Catalog.priceTests])
        #expect(report.causes.allSatisfy { $0.verdict.verdict == .introduced && $0.verdict.hunkHeaders.count == 1 })
        #expect(Set(report.causes.map(\.id)).count == 2)
    }

    @Test("two tests that need different hunks of one change: one cause, its causal diff the union of both")
    func unionOfHunks() async throws {
        let project = try Catalog.project()
        let before = try project.repo.head()
        try Catalog.breakTag(project)
        let after = try project.commit("catalog: coarser tag values, lowercase codes")

        let report = try await project.triage(before: before, after: after)

        #expect(report.causes.count == 1)
        let cause = try #require(report.causes.first)
        #expect(Set(cause.tests) == Set(Catalog.tagTests))
        #expect(cause.verdict.hunkHeaders == ["src/shop/catalog.py @@ -19,1 +19,1 @@", "src/shop/catalog.py @@ -21,1 +21,1 @@"])
        #expect(cause.verdict.reason.contains("which needed 1 more hunk"), "\(cause.verdict.reason)")
        let member = try #require(report.item(cause.tests[1]))
        #expect(member.verdict.reason.contains("and 1 more of its own"), "\(member.verdict.reason)")
        #expect(member.verdict.hunkHeaders == cause.verdict.hunkHeaders)
    }

    @Test("a flaky test that executes the same change fails beside the cause: it is not folded in")
    func flakyBeside() async throws {
        // Runs of the flaky test: 0 the baseline suite (passes), 1 the deploy suite (fails),
        // 2 the coverage run, 3 its confirmation at the culprit (passes: a flake, not the cause).
        let pattern = [false, true, true, false, false, false, false, false, false, false]
        let project = try Catalog.project()
        let flaky = project.flakyTest(named: "test_sku_sometimes", failing: pattern)
            .replacingOccurrences(of: "    assert not", with: "    sku(\"x\", 1)\n    assert not")
        try project.write("tests/test_catalog_flaky.py", "from shop.catalog import sku\n\n\n" + flaky)
        let before = try project.commit("a flaky catalog test")
        try Catalog.breakSKU(project)
        let after = try project.commit("catalog: lowercase prefixes")

        let report = try await project.triage(before: before, after: after)

        let flakyID = "tests/test_catalog_flaky.py::test_sku_sometimes"
        #expect(Set(report.detection.regressions.map(\.test)) == Set(Catalog.skuTests + [flakyID]))
        let cause = try #require(report.causes.first { $0.tests.contains(Catalog.skuTests[0]) })
        #expect(cause.tests == Catalog.skuTests, "the flaky test is not a member")
        let item = try #require(report.item(flakyID))
        #expect(item.verdict.verdict == .ambiguous, "\(item.verdict.reason)")
        #expect(item.verdict.reason.contains("flaky"), "\(item.verdict.reason)")
        #expect(item.verdict.cause != cause.id)
        #expect(report.causes.count == 2)
        #expect(project.runs(ofFlakyTest: "test_sku_sometimes") == 4)
    }
}
