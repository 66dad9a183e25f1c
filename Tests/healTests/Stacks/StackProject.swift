import Foundation
import Testing
import TestSupport

/// A small real project on one stack, set up as a new user would: `heal init` writes the
/// configuration (used unmodified), the baseline is tagged `deploy-1`, and a three-commit deploy
/// follows — a harmless commit, the culprit (which breaks one test with one hunk and edits a
/// second place harmlessly), and another harmless commit.
final class StackProject: @unchecked Sendable {
    struct Edit: Sendable {
        var file: String
        var old: String
        var new: String
    }

    let repo: TempRepo
    /// What `heal init` printed.
    let initOutput: ShellResult
    var path: String { repo.path }

    /// - Parameters:
    ///   - files: the project, committed with the generated `.heal.yml` as the baseline.
    ///   - runner: the runner `heal init` must recognise (its `wrote … for <runner>` line).
    init(files: [String: String], runner: String) throws {
        repo = try TempRepo(prefix: "stack")
        for (path, contents) in files { try repo.write(path, contents) }
        initOutput = try HealBinary.run(["init"], in: repo.path)
        try #require(initOutput.status == 0, "heal init failed: \(initOutput.stderr)")
        try #require(initOutput.stdout.contains("for \(runner) "), "heal init guessed otherwise: \(initOutput.stdout)")
        try repo.commitAll("baseline, configured by heal init")
        try repo.git("tag", "deploy-1")
    }

    /// Commits the deploy: a harmless commit, the culprit with `cause` and `harmless` (two
    /// hunks), another harmless commit. Returns the culprit's id.
    func deploy(cause: Edit, harmless: Edit) throws -> String {
        try repo.write("NOTES.md", "first deploy note\n")
        try repo.commitAll("notes")
        try replace(cause)
        try replace(harmless)
        let culprit = try repo.commitAll("rework prices")
        try repo.write("NOTES.md", "first deploy note\nsecond deploy note\n")
        try repo.commitAll("more notes")
        return culprit
    }

    /// Commits `edit` alone; returns the commit.
    func commit(_ edit: Edit, message: String) throws -> String {
        try replace(edit)
        return try repo.commitAll(message)
    }

    func replace(_ edit: Edit) throws {
        let text = try repo.read(edit.file)
        try #require(text.contains(edit.old), "\(edit.file) has no \(edit.old)")
        try repo.write(edit.file, text.replacingOccurrences(of: edit.old, with: edit.new))
    }

    func heal(_ arguments: [String]) throws -> ShellResult {
        try HealBinary.run(arguments, in: repo.path)
    }

    /// `heal run --json` after `deploy`: the failing test is found, introduced by `culprit` in
    /// one hunk of `file`, and a verified revert is staged on a branch whose `file` contains
    /// `fixed`; the verdict names the coverage it used when `coverage` is given. Returns the JSON.
    @discardableResult
    func expectStagedFix(test: String, culprit: String, file: String, fixed: String,
                         coverage: String? = nil) throws -> [String: Any] {
        let result = try heal(["run", "--json"])
        let json = try jsonObject(result)
        let regressions = try #require(json["regressions"] as? [[String: Any]], "\(result.stderr)")
        #expect(regressions.contains { $0["test"] as? String == test }, "regressions: \(regressions)\n\(result.stderr)")
        let verdicts = try #require(json["verdicts"] as? [[String: Any]])
        let verdict = try #require(verdicts.first { $0["test"] as? String == test }, "\(result.stderr)")
        #expect(verdict["verdict"] as? String == "introduced", "\(verdict)\n\(result.stderr)")
        #expect(verdict["culprit"] as? String == culprit, "\(verdict)")
        if let coverage {
            // The cause's representative was triaged in full; members (a Go subtest) confirmed.
            let cause = verdicts.filter { $0["cause"] as? String == verdict["cause"] as? String }
            #expect(cause.contains { ($0["reason"] as? String)?.contains("coverage: \(coverage)") == true },
                    "which coverage was used: \(cause)")
        }
        let files = (verdict["causalDiff"] as? [String: Any])?["files"] as? [[String: Any]] ?? []
        #expect(files.map { $0["path"] as? String } == [file], "\(verdict)")
        #expect((files.first?["hunks"] as? [Any])?.count == 1, "only the causal hunk: \(verdict)")
        let dispatches = try #require(json["dispatches"] as? [[String: Any]])
        let staged = dispatches.first { ($0["tests"] as? [String] ?? [$0["test"] as? String ?? ""]).contains(test) || $0["test"] as? String == test }
        #expect(staged?["outcome"] as? String == "staged", "\(dispatches)\n\(result.stderr)")
        if let branch = staged?["branch"] as? String {
            #expect(try repo.git("show", "\(branch):\(file)").contains(fixed))
        }
        return json
    }
}
