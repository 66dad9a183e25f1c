import Foundation
import GitKit

/// Triage for every regression of a deploy, cause by cause (DESIGN.md, Triage): the
/// regressions are grouped from cheap facts (`CauseGrouping`), one representative per group
/// gets the full triage — the verdict from fresh reruns, then the culprit commit and the
/// minimal causal hunks — and every other member is confirmed with its own runs (it fails at
/// the culprit, passes there with the cause's causal hunks reverted, and passes at the
/// culprit's parent) or else is triaged on its own, and may found a cause of its own.
///
/// Evidence is gathered cheapest first and stops as soon as `VerdictRules` can decide: an
/// infra-suspect run costs nothing, the baseline is re-checked only when its report is a stored
/// file, history and coverage are read before any rerun, and reruns stop at the first pass.
/// Every run goes through `runner`, which works in a directory heal owns; the engine itself only
/// reads the repository.
public struct TriageEngine {
    public let repositoryPath: String
    public let runner: any TriageTestRunner
    public let options: TriageOptions
    /// The store's flake history of a test id (nil when there is no store).
    public let flakeHistory: (String) async throws -> FlakeHistory?
    /// One line per regression as triage reaches it.
    public let progress: @Sendable (String) -> Void

    public init(repositoryPath: String, runner: any TriageTestRunner, options: TriageOptions = TriageOptions(),
                flakeHistory: @escaping (String) async throws -> FlakeHistory? = { _ in nil },
                progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.repositoryPath = repositoryPath
        self.runner = runner
        self.options = options
        self.flakeHistory = flakeHistory
        self.progress = progress
    }

    /// Triages every regression of `input.detection` into causes.
    public func triage(_ input: TriageInput) async throws -> TriageOutcome {
        var triage = try CauseTriage(engine: self, input: input)
        return try await triage.run()
    }

    /// The lines `test` executes. A per-test map that names other tests of the report but not
    /// this one saw it run without executing any measured line: it depends only on the lines
    /// run outside tests. When the map names none of the report's tests, its ids are another
    /// dialect and nothing can be said.
    static func lines(of test: String, in map: CoverageMap, report: TestReport) -> CoveredLines? {
        // Coverage that is not per test (Go, node, llvm-cov, coverage.py without contexts) is a
        // superset of what the test runs: never a false "runs none of the changes".
        if !map.isPerTest { return map.outsideTests }
        if let lines = map.lines(forTest: test) { return lines }
        guard map.isPerTest, report.tests.contains(where: { map.tests[$0.id] != nil }) else { return nil }
        return map.outsideTests
    }

    static let zeroContext = DiffOptions(contextLines: 0, includeLines: true)
}
