import Foundation
import GitKit

/// One triage of a deploy's regressions into causes (see `TriageEngine`): the grouping, then
/// each group's members in order — confirmed against the group's cause once it has one,
/// otherwise (or when confirmation fails) triaged on their own.
struct CauseTriage {
    let engine: TriageEngine
    let input: TriageInput
    let repository: Repository
    /// The deploy's diff (baseline → deploy, zero context, with lines).
    let deployDiff: [FileDiff]
    var coverage: CoverageCache
    var drafts: [CauseDraft] = []
    var results: [String: TriagedRegression] = [:]
    /// Cause ids handed out so far (two slugs may collide).
    var causeIDs: Set<String> = []
    /// The files the deploy changed before a causal base, by base.
    var changedBefore: [ObjectID: Set<String>] = [:]
    private var reached = 0

    /// At most this many other causes are tried for a regression that triage found introduced
    /// but that grouping did not place, before its own culprit search.
    static let maxCausesTried = 3

    init(engine: TriageEngine, input: TriageInput) throws {
        self.engine = engine
        self.input = input
        repository = try Repository(discovering: engine.repositoryPath)
        deployDiff = try repository.diff(from: input.before.hex, to: input.after.hex, options: TriageEngine.zeroContext).files
        coverage = CoverageCache(runner: engine.runner, given: input.coverage, deploy: input.after)
    }

    var options: TriageOptions { engine.options }
    var runner: any TriageTestRunner { engine.runner }

    mutating func run() async throws -> TriageOutcome {
        let regressions = input.detection.regressions
        for group in try await groups(regressions) {
            var groupCause: Int?
            for index in group {
                try await triage(regressions[index], groupCause: &groupCause)
            }
        }
        return outcome(regressions)
    }

    /// One regression: its own verdict when its evidence decides without reruns, a member of
    /// the group's cause when confirmed, else its own full triage.
    private mutating func triage(_ regression: Regression, groupCause: inout Int?) async throws {
        reached += 1
        let position = "\(reached) of \(input.detection.regressions.count)"
        if regression.kind == .buildFailure {
            engine.progress("triaging the build of \(regression.test) (\(position))…")
            results[regression.test] = try await triageBuildFailure(regression)
            return
        }
        guard Self.isRerunnable(regression) else {
            engine.progress("triaging \(regression.test) (\(position))…")
            results[regression.test] = TriagedRegression(verdict: TestVerdict(
                test: regression.test, verdict: .ambiguous,
                reason: "ambiguous: a \(regression.kind.rawValue) regression cannot be rerun as a single test; escalated",
                testRuns: 0))
            return
        }
        let test = input.current.test(regression.test)
            ?? TestCase(id: regression.test, file: regression.file, outcome: .failed, message: regression.message)
        var evidence = try await evidence(for: test)
        if VerdictRules.decidesBeforeReruns(evidence) {
            engine.progress("triaging \(test.id) (\(position))…")
            record(test, VerdictRules.decide(evidence), evidence: evidence)
            return
        }
        // Runs of confirmations that did not hold and that the evidence does not already count.
        var spent = 0
        if let index = groupCause {
            engine.progress("confirming \(test.id) as cause \(drafts[index].id) (\(position))…")
            switch try await confirm(test, evidence: &evidence, in: index, strict: true) {
            case .joined(let member):
                results[test.id] = member
                return
            case .rejected(let runs):
                spent += runs
            }
        }
        engine.progress("triaging \(test.id) (\(position))…")
        let outputs = try await rerun(test, evidence: &evidence)
        var rule = VerdictRules.decide(evidence)
        guard rule.kind == .introduced else {
            // A rerun that ran but did not run the test: the runner's own words and the command.
            if evidence.deployRuns.last == .skip, let said = outputs.last { rule.reason += ": " + said }
            record(test, rule, evidence: evidence, spent: spent)
            return
        }
        for index in try await causesToTry(for: test, excluding: groupCause) {
            switch try await confirm(test, evidence: &evidence, in: index, strict: false) {
            case .joined(var member):
                member.confirmationRuns += spent
                member.verdict.testRuns += spent
                drafts[index].runs += spent
                results[test.id] = member
                groupCause = groupCause ?? index
                return
            case .rejected(let runs):
                spent += runs
            }
        }
        let failureOutput = ([test.message, test.output] + outputs).compactMap { $0 }.joined(separator: "\n")
        var (triaged, draft) = try await locate(test.id, probe: probe(test), rule: rule, failureOutput: failureOutput)
        triaged.deployReruns = evidence.deployRuns
        triaged.confirmationRuns = spent
        triaged.verdict.testRuns += spent
        results[test.id] = triaged
        if var draft {
            draft.id = newCauseID(representative: test.id)
            draft.runs = triaged.verdict.testRuns
            drafts.append(draft)
            groupCause = groupCause ?? drafts.count - 1
        }
    }

    /// A verdict decided by the rules alone (pre-existing, or ambiguous).
    private mutating func record(_ test: TestCase, _ rule: RuleVerdict, evidence: VerdictEvidence, spent: Int = 0) {
        var rule = rule
        if evidence.coverage != .unavailable, let source = coverage.source(of: test.id, at: input.after) {
            rule.reason += " (coverage: \(source))"
        }
        results[test.id] = TriagedRegression(
            verdict: TestVerdict(test: test.id, verdict: rule.kind, reason: rule.reason, testRuns: rule.runs + spent),
            evidenceRuns: rule.runs, confirmationRuns: spent, deployReruns: evidence.deployRuns)
    }

    /// Tests and new tests are rerun one by one; build failures are built again; the other kinds
    /// (missing tests, score drops, error signatures) need a triage of their own kind.
    static func isRerunnable(_ regression: Regression) -> Bool {
        regression.kind == .newlyFailing || regression.kind == .newTestFailing
    }
}
