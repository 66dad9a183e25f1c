import Foundation
import GitKit

/// Triage's runs in one scratch directory (see `WorkArea.withExport`): each run brings the
/// directory to the commit's tree (rewriting only the paths whose entry changed, that an
/// earlier trial rewrote, or that a test run changed), writes the trial's files, and runs the
/// configured single-test or coverage command there through `TestRunner`.
///
/// Reusing one directory keeps a culprit search or a delta-debugging session from paying a
/// fresh export of the whole tree per run; the directory's `TreeSync` stamps what it rewrites so
/// that the build caches that survive in it never serve stale results.
public struct ExportTriageRunner: TriageTestRunner, TriageBuildRunner {
    public let testRunner: TestRunner
    /// The scratch directory and the tree it holds.
    public let export: ExportedTree

    public init(testRunner: TestRunner, export: ExportedTree) {
        self.testRunner = testRunner
        self.export = export
    }

    public func runTest(_ test: TestCase, at commit: ObjectID, replacing files: [String: Data?]) async throws -> SingleTestRun {
        try prepare(commit, files: files)
        let execution = try await testRunner.runTest(TestTarget(test), in: export.directory)
        switch execution.outcome {
        case .passed:
            return SingleTestRun(outcome: .pass)
        case .failed(let failure):
            return SingleTestRun(outcome: .fail, output: [failure.message, failure.output].compactMap { $0 }.joined(separator: "\n"))
        case .couldNotRun(let reason):
            return SingleTestRun(outcome: .skip, output: reason)
        }
    }

    public func build(_ unit: String, at commit: ObjectID, replacing files: [String: Data?]) async throws -> SingleTestRun {
        try prepare(commit, files: files)
        let probe = try await testRunner.runBuild(in: export.directory, unit: unit)
        return SingleTestRun(outcome: probe.outcome, output: probe.output)
    }

    public func coverage(at commit: ObjectID) async throws -> CoverageMap? {
        try prepare(commit, files: [:])
        guard let run = try await testRunner.runCoverage(in: export.directory), let file = run.coverageFile else { return nil }
        return try CoverageLoader(repositoryRoot: export.directory).load(path: file, format: testRunner.coverage.format)
    }

    public func coverage(of test: TestCase, at commit: ObjectID) async throws -> CoverageMap? {
        guard testRunner.coverage.test != nil else { return nil }
        try prepare(commit, files: [:])
        guard let run = try await testRunner.runTestCoverage(TestTarget(test), in: export.directory),
              let file = run.coverageFile else { return nil }
        return try CoverageLoader(repositoryRoot: export.directory).load(path: file, format: testRunner.coverage.format)
            .attributed(toTest: test.id)
    }

    /// Brings the directory to `commit`'s tree and writes `files` on top.
    func prepare(_ commit: ObjectID, files: [String: Data?]) throws {
        let repository = try Repository(discovering: testRunner.repositoryPath)
        let tree = try repository.commit(commit.hex).treeID
        try export.sync.sync(to: tree, in: repository, overrides: files)
    }
}
