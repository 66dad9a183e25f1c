import Foundation
import GitKit

/// One run of a single test for triage.
public struct SingleTestRun: Sendable, Equatable {
    /// `pass`, `fail`, or `skip` when the test could not run (no results: it did not build,
    /// the command failed before testing, or the test does not exist at that commit).
    public var outcome: CommitTestOutcome
    /// The failure message and output, for naming files when coverage is missing.
    public var output: String?

    public init(outcome: CommitTestOutcome, output: String? = nil) {
        self.outcome = outcome
        self.output = output
    }
}

/// What triage needs from the outside world to observe a test: fresh single-test runs at any
/// commit (optionally with some files rewritten) and the project's per-test coverage.
///
/// Implementations run in a scratch directory heal owns (see `WorkArea`), never the user's checkout.
public protocol TriageTestRunner {
    /// Runs `test` in a fresh process at `commit`, with `files` (repository-relative paths)
    /// written over that commit's checkout first; a nil value deletes the file.
    func runTest(_ test: TestCase, at commit: ObjectID, replacing files: [String: Data?]) async throws -> SingleTestRun

    /// The coverage of the suite at `commit`, or nil when the project has no coverage command.
    func coverage(at commit: ObjectID) async throws -> CoverageMap?

    /// The coverage of `test` alone at `commit` (`coverage.test`), attributed to it; nil when
    /// the project has no such command or it wrote nothing.
    func coverage(of test: TestCase, at commit: ObjectID) async throws -> CoverageMap?
}

extension TriageTestRunner {
    public func coverage(of test: TestCase, at commit: ObjectID) async throws -> CoverageMap? { nil }
}
