/// How one test case ended, in the vocabulary shared by every report format heal reads.
public enum TestOutcome: String, Codable, Sendable, CaseIterable {
    case passed
    case failed
    /// Broke outside the assertion: setup, teardown, a crash, a build failure.
    case error
    case skipped
    /// Expected to fail and did (pytest `xfail`, TAP `TODO` failing).
    case xfailed
    /// Expected to fail but passed (non-strict; strict xpasses are reported as failures).
    case xpassed
    /// Failed, then passed on a rerun within the same report (Surefire `flakyFailure`).
    case flaky
    /// The unit the case is named by (a Go package, a Rust target, a Python module, the whole
    /// suite) did not build, compile or load, so its tests did not run.
    case buildFailed = "build-failed"

    /// A failed or errored test: what detection treats as broken.
    public var isFailure: Bool { self == .failed || self == .error || self == .buildFailed }

    /// A test that ran and is counted as passing (flaky tests did pass in the end).
    public var isPass: Bool { self == .passed || self == .xpassed || self == .flaky }

    /// Orders outcomes for merging duplicates: the worse one wins, so a failure is never hidden.
    var severity: Int {
        switch self {
        case .buildFailed: 7
        case .error: 6
        case .failed: 5
        case .flaky: 4
        case .xpassed: 3
        case .passed: 2
        case .xfailed: 1
        case .skipped: 0
        }
    }
}
