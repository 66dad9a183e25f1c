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
            Your checkout, index and branch are never touched. Exit 0: no regression; 1: regressions; 2: bad input.
            """)

    @Option(help: "The pre-deploy revision (the baseline).") var before: String
    @Option(help: "The deploy revision.") var after: String
    @Option(help: "The configuration file (default: .heal.yml at the repository root).") var config: String?
    @Option(parsing: .upToNextOption, help: "Result files or folders of the baseline run.") var baseline: [String] = []
    @Option(parsing: .upToNextOption, help: "Result files or folders of the deploy run.") var current: [String] = []
    @Option(help: "A coverage report measured at the deploy (default: run coverage.command when configured).")
    var coverage: String?
    @Flag(help: "Print JSON: {before, after, regressions, verdicts}.") var json = false

    func run() async throws {
        try await runReportingErrors {
            guard baseline.isEmpty == current.isEmpty else {
                throw TriageUsageError(description: "--baseline and --current go together: pass result files for both sides, "
                                       + "or neither to have heal run the suite at both commits")
            }
            let repository = try Repository(discovering: FileManager.default.currentDirectoryPath)
            guard let root = repository.workingDirectory else {
                throw TriageUsageError(description: "heal triage needs a working tree, not a bare repository: run it in a checkout")
            }
            let healConfig = try HealConfig.load(configPath: config, repositoryRoot: root)
            let store = try await StoreFactory.open(setting: healConfig.store.yamlValue,
                                                    commonDirectory: repository.commonDirectory)
            let report: TriageReport
            do {
                report = try await TriageSession.run(
                    TriageRequest(repositoryPath: root, before: before, after: after, config: healConfig,
                                  baselinePaths: baseline, currentPaths: current, coveragePath: coverage),
                    store: store)
            } catch {
                await store.close()
                throw error
            }
            await store.close()
            if json {
                try printJSON(TriageJSON(report))
            } else {
                print(TriageText.render(report), terminator: "")
            }
            return report.detection.regressions.isEmpty ? .success : .regressions
        }
    }
}

/// A usage mistake the user fixes on the command line (exit 2, as the contract says).
private struct TriageUsageError: UserInputError {
    var description: String
}

/// `heal triage --json`: the `regressions` and `verdicts` parts of `heal run --json`.
private struct TriageJSON: Encodable {
    var before: String
    var after: String
    var regressions: [Regression]
    var verdicts: [VerdictJSON]

    init(_ report: TriageReport) {
        before = report.before.id.hex
        after = report.after.id.hex
        regressions = report.detection.regressions
        verdicts = report.triaged.map { VerdictJSON($0.verdict) }
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
        for item in report.triaged {
            let verdict = item.verdict
            lines.append("")
            lines.append("\(verdict.verdict.rawValue): \(verdict.test)")
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
