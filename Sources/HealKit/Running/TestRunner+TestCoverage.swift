import Foundation

extension TestRunner {
    /// `coverage.test` for one test in `directory`: the lines that test alone runs, on stacks
    /// whose coverage is not per test (Go coverprofile, node's lcov, llvm-cov, coverage.py without
    /// contexts). Nil when `coverage.test` is not configured; a run that leaves no file (or an
    /// empty one) has no `coverageFile` — the test may fail, the command must still write it.
    public func runTestCoverage(_ target: TestTarget, in directory: String) async throws -> CoverageRun? {
        guard let command = coverage.test else { return nil }
        let run = try prepare(label: "test-coverage")
        let file = run.directory + "/coverage.out"
        let process = try await execute(command, values: target.placeholders(["coverage": file]), in: directory,
                                        revision: nil, timeout: suite.testTimeout, run: run)
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        return CoverageRun(coverageFile: size > 0 && !process.timedOut ? file : nil, process: process,
                           runDirectory: run.directory)
    }
}
