import Foundation
import GitKit

/// Runs the configured suite, single-test and coverage commands in scratch directories holding
/// a commit's tree (or in a directory the caller prepared), each a fresh process whose group is killed at the timeout,
/// and grades runs from the results file they write — not from the exit code, which a crash,
/// a build failure and a failing test all share.
///
/// Each run keeps `command.txt`, `output.log` and its results under
/// `<git-common-dir>/heal/runs/<id>/`. Whole-suite results at a commit are cached by (tree id,
/// command) when a cache is given. The user's checkout, index and branch are never touched.
public struct TestRunner: Sendable {
    public let repositoryPath: String
    public let suite: HealConfig.Suite
    public let coverage: HealConfig.Coverage
    public let cache: (any SuiteResultCache)?
    /// `sandbox:`, which every command runs under (as `Containment.Role.project`).
    public let sandbox: HealConfig.Sandbox
    let workArea: WorkArea
    /// The directory kept between runs at a fixed path, so compiled projects build
    /// incrementally (see `WarmDirectory`); nil runs every commit in a fresh directory.
    public var warm: WarmDirectory?
    /// Whether the code this runner runs at a revision may leave build products for later
    /// runs; false for a fix under verification, which runs on a copy of the warm directory.
    public var trustsWarmRuns = true

    /// - Parameters:
    ///   - repositoryPath: any path inside the repository.
    ///   - config: supplies `suite`, `coverage` and `sandbox`.
    ///   - cache: where whole-suite results are remembered; nil runs every time.
    public init(repositoryPath: String, config: HealConfig, cache: (any SuiteResultCache)? = nil) throws {
        self.repositoryPath = repositoryPath
        suite = config.suite
        coverage = config.coverage
        self.cache = cache
        sandbox = config.sandbox
        workArea = try WorkArea(repositoryPath: repositoryPath)
    }

    /// The whole suite at `revision`, from the cache when this tree already ran this command
    /// (unless `cached` is false: a fix under verification is always run).
    public func runSuite(at revision: String, cached: Bool = true) async throws -> SuiteRun {
        let treeID = try Repository(discovering: repositoryPath).commit(revision).treeID.hex
        let cache = cached ? cache : nil
        if let cache, let payload = try await cache.cachedSuiteResult(treeID: treeID, command: suite.command),
           let report = SuiteResultPayload.decode(payload) {
            return SuiteRun(report: report, couldNotRunReason: nil, process: nil, runDirectory: nil, fromCache: true)
        }
        let run = try await withTree(at: revision, label: "suite") { export in
            try await runSuite(in: export.directory, revision: revision)
        }
        if let cache, let report = run.report {
            try await cache.storeSuiteResult(treeID: treeID, command: suite.command,
                                             payload: SuiteResultPayload.encode(report))
        }
        return run
    }

    /// The whole suite in `directory` (a directory the caller prepared, e.g. with a fix applied);
    /// never cached, since the directory may differ from any commit.
    public func runSuite(in directory: String) async throws -> SuiteRun {
        try await runSuite(in: directory, revision: nil)
    }

    /// One test at `revision`, in a fresh scratch directory.
    public func runTest(_ target: TestTarget, at revision: String) async throws -> SingleTestExecution {
        try await withTree(at: revision, label: "test") { export in
            try await runTest(target, in: export.directory, revision: revision)
        }
    }

    /// One test in `directory` (a directory the caller prepared, e.g. with hunks reverted).
    public func runTest(_ target: TestTarget, in directory: String) async throws -> SingleTestExecution {
        try await runTest(target, in: directory, revision: nil)
    }

    /// The coverage command at `revision`; nil when `coverage.command` is not configured.
    public func runCoverage(at revision: String) async throws -> CoverageRun? {
        guard coverage.command != nil else { return nil }
        return try await withTree(at: revision, label: "coverage") { export in
            try await runCoverage(in: export.directory, revision: revision)
        }
    }

    /// The coverage command in `directory`; nil when `coverage.command` is not configured.
    public func runCoverage(in directory: String) async throws -> CoverageRun? {
        try await runCoverage(in: directory, revision: nil)
    }

    /// Runs `body` in a directory holding `revision`'s tree: the warm directory when this runner
    /// has one and no other process holds it, else a fresh scratch directory.
    public func withTree<T: Sendable>(at revision: String, label: String,
                                      _ body: (ExportedTree) async throws -> T) async throws -> T {
        if let warm, let result = try await warm.withTree(at: revision, repositoryPath: repositoryPath,
                                                          trusted: trustsWarmRuns, body) {
            return result
        }
        return try await workArea.withExport(at: revision, label: label, body)
    }

    // MARK: - Runs

    private func runSuite(in directory: String, revision: String?) async throws -> SuiteRun {
        let run = try prepare(label: "suite")
        let process = try await execute(suite.command, values: ["results": run.results, "results_dir": run.resultsDirectory], in: directory,
                                        revision: revision, timeout: suite.timeout, run: run)
        switch read(run: run, process: process, timeout: suite.timeout, root: directory) {
        case .success(let report):
            return SuiteRun(report: report, couldNotRunReason: nil, process: process, runDirectory: run.directory, fromCache: false)
        case .failure(let reason):
            return SuiteRun(report: nil, couldNotRunReason: reason.text, process: process, runDirectory: run.directory, fromCache: false)
        }
    }

    private func runTest(_ target: TestTarget, in directory: String, revision: String?) async throws -> SingleTestExecution {
        let run = try prepare(label: "test")
        let values = target.placeholders(["results": run.results, "results_dir": run.resultsDirectory])
        let process = try await execute(suite.test, values: values, in: directory, revision: revision,
                                        timeout: suite.testTimeout, run: run)
        // A run that did not run the test says so in the runner's own words, with the command.
        let evidence = RunnerEvidence(command: CommandTemplate.render(suite.test, values), log: run.log)
        let outcome: SingleTestOutcome
        switch read(run: run, process: process, timeout: suite.testTimeout, root: directory) {
        case .failure(let reason):
            outcome = .couldNotRun(reason: evidence.explain(reason.text))
        case .success(let report):
            if let test = report.test(target.id) {
                if test.outcome.isFailure {
                    outcome = .failed(test)
                } else if test.outcome.isPass {
                    outcome = .passed
                } else {
                    let said = test.message.map { ": \($0)" } ?? ""
                    outcome = .couldNotRun(reason: evidence.explain("the runner ran but did not run the test: it was \(test.outcome.rawValue)\(said)"))
                }
            } else {
                outcome = .couldNotRun(reason: evidence.explain(
                    "the runner ran but did not run the test: its results have no \(target.id) (\(report.tests.count) other test\(report.tests.count == 1 ? "" : "s"))"))
            }
        }
        return SingleTestExecution(outcome: outcome, process: process, runDirectory: run.directory)
    }

    private func runCoverage(in directory: String, revision: String?) async throws -> CoverageRun? {
        guard let command = coverage.command else { return nil }
        let run = try prepare(label: "coverage")
        let file = run.directory + "/coverage.out"
        let process = try await execute(command, values: ["coverage": file], in: directory, revision: revision,
                                        timeout: suite.timeout, run: run)
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        return CoverageRun(coverageFile: size > 0 && !process.timedOut ? file : nil, process: process,
                           runDirectory: run.directory)
    }

    // MARK: - Plumbing

    struct RunFolder {
        var directory: String
        var resultsDirectory: String { directory + "/results" }
        var results: String
        var log: String { directory + "/output.log" }
    }

    private struct Reason: Error {
        var text: String
    }

    func prepare(label: String) throws -> RunFolder {
        let directory = try workArea.healDirectory.makeRunDirectory(label: label)
        try FileManager.default.createDirectory(atPath: directory + "/results", withIntermediateDirectories: true)
        return RunFolder(directory: directory, results: directory + "/results/results." + resultsExtension)
    }

    /// Some runners derive other names from the results path (Swift Testing writes
    /// `results-swift-testing.xml`), so the extension matches what the format expects.
    private var resultsExtension: String {
        switch suite.format {
        case .auto, .junit: "xml"
        case .pytestJSON, .goJSON: "json"
        case .tap: "tap"
        case .unittest, .libtest: "txt"
        case .scores: "jsonl"
        }
    }

    func execute(_ template: String, values: [String: String], in directory: String, revision: String?,
                         timeout: Duration, run: RunFolder) async throws -> ProcessOutcome {
        let command = CommandTemplate.render(template, values)
        let record = "command: \(command)\ndirectory: \(directory)\n" + (revision.map { "revision: \($0)\n" } ?? "")
        try record.write(toFile: run.directory + "/command.txt", atomically: true, encoding: .utf8)
        // HEAL_SKIP keeps heal's own hooks quiet if the suite runs git; HEAL_RUN_DIR lets a
        // command put extra artefacts next to its log.
        let spec = ProcessSpec.shell(command, workingDirectory: directory,
                                     environment: ["HEAL_SKIP": "1", "HEAL_RUN_DIR": run.directory],
                                     timeout: timeout, stdoutFile: run.log, stderrFile: run.log)
        let containment = try await Containment.resolve(repositoryPath: repositoryPath, settings: sandbox)
        let outcome = try await containment.run(spec, as: .project, writable: [directory, run.directory])
        SecretRedactor.redactLog(at: run.log, onlyEnvironment: true)
        return outcome
    }

    /// The results of a run, or why there are none.
    private func read(run: RunFolder, process: ProcessOutcome, timeout: Duration, root: String) -> Result<TestReport, Reason> {
        if process.timedOut {
            return .failure(Reason(text: "timed out after \(timeout) and was killed; see \(run.log)"))
        }
        let files = nonEmptyFiles(under: run.resultsDirectory)
        guard !files.isEmpty else {
            return .failure(Reason(text: "no results written (\(process.termination)); see \(run.log)"))
        }
        do {
            let report = try ReportLoader(repositoryRoot: root).load(paths: files, format: suite.format)
            guard !report.tests.isEmpty || !report.evals.isEmpty else {
                return .failure(Reason(text: "the results hold no tests (\(process.termination)); see \(run.log)"))
            }
            return .success(report)
        } catch {
            return .failure(Reason(text: "unreadable results: \(error)"))
        }
    }

    private func nonEmptyFiles(under directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var files: [String] = []
        for case let relative as String in enumerator {
            let path = directory + "/" + relative
            if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
               attributes[.type] as? FileAttributeType == .typeRegular,
               (attributes[.size] as? Int ?? 0) > 0 {
                files.append(path)
            }
        }
        return files.sorted()
    }
}
