import ArgumentParser
import Foundation
import GitKit
import HealKit

struct DetectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detect",
        abstract: "Compare test results and eval scores before and after a deploy and list the regressions.",
        discussion: """
            Reads JUnit XML (pytest, Surefire, jest-junit, gotestsum, swift test), pytest-json-report, TAP, \
            go test -json and eval scores (JSON or JSON Lines), from files or directories, format detected \
            from the content. Exit 0: no regression; 1: regressions; 2: bad input.
            """)

    @Option(parsing: .upToNextOption, help: "Report files or directories of the pre-deploy run.") var baseline: [String]
    @Option(parsing: .upToNextOption, help: "Report files or directories of the post-deploy run.") var current: [String]
    @Option(help: "auto | junit | pytest-json | tap | go-json | scores.") var format: ReportFormat = .auto
    @Flag(help: "Print JSON: {regressions: [{test, kind, …}], fixed, missing, infraSuspect, summary, problems}.") var json = false
    @Option(name: .customLong("repo"), help: "The repository the reports come from, to rebuild pytest nodeids (default: the git repository around the current directory).")
    var repo: String?
    @Flag(name: .customLong("missing-is-regression"), help: "Count baseline tests that disappeared as regressions.") var missingIsRegression = false
    @Option(name: .customLong("score-threshold"), help: "An eval case scoring below this regressed.") var scoreThreshold: Double?
    @Option(name: .customLong("score-delta"), help: "An eval case whose mean drops by more than this regressed.") var scoreDelta: Double = 0.05
    @Option(help: "Significance level of the Mann-Whitney U test on several score samples.") var alpha: Double = 0.05
    @Option(name: .customLong("infra-fraction"), help: "Flag an infrastructure problem when more than this fraction of passing tests fail.")
    var infraFraction: Double = 0.8

    func run() async throws {
        try await runReportingErrors {
            guard (0...1).contains(alpha), alpha > 0 else { throw ValidationError("--alpha must be in (0, 1], got \(alpha)") }
            guard (0...1).contains(infraFraction) else { throw ValidationError("--infra-fraction must be in [0, 1], got \(infraFraction)") }
            let loader = ReportLoader(repositoryRoot: try repositoryRoot())
            // The two sides are independent; reading them at once halves the wait on two cores.
            async let before = Task.detached { try loader.load(paths: baseline, format: format) }.value
            async let after = Task.detached { try loader.load(paths: current, format: format) }.value
            let (baselineReport, currentReport) = try await (before, after)
            let options = DetectionOptions(missingIsRegression: missingIsRegression, scoreThreshold: scoreThreshold,
                                           scoreDelta: scoreDelta, alpha: alpha, infraSuspectFraction: infraFraction)
            let result = Detector.detect(baseline: baselineReport, current: currentReport, options: options)
            if json {
                try printJSON(DetectJSON(result: result, baseline: baselineReport.problems, current: currentReport.problems))
            } else {
                print(DetectSummaryText.render(result, baselineProblems: baselineReport.problems,
                                               currentProblems: currentReport.problems), terminator: "")
            }
            return result.regressions.isEmpty ? .success : .regressions
        }
    }

    /// `--repo`, or the working tree around the current directory; none outside a repository.
    private func repositoryRoot() throws -> String? {
        if let repo {
            guard let root = try Repository(discovering: repo).workingDirectory else {
                throw ValidationError("--repo \(repo) is a bare repository; pass its working tree")
            }
            return root
        }
        return (try? Repository(discovering: FileManager.default.currentDirectoryPath))?.workingDirectory
    }
}

extension ReportFormat: ExpressibleByArgument {}

/// `heal detect --json`: the detection result plus what each side could not read.
private struct DetectJSON: Encodable {
    var result: DetectionResult
    var baseline: ReportProblems
    var current: ReportProblems

    enum CodingKeys: String, CodingKey { case regressions, fixed, missing, infraSuspect, summary, problems }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(result.regressions, forKey: .regressions)
        try container.encode(result.fixed, forKey: .fixed)
        try container.encode(result.missing, forKey: .missing)
        try container.encode(result.infraSuspect, forKey: .infraSuspect)
        try container.encode(result.summary, forKey: .summary)
        try container.encode(["baseline": baseline, "current": current], forKey: .problems)
    }
}

/// The human-readable report of `heal detect`.
private enum DetectSummaryText {
    static func render(_ result: DetectionResult, baselineProblems: ReportProblems, currentProblems: ReportProblems) -> String {
        var lines: [String] = []
        for (side, problems) in [("baseline", baselineProblems), ("current", currentProblems)] where !problems.isEmpty {
            lines.append("\(side): \(problems.count) entr\(problems.count == 1 ? "y" : "ies") could not be used:")
            lines += problems.first.map { "  \($0)" }
            if problems.count > problems.first.count { lines.append("  … and \(problems.count - problems.first.count) more") }
        }
        if result.infraSuspect {
            lines.append("warning: most baseline-passing tests fail now; suspect the infrastructure, not the code")
        }
        for regression in result.regressions {
            var line = "\(regression.kind.rawValue): \(regression.test)"
            if let before = regression.baselineScore, let now = regression.currentScore {
                line += String(format: " (score %.4g → %.4g)", before, now)
            } else if let now = regression.currentScore {
                line += String(format: " (score %.4g)", now)
            }
            if let message = regression.message?.split(separator: "\n").first { line += "\n    \(message)" }
            lines.append(line)
        }
        let summary = result.summary
        lines.append("\(summary.regressions) regression\(summary.regressions == 1 ? "" : "s") "
                     + "(\(summary.newlyFailing) newly failing, \(summary.newTestFailing) new failing, \(summary.scoreDrops) score drops); "
                     + "\(summary.fixed) fixed, \(summary.missing) missing, \(summary.stillFailing) still failing; "
                     + "\(summary.baselineTests) → \(summary.currentTests) tests")
        return lines.joined(separator: "\n") + "\n"
    }
}
