import ArgumentParser
import Foundation
import GitKit
import HealKit

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "The whole loop for a deploy: detect regressions, triage them, fix what the deploy introduced, stage PRs, escalate the rest.",
        discussion: """
            Runs the suite at --before and --after in scratch directories (never your checkout; results are cached \
            per tree), detects regressions, groups those one change causes into one cause, and triages each cause: \
            pre-existing ones are logged; ambiguous ones (flaky, unrelated to the changes, an outage) get an \
            escalation ticket under <git-common-dir>/heal/tickets/; introduced ones get one fix agent for all their \
            tests on heal/<cause>-<culprit sha>, and a verified fix gets its PR body staged under \
            <git-common-dir>/heal/pr/ (opened as a draft PR with --publish gh|glab). After fix.max-attempts failed \
            attempts the circuit breaker opens and a ticket replaces further attempts. heal never merges. \
            One run at a time per repository: a second one exits with a message, or queues with --wait. \
            Progress goes to standard error.

            --before defaults to ORIG_HEAD when HEAL_TRIGGER=post-merge (the hook sets it), else to the most \
            recent tag matching deploy-tags before --after; --after defaults to HEAD.

            Exit codes:
              0  nothing regressed, or every regression was handled: a verified fix staged (or opened), an \
            escalation ticket written (ambiguous, or the breaker is open), or pre-existing and logged.
              1  a regression is left unhandled: an attempt failed and the breaker is still closed (the next run \
            tries again), a dispatch budget is spent, or --dry-run dispatched and escalated nothing.
              2  bad input: a bad flag, revision or .heal.yml, no baseline, a suite that writes no results, \
            another heal run holding the lock, or a forge client that is not logged in.
              3  heal itself failed (git, the store, a scratch directory).
            """)

    @Option(help: "The pre-deploy revision (default: ORIG_HEAD after a merge, else the previous deploy tag).")
    var before: String?
    @Option(help: "The deploy revision (default: HEAD).") var after: String?
    @Option(help: "The configuration file (default: .heal.yml at the repository root).") var config: String?
    @Option(name: .customLong("repo"), help: "A path inside the repository (default: the current directory).")
    var repo: String = "."
    @Option(help: "local | gh | glab, overriding the configuration's `publish:`.") var publish: HealConfig.Publish?
    @Option(help: "sqlite | sqlite:PATH | postgres://…, overriding the configuration's `store:`.") var store: String?
    @Flag(help: "Compute the verdicts, but dispatch no agent and write no ticket.") var dryRun = false
    @Flag(help: "Queue behind a heal run already in progress on this repository instead of exiting.") var wait = false
    @Flag(help: "Print JSON: {before, after, regressions, verdicts, dispatches, escalations, …}.") var json = false
    @OptionGroup(title: "Production error logs (override errors: in .heal.yml)") var errorLogs: ErrorLogOptions

    func run() async throws {
        try await runReportingErrors {
            let options = HealRunOptions(repositoryPath: repo, before: before, after: after, configPath: config,
                                         publish: publish, store: store, dryRun: dryRun, wait: wait,
                                         trigger: ProcessInfo.processInfo.environment["HEAL_TRIGGER"],
                                         errors: try errorLogs.overrides())
            let report: HealRunReport
            do {
                report = try await HealRun(options: options, progress: { printError("heal: " + $0) }).run()
            } catch {
                // A script reading --json gets an object whatever the exit code.
                if json {
                    let isUserInput = error is any UserInputError || (error as? GitError)?.isUserInput == true
                    try? printJSON(HealRunJSON(failure: error, isUserInput: isUserInput))
                }
                throw error
            }
            if json {
                try printJSON(HealRunJSON(report))
            } else {
                print(RunSummaryText.render(report), terminator: "")
            }
            for failure in report.failures { printError("heal: \(failure.test): \(failure.message)") }
            return report.exit
        }
    }
}

extension HealConfig.Publish: ExpressibleByArgument {}

/// The human-readable end of `heal run`: one line per regression with what became of it.
enum RunSummaryText {
    static func render(_ report: HealRunReport) -> String {
        let range = "\(report.range.before.id.short())..\(report.range.after.id.short())"
        guard !report.handled.isEmpty else { return "heal run \(range): no regressions\n" }
        var lines = ["heal run \(range)\(report.dryRun ? " (dry run)" : ""): \(report.handled.count) regression\(report.handled.count == 1 ? "" : "s")"]
        for entry in report.handled {
            switch entry.handling {
            case .logged: lines.append("  logged      \(entry.test) (pre-existing)")
            case .fixed(let branch): lines.append("  fix staged  \(entry.test) on \(branch)")
            case .escalated(let ticket): lines.append("  escalated   \(entry.test): \(ticket)")
            case .unhandled(let reason): lines.append("  open        \(entry.test): \(reason)")
            }
        }
        for dispatch in report.dispatches {
            if let body = dispatch.prBody { lines.append("PR body: \(body)") }
            if let url = dispatch.pullRequest { lines.append("pull request: \(url)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
