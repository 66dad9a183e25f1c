import HealKit
import Testing

@Suite("Failure output paths")
struct FailureOutputPathsTests {
    @Test("paths from the usual failure formats are found, first mention first")
    func formats() {
        let output = """
        tests/test_calc.py:12: AssertionError
          File "/srv/app/src/calc.py", line 4, in add
        /work/pkg/Tests/CalcTests/CalcTests.swift:30:5: error: XCTAssertEqual failed
            calc_test.go:17: got 3, want 4
            at Object.<anonymous> (/repo/src/sum.test.js:8:15)
          --> src/lib.rs:10:5
            at com.acme.Calc.add(Calc.java:21)
        ./scripts/run.sh:3: command not found
        finished at 12:30:45, version 1.2:3
        """
        #expect(FailureOutputPaths.mentioned(in: output) == [
            "tests/test_calc.py", "/srv/app/src/calc.py", "/work/pkg/Tests/CalcTests/CalcTests.swift",
            "calc_test.go", "/repo/src/sum.test.js", "src/lib.rs", "Calc.java", "scripts/run.sh",
        ])
    }

    @Test("mentions match repository paths by whole leading directories only")
    func matching() {
        let repoPaths = ["src/calc.py", "pkg/calc/calc_test.go", "lib/mycalc.py", "Calc.java"]
        let mentions = ["/ci/checkout/src/calc.py", "calc_test.go", "calc.py", "src/main/java/Calc.java"]
        #expect(FailureOutputPaths.match(mentions, against: repoPaths) == ["src/calc.py", "pkg/calc/calc_test.go", "Calc.java"])
    }
}
