import Foundation
import GitKit

/// Verifies the fix of a production error, which has no failing test of its own:
/// - an agent's fix brings new test modules that fail at the deploy with the error's exception
///   and pass with the fix, and the rest of the suite — run without them, so a new test cannot
///   hide anything — has no new failure;
/// - the built-in revert is verified by the suite and the trace: no frame of it lies in code
///   the deploy changed any more.
struct ErrorFixVerifier {
    let runner: TestRunner
    let reruns: Int
    let repository: Repository
    let author: Signature

    func verifyRevert(_ fix: ProductionErrorFix, commit: ObjectID, baseline: ObjectID, deploy: ObjectID,
                      deployReport: TestReport?) async throws -> FixVerification {
        var suite = try await FixVerifier(runner: runner, reruns: reruns)
            .verifySuite(passes: 0, runs: 0, at: commit, deployReport: deployReport)
        guard suite.isVerified else { return suite }
        let zero = DiffOptions(contextLines: 0)
        let still = TraceOutsideChanges.stillLinked(
            fix.frames, deployToFix: try repository.diff(from: deploy.hex, to: commit.hex, options: zero).files,
            baselineToFix: try repository.diff(from: baseline.hex, to: commit.hex, options: zero).files)
        guard still.isEmpty else {
            let where_ = still.prefix(3).map(ErrorTriage.describe).joined(separator: ", ")
            suite.failureReason = "with the fix the error's trace still runs through code the deploy changed: \(where_)"
            return suite
        }
        suite.statements = [
            "No test reproduces this production error, so the revert was verified by the trace and the suite, not by a regression test.",
            "None of the \(fix.frames.count) frame\(fix.frames.count == 1 ? "" : "s") of its trace inside the repository lies in code the deploy changed any more.",
            "Full suite: \(suite.suiteSummary)",
        ]
        return suite
    }

    func verifyReproduction(_ fix: ProductionErrorFix, commit: ObjectID, change: ProposedChange, deploy: ObjectID,
                            deployReport: TestReport?) async throws -> FixVerification {
        func failed(_ reason: String) -> FixVerification {
            FixVerification(testPasses: 0, testReruns: 0, newFailures: [], suiteSummary: "not run", failureReason: reason)
        }
        let added = change.files.filter { $0.status == .added && TestModuleName.matches($0.path) }.map(\.path)
        guard !added.isEmpty else {
            return failed("the fix adds no new test module (\(TestModuleName.examples)) that reproduces the error")
        }
        guard let deployReport else { return failed("the suite did not run at the deploy commit, so a new test cannot be told apart") }
        let fixed = try repository.treeEntries(repository.commit(commit.hex).treeID)
        let withTests = try tree(try repository.treeEntries(repository.commit(deploy.hex).treeID)
                                 + fixed.filter { added.contains($0.path.string) }, parent: deploy)
        let withoutTests = try tree(fixed.filter { !added.contains($0.path.string) }, parent: deploy)

        // 1. The new tests reproduce the error at the deploy.
        guard let atDeploy = try await runner.runSuite(at: withTests.hex, cached: false).report else {
            return failed("the suite did not run at the deploy with the new test added")
        }
        let newCases = atDeploy.tests.filter { deployReport.test($0.id) == nil }
        guard !newCases.isEmpty else { return failed("the suite found no test in the new file(s) \(added.joined(separator: ", "))") }
        let reproducing = newCases.filter { $0.outcome.isFailure }
        guard !reproducing.isEmpty else {
            return failed("the new test passes at the deploy \(deploy.short()): it does not reproduce the error")
        }
        if let name = fix.exceptionName, !reproducing.contains(where: { [$0.message, $0.output].contains { $0?.contains(name) == true } }) {
            return failed("the new test fails at the deploy, but not with \(name): it does not reproduce the production error")
        }
        // 2. They pass with the fix, on every rerun.
        guard let atFix = try await runner.runSuite(at: commit.hex, cached: false).report else {
            return failed("the suite did not run with the fix")
        }
        for testCase in newCases {
            guard atFix.test(testCase.id)?.outcome.isPass == true else {
                return failed("the new test `\(testCase.id)` does not pass with the fix")
            }
            for run in 1..<max(reruns, 1) {
                guard try await runner.runTest(TestTarget(testCase), at: commit.hex).outcome == .passed else {
                    return failed("the new test `\(testCase.id)` failed on rerun \(run + 1) with the fix")
                }
            }
        }
        // 3. The rest of the suite, without the new tests, has no new failure.
        var verification = try await FixVerifier(runner: runner, reruns: reruns)
            .verifySuite(passes: newCases.count, runs: newCases.count, at: withoutTests, deployReport: deployReport)
        guard verification.isVerified else { return verification }
        verification.reproducedBy = reproducing.map(\.id)
        let names = reproducing.prefix(3).map { "`\($0.id)`" }.joined(separator: ", ")
        verification.statements = [
            "Verified by a new regression test, not by the production logs: \(names) fail\(reproducing.count == 1 ? "s" : "") at the deploy `\(deploy.short())`"
                + (fix.exceptionName.map { " with \($0), as in production" } ?? ""),
            "The new test\(newCases.count == 1 ? "" : "s") (\(newCases.count)) pass with the fix on each of \(max(reruns, 1)) run\(reruns == 1 ? "" : "s").",
            "Full suite without the new tests: \(verification.suiteSummary)",
        ]
        return verification
    }

    /// A commit (on `parent`) of exactly `entries`, for a verification run.
    private func tree(_ entries: [TreeEntry], parent: ObjectID) throws -> ObjectID {
        let tree = try repository.writeTree(entries.sorted { $0.path < $1.path })
        return try repository.createCommit(tree: tree, parents: [parent], message: "heal: verification tree\n", author: author)
    }
}
