import Foundation
import GitKit

/// Triage's runs in one scratch worktree: each run force-checks-out the commit (restoring any
/// file an earlier trial rewrote and removing untracked leftovers), writes the trial's files,
/// and runs the configured single-test or coverage command there through `TestRunner`.
///
/// Reusing one worktree keeps a culprit search or a delta-debugging session from paying a
/// fresh checkout of the whole tree per run; `RewriteStamps` keeps the build caches that
/// survive in it from serving stale results.
public struct WorktreeTriageRunner: TriageTestRunner {
    public let testRunner: TestRunner
    /// The worktree's root; it must be a linked worktree heal owns (see `Worktrees`).
    public let directory: String
    private let stamps = RewriteStamps()

    public init(testRunner: TestRunner, directory: String) {
        self.testRunner = testRunner
        self.directory = directory
    }

    public func runTest(_ test: TestCase, at commit: ObjectID, replacing files: [String: Data?]) async throws -> SingleTestRun {
        try prepare(commit, files: files)
        let execution = try await testRunner.runTest(TestTarget(test), in: directory)
        switch execution.outcome {
        case .passed:
            return SingleTestRun(outcome: .pass)
        case .failed(let failure):
            return SingleTestRun(outcome: .fail, output: [failure.message, failure.output].compactMap { $0 }.joined(separator: "\n"))
        case .couldNotRun(let reason):
            return SingleTestRun(outcome: .skip, output: reason)
        }
    }

    public func coverage(at commit: ObjectID) async throws -> CoverageMap? {
        try prepare(commit, files: [:])
        guard let run = try await testRunner.runCoverage(in: directory), let file = run.coverageFile else { return nil }
        return try CoverageLoader(repositoryRoot: directory).load(path: file, format: testRunner.coverage.format)
    }

    private func prepare(_ commit: ObjectID, files: [String: Data?]) throws {
        let repository = try Repository(discovering: directory)
        let changed = try stamps.changedPaths(checkingOut: commit, writing: files.keys, in: repository)
        try repository.forceCheckoutDetached(commit.hex)
        defer { stamps.stamp(changed, under: directory) }
        let root = URL(fileURLWithPath: directory)
        for (path, contents) in files {
            let url = root.appendingPathComponent(path)
            if let contents {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try contents.write(to: url)
            } else if FileManager.default.fileExists(atPath: url.path) {
                try FileManager.default.removeItem(at: url)
            }
        }
    }
}
