import ArgumentParser
import Foundation
import GitKit
import HealKit

struct TriageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triage",
        abstract: "Decide which regressions of a deploy it caused, find the culprit commit and the minimal causal hunks.",
        discussion: """
            With --baseline and --current result files, compares those; otherwise runs the suite (suite.command) \
            at both commits in scratch directories. Each regression is pre-existing, ambiguous (flaky, unrelated to \
            the changes, or an outage) or introduced; an introduced one gets its culprit commit (flake-aware \
            bisection over the first-parent commits) and the smallest set of hunks whose revert makes it pass. \
            Regressions one change causes are grouped into one cause: one representative is triaged in full and \
            each other test is confirmed with a few runs of its own. \
            Your checkout, index and branch are never touched. Exit 0: no regression; 1: regressions; 2: bad input.
            """)

    @Option(help: "The pre-deploy revision (the baseline).") var before: String
    @Option(help: "The deploy revision.") var after: String
    @Option(help: "The configuration file (default: .heal.yml at the repository root).") var config: String?
    @Option(parsing: .upToNextOption, help: "Result files or folders of the baseline run.") var baseline: [String] = []
    @Option(parsing: .upToNextOption, help: "Result files or folders of the deploy run.") var current: [String] = []
    @Option(help: "A coverage report measured at the deploy (default: run coverage.command when configured).")
    var coverage: String?
    @Flag(help: "Print JSON: {before, after, regressions, causes, verdicts}.") var json = false
    @OptionGroup(title: "Production error logs (override errors: in .heal.yml)") var errorLogs: ErrorLogOptions

    func run() async throws {
        try await runReportingErrors {
            let report = try await HealTriage.run(TriageRequest(
                repositoryPath: FileManager.default.currentDirectoryPath, before: before, after: after, configPath: config,
                baselinePaths: baseline, currentPaths: current, coveragePath: coverage, errors: try errorLogs.overrides()))
            if json {
                try printJSON(TriageJSON(report))
            } else {
                print(TriageText.render(report), terminator: "")
            }
            return report.detection.regressions.isEmpty ? .success : .regressions
        }
    }
}

/// `heal triage --json`: the `regressions`, `causes` and `verdicts` parts of `heal run --json`.
private struct TriageJSON: Encodable {
    var before: String
    var after: String
    var regressions: [Regression]
    var causes: [CauseJSON]
    var verdicts: [VerdictJSON]

    init(_ report: TriageReport) {
        before = report.before.id.hex
        after = report.after.id.hex
        regressions = report.detection.regressions
        causes = report.causes.map(CauseJSON.init)
        verdicts = report.triaged.map(VerdictJSON.init)
    }
}

/// The human-readable report of `heal triage`.
private enum TriageText {
    static func render(_ report: TriageReport) -> String {
        var lines = ["triage \(report.before.id.short())..\(report.after.id.short()): "
                     + "\(report.detection.regressions.count) regression\(report.detection.regressions.count == 1 ? "" : "s")"]
        if report.detection.infraSuspect {
            lines.append("warning: most baseline-passing tests fail at once; suspect the infrastructure, not the code")
        }
        for cause in report.causes {
            let verdict = cause.verdict
            lines.append("")
            lines.append("\(verdict.verdict.rawValue): \(cause.representative)")
            for other in cause.tests.dropFirst() { lines.append("  same cause: \(other)") }
            lines.append("  reason: \(verdict.reason)")
            if let culprit = verdict.culprit {
                lines.append("  culprit: \(culprit.id.short()) \(culprit.summary)")
            } else if !verdict.culpritCandidates.isEmpty {
                lines.append("  culprit: one of \(verdict.culpritCandidates.map { $0.short() }.joined(separator: ", "))")
            }
            if !verdict.causalDiff.isEmpty {
                lines.append("  minimal causal hunks\(verdict.confidence == .low ? " (low confidence)" : ""):")
                for file in verdict.causalDiff {
                    for hunk in file.hunks {
                        lines.append("    \(file.path.string) @@ -\(hunk.oldStart),\(hunk.oldLines) +\(hunk.newStart),\(hunk.newLines) @@")
                    }
                }
            }
            lines.append("  runs: \(verdict.testRuns)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
