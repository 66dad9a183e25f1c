import GitKit

/// Coverage by commit for one triage: a given report stands for the deploy commit; other
/// commits are measured by the runner at most once each, or — when the project has no coverage
/// command — get the given report carried back through the diff.
struct CoverageCache {
    let runner: any TriageTestRunner
    let given: CoverageMap?
    let deploy: ObjectID
    private var maps: [ObjectID: CoverageMap?] = [:]
    /// Each test's own coverage by commit (`coverage.test`); a nil value: measured, nothing came.
    private var own: [ObjectID: [String: CoveredLines?]] = [:]
    /// What each test's lines came from, by commit.
    private var sources: [ObjectID: [String: CoverageSource]] = [:]

    init(runner: any TriageTestRunner, given: CoverageMap?, deploy: ObjectID) {
        self.runner = runner
        self.given = given
        self.deploy = deploy
        if let given { maps[deploy] = given }
    }

    /// The coverage at `commit`, or nil when there is none.
    mutating func map(at commit: ObjectID, in repository: Repository) async throws -> CoverageMap? {
        if let known = maps[commit] { return known }
        var found = try await runner.coverage(at: commit)
        if found == nil, let given {
            let diff = try repository.diff(from: commit.hex, to: deploy.hex, options: DiffOptions(contextLines: 0)).files
            found = CoverageBackMapping.map(given, through: diff)
        }
        maps[commit] = found
        return found
    }

    /// The lines `test` depends on at `commit`: its own coverage (`coverage.test`) when the
    /// project has that command, else the suite's — per test when it has contexts, else all of
    /// it (a superset). Nil when there is no coverage or it cannot speak for this test.
    mutating func lines(of test: TestCase, at commit: ObjectID, report: TestReport,
                        in repository: Repository) async throws -> CoveredLines? {
        if let measured = own[commit]?[test.id] {
            if let measured { return measured }
        } else {
            let lines = try await runner.coverage(of: test, at: commit)?.lines(forTest: test.id)
            own[commit, default: [:]][test.id] = .some(lines)
            if let lines {
                sources[commit, default: [:]][test.id] = .ownRun
                return lines
            }
        }
        guard let map = try await map(at: commit, in: repository),
              let lines = TriageEngine.lines(of: test.id, in: map, report: report) else { return nil }
        sources[commit, default: [:]][test.id] = map.isPerTest ? .perTestContexts : .wholeSuite
        return lines
    }

    /// Which coverage `lines(of:at:report:in:)` used for `test` at `commit`, for the verdict.
    func source(of test: String, at commit: ObjectID) -> CoverageSource? {
        sources[commit]?[test]
    }
}

/// Where the lines triage used for a test came from; a verdict names it.
enum CoverageSource: CustomStringConvertible {
    /// `coverage.test`: the test run alone.
    case ownRun
    /// `coverage.command` with per-test data (coverage.py contexts, LCOV `TN:` records).
    case perTestContexts
    /// `coverage.command` without per-test data: every line the suite ran, a superset.
    case wholeSuite

    /// Whether the lines are this test's own, fit to tell tests apart (grouping).
    var isPerTest: Bool { self != .wholeSuite }

    var description: String {
        switch self {
        case .ownRun: "the test's own coverage (coverage.test)"
        case .perTestContexts: "per-test coverage of the suite (coverage.command)"
        case .wholeSuite: "the whole suite's coverage (coverage.command, not per test: a superset of the test's lines)"
        }
    }
}
