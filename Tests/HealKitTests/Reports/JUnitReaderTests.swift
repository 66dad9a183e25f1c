import Foundation
import HealKit
import Testing
import TestSupport

@Suite struct JUnitReaderTests {
    @Test func pytestXunit2IdsAreNodeidsWhenTheRepositoryIsKnown() throws {
        let repo = try ReportFixtures.pytestRepository()
        let report = try ReportLoader(repositoryRoot: repo.path).load(paths: [ReportFixtures.path("pytest/xunit2-broken.xml")])
        #expect(Set(report.tests.map(\.id)) == [
            "src/calc/tests/test_inner.py::test_inside_package",
            "tests/test_math.py::test_add",
            "tests/test_math.py::test_param[1-2]",
            "tests/test_math.py::test_param[2-3]",
            "tests/test_math.py::test_param[x.y-z]",
            "tests/test_math.py::TestGroup::test_in_class",
            "tests/test_math.py::TestGroup::TestNested::test_deep",
            "tests/test_math.py::MyCase::test_unittest",
            "tests/test_math.py::test_skipped",
            "tests/test_math.py::test_xfail",
            "tests/test_math.py::test_setup_error",
        ])
        let add = try #require(report.test("tests/test_math.py::test_add"))
        #expect(add.outcome == .failed)
        #expect(add.file == "tests/test_math.py")
        #expect(add.classname == "tests.test_math")
        #expect(add.message?.hasPrefix("assert 3 == 4") == true)
        #expect(add.output?.contains("tests/test_math.py:7: AssertionError") == true)
        #expect(report.test("tests/test_math.py::test_skipped")?.outcome == .skipped)
        #expect(report.test("tests/test_math.py::test_xfail")?.outcome == .xfailed)
        #expect(report.test("tests/test_math.py::test_setup_error")?.outcome == .error)
        #expect(report.problems.isEmpty)
    }

    @Test func pytestIdsAgreeAcrossXunit1Xunit2AndJSONReport() throws {
        let repo = try ReportFixtures.pytestRepository()
        let loader = ReportLoader(repositoryRoot: repo.path)
        let ids = try ["pytest/xunit1-baseline.xml", "pytest/xunit2-baseline.xml", "pytest/json-report-baseline.json"].map {
            Set(try loader.load(paths: [ReportFixtures.path($0)]).tests.map(\.id))
        }
        #expect(ids[0] == ids[1])
        #expect(ids[1] == ids[2])
        let xunit1 = try loader.load(paths: [ReportFixtures.path("pytest/xunit1-baseline.xml")])
        // xunit1's line is 0-based; heal's is 1-based (`def test_add` is on line 6).
        #expect(xunit1.test("tests/test_math.py::test_add")?.line == 6)
    }

    @Test func pytestIdsFallBackToClassnameWithoutARepository() throws {
        let report = try ReportLoader().load(paths: [ReportFixtures.path("pytest/xunit2-baseline.xml")])
        #expect(report.test("tests.test_math.TestGroup::test_in_class")?.outcome == .passed)
        #expect(report.test("tests.test_math::test_param[x.y-z]") != nil)
    }

    @Test func pytestRootdirBelowTheRepositoryRootIsFound() throws {
        let repo = try TempRepo(prefix: "monorepo")
        try repo.write("backend/tests/test_math.py", "")
        try repo.write("backend/src/calc/tests/test_inner.py", "")
        let report = try ReportLoader(repositoryRoot: repo.path).load(paths: [ReportFixtures.path("pytest/xunit2-baseline.xml")])
        let test = try #require(report.test("tests/test_math.py::TestGroup::test_in_class"))
        #expect(test.file == "backend/tests/test_math.py")
    }

    @Test func pytestCollectionErrorsAreErrorsNamedByModule() throws {
        let repo = try ReportFixtures.pytestRepository()
        try repo.write("tests/test_collect.py", "")
        let loader = ReportLoader(repositoryRoot: repo.path)
        let junit = try loader.load(paths: [ReportFixtures.path("pytest/xunit2-collection-error.xml")])
        #expect(junit.test("tests/test_collect.py")?.outcome == .error)
        let json = try loader.load(paths: [ReportFixtures.path("pytest/json-report-collection-error.json")])
        #expect(json.test("tests/test_collect.py")?.outcome == .error)
    }

    @Test func surefireFlakyRerunsAndGroupedTimes() throws {
        let report = try ReportLoader().load(paths: [ReportFixtures.path("documented/surefire-TEST-com.example.CalculatorTest.xml")])
        #expect(report.test("com.example.CalculatorTest/addsNumbers")?.outcome == .passed)
        let divides = try #require(report.test("com.example.CalculatorTest/dividesByZero"))
        #expect(divides.outcome == .failed)
        #expect(divides.duration == 1001.25)
        #expect(divides.output?.contains("CalculatorTest.java:21") == true)
        #expect(report.test("com.example.CalculatorTest/flakyNetwork")?.outcome == .flaky)
        #expect(report.test("com.example.CalculatorTest/loadsConfig")?.outcome == .error)
        #expect(report.test("com.example.CalculatorTest/ignored")?.outcome == .skipped)
    }

    @Test func jestGotestsumSwiftAndNodeDialects() throws {
        let jest = try ReportLoader().load(paths: [ReportFixtures.path("documented/jest-junit.xml")])
        #expect(jest.test("src/sum.test.js::sum adds negatives")?.outcome == .failed)
        #expect(jest.tests.count == 3)
        let gotestsum = try ReportLoader().load(paths: [ReportFixtures.path("documented/gotestsum-junit.xml")])
        #expect(gotestsum.test("github.com/example/calc/TestTable/negative")?.outcome == .failed)
        let swift = try ReportLoader().load(paths: [ReportFixtures.path("swift")])
        #expect(swift.test("CalcTests.AdditionTests/testBreaks")?.outcome == .failed)
        #expect(swift.test("CalcTests.Arithmetic/breaks()")?.outcome == .failed)
        #expect(swift.test("CalcTests.Arithmetic/positive(value:)")?.outcome == .passed)
        let node = try ReportLoader().load(paths: [ReportFixtures.path("node/node-test-junit.xml")])
        #expect(node.test("todo one")?.outcome == .xfailed)
    }

    @Test func duplicateIdsAreMergedAndReported() throws {
        let report = try ReportLoader().load(paths: [ReportFixtures.path("bad/duplicate-ids.xml")])
        #expect(report.tests.count == 1)
        #expect(report.test("A/t")?.outcome == .failed)
        #expect(report.problems.count == 1)
        #expect(report.problems.first.first?.line == 3)
    }

    @Test(arguments: [
        ("bad/truncated.xml", "ends early"),
        ("bad/empty.xml", "empty"),
        ("bad/binary.xml", "binary"),
        ("bad/invalid-utf8.xml", "invalid character"),
        ("bad/garbage.txt", "unrecognised"),
        ("bad/not-junit.xml", "root element is <coverage>"),
        ("bad/truncated.json", "ends early"),
    ])
    func badInputIsAnErrorWithAPosition(file: String, expected: String) throws {
        let path = try ReportFixtures.path(file)
        do {
            _ = try ReportLoader().load(paths: [path])
            Issue.record("expected \(file) to be rejected")
        } catch let error as ReportReadError {
            #expect(error.file == path)
            #expect(error.line > 0)
            #expect(error.description.contains(expected), "\(error)")
        }
    }

    @Test func aLargeFileStreamsWithinBoundedMemoryOfOutput() throws {
        let directory = try TempDirectory()
        let path = directory.path + "/big.xml"
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        handle.write(Data("<testsuites><testsuite name=\"big\">".utf8))
        let noisy = String(repeating: "output line\n", count: 2_000)
        for index in 0..<6_000 {
            let body = index % 1_000 == 0 ? "<failure message=\"m\"/><system-out>\(noisy)</system-out>" : ""
            handle.write(Data("<testcase classname=\"C\" name=\"t\(index)\">\(body)</testcase>\n".utf8))
        }
        handle.write(Data("</testsuite></testsuites>".utf8))
        try handle.close()
        let report = try ReportLoader().load(paths: [path])
        #expect(report.tests.count == 6_000)
        let failing = try #require(report.test("C/t0"))
        #expect((failing.output?.utf8.count ?? 0) < 20_000)
        #expect(failing.output?.contains("bytes cut by heal") == true)
    }
}

/// A temporary directory removed when the value goes away.
final class TempDirectory {
    let path: String
    init() throws { path = try TempDir.make(prefix: "reports") }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}
