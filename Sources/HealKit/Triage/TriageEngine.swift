import Foundation
import GitKit

/// Triage for every regression of a deploy: the verdict from fresh reruns, and for an
/// introduced one the culprit commit and the minimal causal hunks (DESIGN.md, Triage).
///
/// Evidence is gathered cheapest first and stops as soon as `VerdictRules` can decide: an
/// infra-suspect run costs nothing, the baseline is re-checked only when its report is a stored
/// file, history and coverage are read before any rerun, and reruns stop at the first pass.
/// Every run goes through `runner`, which works in a checkout heal owns; the engine itself only
/// reads the repository.
public struct TriageEngine {
    public let repositoryPath: String
    public let runner: any TriageTestRunner
    public let options: TriageOptions
    /// The store's flake history of a test id (nil when there is no store).
    public let flakeHistory: (String) async throws -> FlakeHistory?

    public init(repositoryPath: String, runner: any TriageTestRunner, options: TriageOptions = TriageOptions(),
                flakeHistory: @escaping (String) async throws -> FlakeHistory? = { _ in nil }) {
        self.repositoryPath = repositoryPath
        self.runner = runner
        self.options = options
        self.flakeHistory = flakeHistory
    }

    /// Triages every regression of `input.detection`, in its order.
    public func triage(_ input: TriageInput) async throws -> [TriagedRegression] {
        let repository = try Repository(discovering: repositoryPath)
        var coverage = CoverageCache(runner: runner, given: input.coverage, deploy: input.after)
        var deployDiff: [FileDiff]?
        var results: [TriagedRegression] = []
        for regression in input.detection.regressions {
            if regression.kind == .buildFailure {
                results.append(try await triageBuildFailure(regression, input: input, coverage: &coverage, in: repository))
                continue
            }
            guard regression.kind == .newlyFailing || regression.kind == .newTestFailing else {
                results.append(TriagedRegression(verdict: TestVerdict(
                    test: regression.test, verdict: .ambiguous,
                    reason: "ambiguous: a \(regression.kind.rawValue) regression cannot be rerun as a single test; escalated",
                    testRuns: 0)))
                continue
            }
            let test = input.current.test(regression.test)
                ?? TestCase(id: regression.test, file: regression.file, outcome: .failed, message: regression.message)
            var evidence = VerdictEvidence(test: test.id, infraSuspect: input.detection.infraSuspect,
                                           requiredReruns: options.reruns)
            let outputs = try await gather(&evidence, test: test, input: input, coverage: &coverage,
                                           deployDiff: &deployDiff, in: repository)
            let rule = VerdictRules.decide(evidence)
            guard rule.kind == .introduced else {
                results.append(TriagedRegression(
                    verdict: TestVerdict(test: test.id, verdict: rule.kind, reason: rule.reason, testRuns: rule.runs),
                    evidenceRuns: rule.runs, deployReruns: evidence.deployRuns))
                continue
            }
            let failureOutput = ([test.message, test.output] + outputs).compactMap { $0 }.joined(separator: "\n")
            let probe: Probe = { commit, files in try await runner.runTest(test, at: commit, replacing: files).outcome }
            var triaged = try await locate(test.id, probe: probe, rule: rule, input: input, failureOutput: failureOutput,
                                           coverage: &coverage, in: repository)
            triaged.deployReruns = evidence.deployRuns
            results.append(triaged)
        }
        return results
    }

    /// Fills `evidence` in the order the rules read it, stopping once a rule decides; returns
    /// the failure output of the reruns.
    private func gather(_ evidence: inout VerdictEvidence, test: TestCase, input: TriageInput,
                        coverage: inout CoverageCache, deployDiff: inout [FileDiff]?,
                        in repository: Repository) async throws -> [String] {
        if evidence.infraSuspect { return [] }
        let baselineCase = input.baseline.test(test.id)
        evidence.isNewTest = baselineCase == nil
        evidence.baselineReportFailed = baselineCase?.outcome.isFailure ?? false
        if evidence.baselineReportFailed { return [] }
        if !input.baselineIsFresh && !evidence.isNewTest {
            for _ in 0..<options.baselineReruns {
                let run = try await runner.runTest(test, at: input.before, replacing: [:])
                evidence.baselineRuns.append(run.outcome)
                if run.outcome == .fail { return [] }
            }
        }
        if try await flakeHistory(test.id)?.isKnownFlaky == true {
            evidence.knownFlaky = true
            return []
        }
        if let map = try await coverage.map(at: input.after, in: repository),
           let lines = Self.lines(of: test.id, in: map, report: input.current) {
            let diff = try deployDiff ?? repository.diff(from: input.before.hex, to: input.after.hex,
                                                         options: Self.zeroContext).files
            deployDiff = diff
            let covered = CausalHunks.covered(diff: diff, coverage: lines).count
            evidence.coverage = covered > 0
                ? .executesChanges(hunks: covered)
                : .executesNoChange(changedHunks: HunkRef.all(in: diff).count)
            if covered == 0 { return [] }
        }
        var outputs: [String] = []
        for _ in 0..<options.reruns {
            let run = try await runner.runTest(test, at: input.after, replacing: [:])
            evidence.deployRuns.append(run.outcome)
            if let output = run.output { outputs.append(output) }
            if run.outcome != .fail { break }
        }
        return outputs
    }

    /// The lines `test` executes. A per-test map that names other tests of the report but not
    /// this one saw it run without executing any measured line: it depends only on the lines
    /// run outside tests. When the map names none of the report's tests, its ids are another
    /// dialect and nothing can be said.
    static func lines(of test: String, in map: CoverageMap, report: TestReport) -> CoveredLines? {
        if let lines = map.lines(forTest: test) { return lines }
        guard map.isPerTest, report.tests.contains(where: { map.tests[$0.id] != nil }) else { return nil }
        return map.outsideTests
    }

    static let zeroContext = DiffOptions(contextLines: 0, includeLines: true)
}
