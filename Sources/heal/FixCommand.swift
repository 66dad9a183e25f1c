import ArgumentParser
import Foundation
import GitKit
import HealKit

struct FixCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Dispatch a fix agent for one regression on its fix branch, under the scope guard, and stage a verified fix for review.",
        discussion: """
            Takes triage's verdict from --triage FILE (the output of `heal triage --json`), or triages \
            --before..--after itself. The agent works in a scratch copy of the deploy commit's files; a fix that \
            stays in scope and passes verification is committed on heal/<cause>-<culprit sha> and its PR body staged \
            under <git-common-dir>/heal/pr/ (and, with publish: gh|glab, pushed and opened as a draft PR). \
            heal never merges and never touches your checkout or base branch. \
            Exit 0: staged or opened; 1: the attempt failed or was refused; 2: bad input.
            """)

    @Option(help: "A failing test's id, as triage printed it; its whole cause is fixed.") var test: String
    @Option(help: "A `heal triage --json` file with the test's verdict.") var triage: String?
    @Option(help: "The pre-deploy revision (the baseline).") var before: String?
    @Option(help: "The deploy revision (the fix base).") var after: String?
    @Option(help: "The configuration file (default: .heal.yml at the repository root).") var config: String?
    @Option(help: "revert | claude | codex | aider | command (default: fix.agent).") var agent: String?
    @Flag(help: "Print JSON: {dispatches: [{test, cause, tests, agent, attempt, branch, outcome, prBody}]}.") var json = false

    func validate() throws {
        guard triage != nil || (before != nil && after != nil) else {
            throw ValidationError("pass --triage FILE, or --before REV and --after REV to triage first")
        }
    }

    func run() async throws {
        try await runReportingErrors {
            let verdicts: FixOptions.VerdictSource = if let triage {
                .triageFile(triage, before: before, after: after)
            } else {
                .triage(before: before!, after: after!)
            }
            let dispatch = try await HealFix.run(FixOptions(
                repositoryPath: FileManager.default.currentDirectoryPath, test: test, verdicts: verdicts,
                configPath: config, agent: agent))
            if json {
                try printJSON(FixJSON(dispatches: [dispatch]))
            } else {
                print(Self.text(dispatch))
            }
            return [.staged, .opened, .alreadyStaged].contains(dispatch.outcome) ? .success : .regressions
        }
    }

    static func text(_ dispatch: FixDispatch) -> String {
        var lines = ["\(dispatch.outcome.rawValue): \(dispatch.test) (agent \(dispatch.agent), attempt \(dispatch.attempt))"]
        for other in dispatch.tests.dropFirst() { lines.append("  same cause: \(other)") }
        if let branch = dispatch.branch { lines.append("  branch: \(branch)") }
        if let body = dispatch.prBody { lines.append("  PR body: \(body)") }
        if let url = dispatch.pullRequest { lines.append("  pull request: \(url)") }
        if let reason = dispatch.reason { lines.append("  reason: \(reason)") }
        for violation in dispatch.violations { lines.append("  - \(violation)") }
        if let run = dispatch.runDirectory { lines.append("  logs: \(run)") }
        return lines.joined(separator: "\n")
    }
}

/// `heal fix --json`: the `dispatches` part of `heal run --json`.
private struct FixJSON: Encodable {
    var dispatches: [FixDispatch]
}
