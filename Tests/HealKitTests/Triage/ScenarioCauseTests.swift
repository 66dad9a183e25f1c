import Foundation
import GitKit
import HealKit
import Testing
import TestSupport

/// A stock module next to the shop's pricing: six tests go through `sku`, so one changed line
/// there breaks all six.
enum Stock {
    static let source = """
        def sku(name, number):
            prefix = name.strip().upper()[:3]
            return f"{prefix}-{number:03d}"


        def shelf(code):
            return code.split("-")[0]

        """

    static let names = ["apple", "banana", "cherry", "damson", "elder", "fig"]
    static var tests: [String] { names.map { "tests/test_stock.py::test_sku_\($0)" } }

    static var testFile: String {
        "from shop.stock import sku\n" + names.enumerated().map { index, name in
            "\n\ndef test_sku_\(name)():\n    assert sku(\" \(name) \", \(index + 1)) == \"\(name.uppercased().prefix(3))-00\(index + 1)\"\n"
        }.joined()
    }

    static func project(coverage: Bool = true, extraFiles: [String: String] = [:]) throws -> PythonProject {
        let files = Shop.files.merging(["src/shop/stock.py": source, "tests/test_stock.py": testFile]) { $1 }
        return try PythonProject(files: files.merging(extraFiles) { $1 }, coverage: coverage, countingRuns: true)
    }
}

@Suite("Triage scenarios: one cause, many tests")
struct ScenarioCauseTests {
    @Test("one changed line breaks 6 tests: one triage, each other test confirmed in 2 runs, one cause", arguments: [true, false])
    func sixTestsOneCause(coverage: Bool) async throws {
        let project = try Stock.project(coverage: coverage)
        let before = try project.repo.head()
        // With coverage the tests' own assertions fail; without, an exception in `sku` (the same
        // signature in every test) has to group them.
        if coverage {
            try project.replace(in: "src/shop/stock.py", "name.strip().upper()[:3]", with: "name.strip().lower()[:3]")
        } else {
            try project.replace(in: "src/shop/stock.py", "name.strip().upper()[:3]", with: "name.strip().upper()[:3] + number")
        }
        let after = try project.commit("stock: rework sku prefixes")
        let fingerprint = try project.repo.userStateFingerprint()

        let report = try await project.triage(before: before, after: after)

        #expect(report.detection.regressions.map(\.test) == Stock.tests)
        let cause = try #require(report.causes.first)
        #expect(report.causes.count == 1)
        #expect(cause.tests == Stock.tests)
        #expect(cause.verdict.verdict == .introduced, "\(cause.verdict.reason)")
        #expect(cause.verdict.culprit?.id.hex == after)
        #expect(cause.verdict.hunkHeaders == ["src/shop/stock.py @@ -2,1 +2,1 @@"])
        let representative = try #require(report.item(Stock.tests[0]))
        #expect(representative.evidenceRuns == 3 && representative.minimizeRuns >= 1)
        for test in Stock.tests.dropFirst() {
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
        #expect(total <= representative.verdict.testRuns + 2 * (Stock.tests.count - 1))
        #expect(try project.repo.userStateFingerprint() == fingerprint)
        #expect(try project.scratchLeftovers().isEmpty)
    }

    @Test("two tests that need different hunks of one change: one cause, its causal diff the union of both")
    func unionOfHunks() async throws {
        let source = """
            def tag(amount, currency):
                value = round(amount, 2)
                unit = "cents"
                code = currency.upper()
                return value, code, unit

            """
        let tests = """
            from shop.tags import tag


            def test_value():
                assert tag(1.234, "eur")[0] == 1.23


            def test_code():
                assert tag(1, "eur")[1] == "EUR"

            """
        let project = try Shop.project(extraFiles: ["src/shop/tags.py": source, "tests/test_tags.py": tests])
        let before = try project.repo.head()
        try project.replace(in: "src/shop/tags.py", "round(amount, 2)", with: "round(amount, 1)")
        try project.replace(in: "src/shop/tags.py", "currency.upper()", with: "currency.lower()")
        let after = try project.commit("tags: coarser values, lowercase codes")

        let report = try await project.triage(before: before, after: after)

        #expect(report.causes.count == 1)
        let cause = try #require(report.causes.first)
        #expect(Set(cause.tests) == ["tests/test_tags.py::test_value", "tests/test_tags.py::test_code"])
        #expect(cause.verdict.hunkHeaders == ["src/shop/tags.py @@ -2,1 +2,1 @@", "src/shop/tags.py @@ -4,1 +4,1 @@"])
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
        let project = try Stock.project()
        let flaky = project.flakyTest(named: "test_sku_sometimes", failing: pattern)
            .replacingOccurrences(of: "    assert not", with: "    sku(\"x\", 1)\n    assert not")
        try project.write("tests/test_stock_flaky.py", "from shop.stock import sku\n\n\n" + flaky)
        let before = try project.commit("a flaky stock test")
        try project.replace(in: "src/shop/stock.py", "name.strip().upper()[:3]", with: "name.strip().lower()[:3]")
        let after = try project.commit("stock: lowercase prefixes")

        let report = try await project.triage(before: before, after: after)

        let flakyID = "tests/test_stock_flaky.py::test_sku_sometimes"
        #expect(report.detection.regressions.map(\.test) == Stock.tests + [flakyID])
        let cause = try #require(report.causes.first)
        #expect(cause.tests == Stock.tests, "the flaky test is not a member")
        let item = try #require(report.item(flakyID))
        #expect(item.verdict.verdict == .ambiguous, "\(item.verdict.reason)")
        #expect(item.verdict.reason.contains("flaky"), "\(item.verdict.reason)")
        #expect(item.verdict.cause != cause.id)
        #expect(report.causes.count == 2)
        #expect(project.runs(ofFlakyTest: "test_sku_sometimes") == 4)
    }
}
