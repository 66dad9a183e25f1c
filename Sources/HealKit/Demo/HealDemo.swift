import Foundation
import GitKit

/// `heal demo`: builds a sample Python repository with two deploys and runs the real loop on
/// them, narrating for a newcomer. Offline; the repository is kept for poking around.
///
/// Part 1: a deploy of three commits, one of which hides a regression among benign hunks while
/// a flaky test flickers: detection, the verdicts (introduced vs ambiguous), the culprit, the
/// minimal causal hunk, the verified fix branch and its staged PR body. Part 2: a regression
/// the revert agent cannot fix (the revert breaks the deploy's new test); the loop runs
/// `fix.max-attempts` times, the breaker opens, and the escalation ticket is printed. Part 3: the
/// shop's support assistant, a small sampled model, drops its eval scores after a deploy: the
/// drop is confirmed with fresh samples, its culprit and hunk found by noisy probes, the fix
/// verified by score; the noisy cases are left alone.
public struct HealDemo: Sendable {
    /// The sample repository's working tree.
    public let directory: String
    let say: @Sendable (String) -> Void

    /// - Parameters:
    ///   - directory: an empty or missing folder; nil for a fresh temporary one.
    ///   - output: receives the narration, a line (or block) at a time.
    public init(directory: String?, output: @escaping @Sendable (String) -> Void) throws {
        self.directory = try Self.prepare(directory)
        counterDirectory = try Self.prepare(nil, label: "heal-demo-flake-")
        say = output
    }

    /// Where the flaky test counts its runs: outside the sample repository, and the one folder
    /// besides their scratch copy the sandboxed test runs may write to.
    let counterDirectory: String

    /// Runs both parts and returns what a caller may want to look at.
    ///
    /// The flaky test's counter file is named through an environment variable of this process
    /// (the suite's processes inherit it), so run one demo per process.
    public func run() async throws -> DemoSummary {
        let clock = ContinuousClock()
        let start = clock.now
        let prerequisites = try await DemoPrerequisites.check()
        let repository = try await DemoRepository.create(at: directory)
        setenv(DemoProject.flakeCounterVariable, counterDirectory + "/flake-counter", 1)

        say("""
            heal demo: the self-healing loop on a sample Python shop, offline, with the built-in revert agent.
            Sample repository: \(directory) (kept; look around afterwards)
            Per-test coverage: \(prerequisites.coverage ? "on (pytest-cov)" : "off (pytest-cov is not installed; triage falls back to reruns and the failure output)")

            """)
        let fixed = try await partOne(repository, coverage: prerequisites.coverage)
        let ticket = try await partTwo(repository)
        let evalFix = try await partThree(repository, coverage: prerequisites.coverage)
        let seconds = Self.seconds(clock.now - start)
        say("""

            Done in \(String(format: "%.1f", seconds)) s. Nothing was merged and main never moved: the fix waits on its branch for a human.
            Look around:
              cd \(directory)
              git log --oneline --graph --all     # main, the deploy tags, heal's fix branch
              git diff deploy-2 \(fixed.branch)   # the fix
              git diff deploy-5 \(evalFix)        # the eval regression's fix
              heal status                         # breakers, tickets, runs, time to a staged fix
            """)
        return DemoSummary(directory: directory, fixBranch: fixed.branch, prBody: fixed.prBody, ticket: ticket,
                           evalFixBranch: evalFix, seconds: seconds)
    }

    // MARK: - Part 1

    private func partOne(_ repository: DemoRepository, coverage: Bool) async throws -> (branch: String, prBody: String) {
        let baseline = DemoProject.baseline(coverage: coverage, counterDirectory: counterDirectory)
        let base = try await repository.commit(baseline, date: 9)
        try await repository.tag("deploy-1")
        let commits = try await repository.deploy(DemoProject.deploy, firstDate: 10, tag: "deploy-2")
        say("""
            ── Part 1: a deploy with a hidden regression and a flaky test ──
            deploy-1  \(base.prefix(7))  \(baseline.message)   (every test passes)
            deploy-2 adds \(commits.count) commits:
            \(zip(commits, DemoProject.deploy).map { "  \($0.prefix(7))  \($1.message)" }.joined(separator: "\n"))
            One of them breaks discount codes among harmless changes; \(DemoProject.flakyTest) flickers.

            $ heal run --after deploy-2        (--before defaults to the previous deploy tag, deploy-1)
            """)
        let report = try await HealRun(options: HealRunOptions(repositoryPath: directory, after: "deploy-2"),
                                       progress: { [say] in say("    heal: " + $0) }).run()
        say(DemoNarration.partOne(report))

        guard let flaky = report.triaged.first(where: { $0.verdict.test == DemoProject.flakyTest }),
              flaky.verdict.verdict == .ambiguous else {
            throw DemoError(problem: "expected \(DemoProject.flakyTest) to be triaged ambiguous; got \(Self.verdicts(report))")
        }
        guard let regression = report.triaged.first(where: { $0.verdict.test == DemoProject.regressingTest }),
              regression.verdict.verdict == .introduced, regression.verdict.culprit?.id.hex == commits[1] else {
            throw DemoError(problem: "expected \(DemoProject.regressingTest) to be introduced by \(commits[1].prefix(7)); got \(Self.verdicts(report))")
        }
        guard let dispatch = report.dispatches.first(where: { $0.test == DemoProject.regressingTest }),
              dispatch.outcome == .staged, let branch = dispatch.branch, let prBody = dispatch.prBody else {
            throw DemoError(problem: "expected a staged fix for \(DemoProject.regressingTest); got \(report.dispatches)")
        }
        let fix = try await repository.git(["log", "-1", "--format=%h %s", branch]).trimmingCharacters(in: .whitespacesAndNewlines)
        let body = try String(contentsOfFile: prBody, encoding: .utf8)
        say("""
            The verified fix branch: \(branch)  (\(fix))
            The staged PR body, \(prBody):

            \(DemoNarration.indent(body, by: "  │ "))
            """)
        return (branch, prBody)
    }

    // MARK: - Part 2

    private func partTwo(_ repository: DemoRepository) async throws -> String {
        let commit = try await repository.commit(DemoProject.unfixable, date: 20)
        try await repository.tag("deploy-3")
        let maxAttempts = try HealConfig.load(repositoryRoot: directory).fix.maxAttempts
        say("""

            ── Part 2: a regression the revert agent cannot fix ──
            deploy-3  \(commit.prefix(7))  \(DemoProject.unfixable.message)
            It raises VAT and adds a test pinning 25%, but \(DemoProject.unfixableTest) still expects 20%.
            Reverting the causal hunk fixes that test and breaks the new one, so verification fails every time.
            The circuit breaker opens after fix.max-attempts = \(maxAttempts) failed attempts; heal stops and escalates.

            """)
        var report: HealRunReport?
        for run in 1...maxAttempts {
            say("$ heal run --after deploy-3        (run \(run) of \(maxAttempts))")
            let current = try await HealRun(options: HealRunOptions(repositoryPath: directory, after: "deploy-3")).run()
            say(DemoNarration.attempt(current, test: DemoProject.unfixableTest, maxAttempts: maxAttempts))
            report = current
        }
        guard let last = report, let escalation = last.escalations.first(where: { $0.test == DemoProject.unfixableTest }) else {
            throw DemoError(problem: "expected the breaker of \(DemoProject.unfixableTest) to open and escalate after \(maxAttempts) runs")
        }
        let ticket = try String(contentsOfFile: escalation.ticket, encoding: .utf8)
        say("""

            The escalation ticket, \(escalation.ticket):

            \(DemoNarration.indent(ticket, by: "  │ "))
            """)
        return escalation.ticket
    }

    // MARK: - Helpers

    private static func verdicts(_ report: HealRunReport) -> String {
        report.triaged.map { "\($0.verdict.test): \($0.verdict.verdict.rawValue) (\($0.verdict.reason))" }.joined(separator: "; ")
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// The demo's folder: `path` created if missing and refused unless empty; a fresh temporary
    /// folder when nil. Returned without symlinks, as git reports paths.
    private static func prepare(_ path: String?, label: String = "heal-demo-") throws -> String {
        let fileManager = FileManager.default
        let chosen = path ?? fileManager.temporaryDirectory.path + "/" + label + UUID().uuidString.prefix(8).lowercased()
        let absolute = URL(fileURLWithPath: chosen).standardizedFileURL.path
        if fileManager.fileExists(atPath: absolute) {
            let contents = (try? fileManager.contentsOfDirectory(atPath: absolute)) ?? ["?"]
            guard contents.isEmpty else { throw DemoDirectoryNotEmpty(path: absolute) }
        } else {
            try fileManager.createDirectory(atPath: absolute, withIntermediateDirectories: true)
        }
        return URL(fileURLWithPath: absolute).resolvingSymlinksInPath().path
    }
}

/// What `heal demo` produced.
public struct DemoSummary: Sendable, Equatable {
    public var directory: String
    /// Part 1's verified fix branch and its staged PR body.
    public var fixBranch: String
    public var prBody: String
    /// Part 2's escalation ticket.
    public var ticket: String
    /// Part 3's verified fix of the eval regression.
    public var evalFixBranch: String
    /// Wall time of the whole demo.
    public var seconds: Double
}

/// `heal demo --dir` named a folder that already has something in it.
public struct DemoDirectoryNotEmpty: UserInputError {
    public var path: String
    public var description: String {
        "\(path) is not empty; heal demo builds its sample repository in an empty or new folder\n  fix: pass another --dir, or leave it out for a fresh temporary folder"
    }
}
