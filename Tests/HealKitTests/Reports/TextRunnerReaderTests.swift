import Foundation
@testable import HealKit
import Testing
import TestSupport

/// The plain-text runners (unittest, cargo test), Go 1.19's build failures and node's
/// describe paths, on real output of those tools.
@Suite struct TextRunnerReaderTests {
    @Test func unittestVerboseOutput() throws {
        let repo = try TempRepo(prefix: "unittest-project")
        for file in ["tests/__init__.py", "tests/test_calc.py", "tests/test_broken.py", "tests/test_p.py", "pkg/calc.py"] {
            try repo.write(file, "")
        }
        let path = try ReportFixtures.path("unittest/unittest-v-broken.txt")
        let report = try ReportLoader(repositoryRoot: repo.path).load(paths: [path])
        #expect(try FormatSniffer.format(of: path) == .unittest)
        let add = try #require(report.test("tests.test_calc.CalcTest.test_add"), "a docstring between name and status")
        #expect(add.outcome == .failed && add.message == "AssertionError: 3 != 4")
        #expect(add.file == "tests/test_calc.py" && add.name == "test_add" && add.classname == "tests.test_calc.CalcTest")
        #expect(report.test("tests.test_calc.CalcTest.test_ok")?.outcome == .passed)
        #expect(report.test("tests.test_calc.CalcTest.test_sub")?.outcome == .failed, "one subtest failed")
        #expect(report.test("tests.test_calc.CalcTest.test_skip")?.outcome == .skipped)
        #expect(report.test("tests.test_calc.CalcTest.test_xf")?.outcome == .xfailed)
        #expect(report.test("tests.test_calc.CalcTest.test_err")?.message == "ValueError: boom")
        let printing = try #require(report.test("tests.test_p.P.test_prints"))
        #expect(printing.outcome == .failed && printing.output?.contains("out line") == true)
        let broken = try #require(report.test("tests.test_broken"))
        #expect(broken.outcome == .buildFailed)
        #expect(broken.output?.contains("No module named 'nonexistent_module'") == true)
    }

    @Test func cargoTestOutput() throws {
        let path = try ReportFixtures.path("cargo/cargo-test-broken.txt")
        #expect(try FormatSniffer.format(of: path) == .libtest)
        let report = try ReportLoader().load(paths: [path])
        let adds = try #require(report.test("src/lib.rs::tests::adds"))
        #expect(adds.outcome == .failed && adds.name == "tests::adds" && adds.file == nil, "the sources, not a test file")
        #expect(adds.message == "assertion `left == right` failed")
        #expect(report.test("src/lib.rs::tests::ok")?.outcome == .passed)
        #expect(report.test("src/lib.rs::tests::slow")?.outcome == .skipped)
        #expect(report.test("tests/api.rs::ok")?.outcome == .passed, "same name as the unit test, another target")
        #expect(report.test("tests/api.rs::ok")?.file == "tests/api.rs")
        #expect(report.test("src/lib.rs - add (line 3)")?.outcome == .passed)
        #expect(report.tests.count == 5)
    }

    @Test func cargoBuildFailure() throws {
        let report = try ReportLoader().load(paths: [ReportFixtures.path("cargo/cargo-test-build-failure.txt")])
        let lib = try #require(report.test("rc (lib)"))
        #expect(lib.outcome == .buildFailed)
        #expect(lib.output?.contains("error[E0277]: cannot add `&str` to `i32`") == true)
        #expect(report.test("rc (lib test)")?.outcome == .buildFailed)
    }

    @Test func goBuildFailureBeforeGo124() throws {
        let report = try ReportLoader().load(paths: [ReportFixtures.path("go/go119-build-failure.json")])
        let package = try #require(report.test("example.com/gp/calc"))
        #expect(package.outcome == .buildFailed)
        #expect(package.output?.contains("calc/calc.go:3:41: syntax error") == true)
        #expect(package.message?.contains("calc/calc.go:3:41") == true)
        #expect(report.test("example.com/gp/other/TestTax/0.5+tax")?.outcome == .passed)
    }

    @Test func nodeDescribePathsAndFilesThatFailToLoad() throws {
        let report = try ReportLoader(repositoryRoot: "/tmp/nt").load(paths: [ReportFixtures.path("node/node-test-junit-describe.xml")])
        #expect(report.test("outer A > same (x.y)")?.outcome == .passed)
        #expect(report.test("outer B > same (x.y)")?.outcome == .passed)
        let deep = try #require(report.test("outer A > inner > deep"))
        #expect(deep.outcome == .failed && deep.name == "deep" && deep.classname == "outer A > inner")
        #expect(report.test("top/level 0.5+tax")?.outcome == .passed)
        #expect(report.test("test/syn.test.js")?.outcome == .buildFailed)
        #expect(report.test("test/broken.test.mjs")?.file == "test/broken.test.mjs")
        #expect(report.problems.isEmpty)
    }

    @Test func pytestDoctestItemsKeepTheirFile() throws {
        let repo = try TempRepo(prefix: "doctest-project")
        try repo.write("docs/usage.rst", ">>> 1 + 1\n3\n")
        try repo.write("pkg/__init__.py", "")
        try repo.write("pkg/mod.py", "")
        let results = repo.path + "/r.xml"
        try #"<testsuites name="pytest tests"><testsuite name="pytest"><testcase classname="docs.usage.rst" name="usage.rst"><failure message="m">x</failure></testcase><testcase classname="pkg.mod" name="pkg.mod.f"/></testsuite></testsuites>"#
            .write(toFile: results, atomically: true, encoding: .utf8)
        let report = try ReportLoader(repositoryRoot: repo.path).load(paths: [results])
        #expect(report.test("docs/usage.rst::usage.rst")?.file == "docs/usage.rst")
        #expect(report.test("pkg/mod.py::pkg.mod.f")?.outcome == .passed)
    }
}

/// Runners that cannot be installed here (no npm registry, no Maven Central), read from files
/// written from their documented formats.
@Suite struct DocumentedRunnerReaderTests {
    @Test func vitestJUnitIdsAreFileAndDescribePath() throws {
        let report = try ReportLoader().load(paths: [ReportFixtures.path("documented/vitest-junit.xml")])
        let total = try #require(report.test("src/price.test.ts/total > works (0.5+tax)"))
        #expect(total.outcome == .failed && total.classname == "src/price.test.ts")
        #expect(report.test("src/price.test.ts/discount > works (0.5+tax)")?.outcome == .passed)
        #expect(report.test("src/broken.test.ts")?.outcome == .failed, "a file that fails to load is named by the file")
        #expect(report.tests.count == 4)
    }
}
