import HealKit
import Testing

@Suite("Coverage readers")
struct CoverageReaderTests {
    static let module = "src/calc/__init__.py"

    @Test("coverage.py contexts give per-test lines; import-time lines count for every test")
    func coveragePyContexts() throws {
        let loader = CoverageLoader(repositoryRoot: try CoverageFixtures.allProjects())
        let map = try loader.load(path: try CoverageFixtures.path("coveragepy-contexts.json"), format: .coveragepyJSON)
        #expect(map.isPerTest)
        #expect(Set(map.tests.keys) == [
            "tests/test_calc.py::test_add", "tests/test_calc.py::test_scale[1]", "tests/test_calc.py::test_scale[2]",
            "tests/test_calc.py::TestMeter::test_record", "tests/test_calc.py::TestMeter::test_negative",
        ])
        #expect(map.tests["tests/test_calc.py::test_add"] == [Self.module: [5]])
        #expect(map.tests["tests/test_calc.py::TestMeter::test_negative"] == [Self.module: [9, 10]])
        // Line 16 ran in the fixture's setup, which belongs to the test.
        #expect(map.tests["tests/test_calc.py::TestMeter::test_record"] == [Self.module: [9, 11, 16, 19, 20]])
        #expect(map.outsideTests == [Self.module: [1, 4, 8, 14, 15, 18]])
        #expect(map.lines(forTest: "tests/test_calc.py::test_add") == [Self.module: [1, 4, 5, 8, 14, 15, 18]])
        #expect(map.lines(forTest: "tests/test_calc.py::test_missing") == nil)
        #expect(map.aggregate == [Self.module: [1, 4, 5, 8, 9, 10, 11, 14, 15, 16, 18, 19, 20]])
    }

    @Test("coverage.py without contexts, its Cobertura XML and its LCOV agree on the aggregate")
    func coveragePyAggregates() throws {
        let loader = CoverageLoader(repositoryRoot: try CoverageFixtures.allProjects())
        let expected: CoveredLines = [Self.module: [1, 4, 5, 8, 9, 10, 11, 14, 15, 16, 18, 19, 20]]
        for (name, format) in [("coveragepy-plain.json", CoverageFormat.coveragepyJSON),
                               ("coveragepy-cobertura.xml", .cobertura), ("coveragepy.lcov", .lcov)] {
            let map = try loader.load(path: try CoverageFixtures.path(name), format: format)
            #expect(!map.isPerTest, "\(name)")
            #expect(map.aggregate == expected, "\(name)")
            #expect(map.lines(forTest: "tests/test_calc.py::test_add") == nil)
        }
    }

    @Test("LCOV records named by TN: are per test; the checkout path is mapped to the root")
    func lcovPerTest() throws {
        let loader = CoverageLoader(repositoryRoot: try CoverageFixtures.allProjects())
        let map = try loader.load(path: try CoverageFixtures.path("gcc-lcov-per-test.info"))
        #expect(map.isPerTest)
        #expect(map.tests["test_add"] == ["src/calc.c": [3, 4], "tests/run.c": [4, 5]])
        #expect(map.tests["test_scale"] == ["src/calc.c": [7, 8, 9, 11], "tests/run.c": [4, 5, 6]])
        #expect(map.outsideTests.isEmpty)
    }

    @Test("llvm-cov export segments give the same lines as llvm-cov's own LCOV export")
    func llvmSegmentsMatchLLVMCov() throws {
        let loader = CoverageLoader(repositoryRoot: try CoverageFixtures.allProjects())
        let json = try loader.load(path: try CoverageFixtures.path("swiftpm-llvm-export.json"))
        let lcov = try loader.load(path: try CoverageFixtures.path("swiftpm-llvm-export.lcov"))
        #expect(!json.isPerTest)
        #expect(json.aggregate == lcov.aggregate)
        #expect(json.aggregate["Sources/Calc/Calc.swift"] == [1, 2, 3, 5, 6, 8, 9, 10])
        // Generated files under the measuring checkout's .build aren't in this repository.
        #expect(json.aggregate.keys.allSatisfy { !$0.contains(".build") })
    }

    @Test("Go coverprofile import paths lose the go.mod module path; uncovered blocks are left out")
    func goCoverprofile() throws {
        let loader = CoverageLoader(repositoryRoot: try CoverageFixtures.allProjects())
        let map = try loader.load(path: try CoverageFixtures.path("go-coverprofile-documented-format.out"))
        #expect(!map.isPerTest)
        #expect(map.aggregate == ["calc.go": [3, 4, 5, 7, 8, 11], "internal/round/round.go": [9, 10, 11]])
    }

    @Test("auto-detection picks the format each fixture was written in",
          arguments: [("coveragepy-contexts.json", CoverageFormat.coveragepyJSON), ("coveragepy-plain.json", .coveragepyJSON),
                      ("coveragepy-cobertura.xml", .cobertura), ("coveragepy.lcov", .lcov),
                      ("gcc-lcov-per-test.info", .lcov), ("swiftpm-llvm-export.json", .llvmJSON),
                      ("swiftpm-llvm-export.lcov", .lcov), ("go-coverprofile-documented-format.out", .go)])
    func autoDetection(name: String, format: CoverageFormat) throws {
        let loader = CoverageLoader(repositoryRoot: try CoverageFixtures.allProjects())
        let path = try CoverageFixtures.path(name)
        #expect(try loader.load(path: path) == loader.load(path: path, format: format))
    }

    @Test("one-test-at-a-time reports merge into a per-test map")
    func attributeAndMerge() throws {
        let loader = CoverageLoader(repositoryRoot: try CoverageFixtures.allProjects())
        let swift = try loader.load(path: try CoverageFixtures.path("swiftpm-llvm-export.json")).attributed(toTest: "CalcTests.adds")
        let go = try loader.load(path: try CoverageFixtures.path("go-coverprofile-documented-format.out")).attributed(toTest: "TestRound")
        let merged = swift.merging(go)
        #expect(merged.isPerTest)
        #expect(merged.lines(forTest: "TestRound") == ["calc.go": [3, 4, 5, 7, 8, 11], "internal/round/round.go": [9, 10, 11]])
        #expect(merged.lines(forTest: "CalcTests.adds")?["Sources/Calc/Calc.swift"] == [1, 2, 3, 5, 6, 8, 9, 10])
    }

    @Test("an id with characters LCOV test names can't hold still finds its test")
    func lcovNameMatching() {
        let map = CoverageMap(isPerTest: true, tests: ["tests_test_x_py__test_a": ["x.py": [3]]])
        #expect(map.lines(forTest: "tests/test_x.py::test_a") == ["x.py": [3]])
    }
}
