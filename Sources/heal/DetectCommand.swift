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
            from the content. With --errors-baseline and --errors-current (or, without test reports, the errors: \
            section of .heal.yml) it also judges production error logs: an error signature (exception type + \
            innermost frame in the repository at HEAD) that is new or significantly more frequent after the deploy \
            is a regression (new-error, error-spike). Exit 0: no regression; 1: regressions; 2: bad input.
            """)

    @Option(parsing: .upToNextOption, help: "Report files or directories of the pre-deploy run.") var baseline: [String] = []
    @Option(parsing: .upToNextOption, help: "Report files or directories of the post-deploy run.") var current: [String] = []
    @OptionGroup var errorLogs: ErrorLogOptions
    @Option(help: "auto | junit | pytest-json | tap | go-json | unittest | libtest | scores.") var format: ReportFormat = .auto
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
            guard baseline.isEmpty == current.isEmpty else { throw ValidationError("give both --baseline and --current") }
            let root = try repositoryRoot()
            let errors = try errorSettings(root: root)
            guard !baseline.isEmpty || errors != nil else {
                throw ValidationError("give --baseline and --current (test reports), or --errors-baseline and --errors-current (error logs)")
            }
            let loader = ReportLoader(repositoryRoot: root)
            // The two sides are independent; reading them at once halves the wait on two cores.
            let (baseline, current) = (self.baseline, self.current)
            async let before = Task.detached { baseline.isEmpty ? TestReport(tests: []) : try loader.load(paths: baseline, format: format) }.value
            async let after = Task.detached { current.isEmpty ? TestReport(tests: []) : try loader.load(paths: current, format: format) }.value
            let (baselineReport, currentReport) = try await (before, after)
            let options = DetectionOptions(missingIsRegression: missingIsRegression, scoreThreshold: scoreThreshold,
                                           scoreDelta: scoreDelta, alpha: alpha, infraSuspectFraction: infraFraction)
            var result = Detector.detect(baseline: baselineReport, current: currentReport, options: options)
            var grade: ErrorLogGrader.Grade?
            if let errors {
                let files = try root.map { try ErrorLogLoader(repositoryPath: $0, revision: "HEAD", pathPrefixes: errors.pathPrefixes) }
                    ?? ErrorLogLoader(repositoryFiles: [], pathPrefixes: errors.pathPrefixes)
                let graded = try await ErrorLogGrader(settings: errors, loader: files,
                                                      directory: root ?? FileManager.default.currentDirectoryPath).grade()
                result.regressions += graded.detection.regressions
                grade = graded
            }
            if json {
                try printJSON(DetectJSON(result: result, baseline: baselineReport.problems, current: currentReport.problems,
                                         errors: grade?.json))
            } else {
                print(DetectSummaryText.render(result, baselineProblems: baselineReport.problems,
                                               currentProblems: currentReport.problems, tests: !baseline.isEmpty, errors: grade),
                      terminator: "")
            }
            return result.regressions.isEmpty ? .success : .regressions
        }
    }

    /// The error-log settings: the flags over `.heal.yml`'s `errors:` (read only when error logs
    /// are judged: by flag, or when no test reports are given).
    private func errorSettings(root: String?) throws -> HealConfig.Errors? {
        let overrides = try errorLogs.overrides()
        guard errorLogs.isGiven || baseline.isEmpty, let root else { return overrides.apply(to: nil) }
        return overrides.apply(to: try HealConfig.load(repositoryRoot: root).errors)
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
    var errors: ErrorDetectionJSON?

    enum CodingKeys: String, CodingKey { case regressions, fixed, missing, infraSuspect, summary, problems, errorLogs }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(result.regressions, forKey: .regressions)
        try container.encode(result.fixed, forKey: .fixed)
        try container.encode(result.missing, forKey: .missing)
        try container.encode(result.infraSuspect, forKey: .infraSuspect)
        try container.encode(result.summary, forKey: .summary)
        try container.encode(["baseline": baseline, "current": current], forKey: .problems)
        try container.encodeIfPresent(errors, forKey: .errorLogs)
    }
}

/// The human-readable report of `heal detect`.
private enum DetectSummaryText {
    static func render(_ result: DetectionResult, baselineProblems: ReportProblems, currentProblems: ReportProblems,
                       tests: Bool, errors: ErrorLogGrader.Grade?) -> String {
        var lines: [String] = []
        if let errors {
            for (side, window) in [("baseline", errors.json.baseline), ("current", errors.json.current)] where !window.problems.isEmpty {
                lines.append("\(side) error logs: \(window.problems.count) line\(window.problems.count == 1 ? "" : "s") could not be used:")
                lines += window.problems.first.map { "  \($0)" }
                if window.problems.count > window.problems.first.count { lines.append("  … and \(window.problems.count - window.problems.first.count) more") }
            }
        }
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
            if let counts = regression.errors {
                line += String(format: " (%d → %d events, %.3g/h → %.3g/h, p = %.2g, Holm %.2g)", counts.baselineCount,
                               counts.currentCount, counts.baselineRate, counts.currentRate, regression.pValue ?? 1,
                               counts.adjustedPValue)
            } else if let before = regression.baselineScore, let now = regression.currentScore {
                line += String(format: " (score %.4g → %.4g)", before, now)
            } else if let now = regression.currentScore {
                line += String(format: " (score %.4g)", now)
            }
            if let message = regression.message?.split(separator: "\n").first { line += "\n    \(message)" }
            lines.append(line)
        }
        let summary = result.summary
        if tests { lines.append("\(summary.regressions) regression\(summary.regressions == 1 ? "" : "s") "
                     + "(\(summary.newlyFailing) newly failing, \(summary.newTestFailing) new failing, \(summary.scoreDrops) score drops); "
                     + "\(summary.fixed) fixed, \(summary.missing) missing, \(summary.stillFailing) still failing; "
                     + "\(summary.baselineTests) → \(summary.currentTests) tests") }
        if let errors {
            let json = errors.json
            lines.append("error logs: \(json.baseline.errors) → \(json.current.errors) errors in "
                         + "\(DurationText.describe(json.baseline.seconds)) → \(DurationText.describe(json.current.seconds)); "
                         + "\(json.tested) signature\(json.tested == 1 ? "" : "s") tested (exact Poisson, Holm, alpha \(json.alpha)); "
                         + "\(errors.detection.regressions.count) regressed")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
