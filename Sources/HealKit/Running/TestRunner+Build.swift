import Foundation

/// Whether the suite builds: the oracle that triages a build failure.
public struct BuildProbe: Sendable, Equatable {
    /// `pass` it builds, `fail` it does not, `skip` no answer (a timeout, no results at all
    /// for a unit that is not the whole suite).
    public var outcome: CommitTestOutcome
    /// The compiler's (or runner's) words when it does not build.
    public var output: String?
}

extension TestRunner {
    /// The id of the build failure that stands for the whole suite: it wrote no results at the
    /// deploy although it did at the baseline.
    public static let wholeSuite = "(suite)"

    /// Whether the suite builds at `revision`, in a fresh scratch directory holding its tree.
    public func runBuild(at revision: String, unit: String) async throws -> BuildProbe {
        try await withTree(at: revision, label: "build") { export in
            try await runBuild(in: export.directory, unit: unit)
        }
    }

    /// Whether the suite builds in `directory`, judged for `unit` (a build-failure case's id,
    /// or `wholeSuite`). With `suite.build` configured, its exit status decides; otherwise the
    /// suite runs and the unit must be absent from its build failures.
    public func runBuild(in directory: String, unit: String) async throws -> BuildProbe {
        guard let build = suite.build else {
            let run = try await runSuite(in: directory)
            guard let report = run.report else {
                return BuildProbe(outcome: unit == Self.wholeSuite && run.process?.timedOut != true ? .fail : .skip,
                                  output: run.couldNotRunReason)
            }
            if let test = report.test(unit), test.outcome == .buildFailed {
                return BuildProbe(outcome: .fail, output: [test.message, test.output].compactMap { $0 }.joined(separator: "\n"))
            }
            return BuildProbe(outcome: .pass, output: nil)
        }
        let run = try prepare(label: "build")
        let process = try await execute(build, values: [:], in: directory, revision: nil, timeout: suite.timeout, run: run)
        let evidence = RunnerEvidence(command: build, log: run.log, lineLimit: 40)
        if process.timedOut { return BuildProbe(outcome: .skip, output: evidence.explain("the build timed out")) }
        return process.succeeded ? BuildProbe(outcome: .pass, output: nil)
            : BuildProbe(outcome: .fail, output: evidence.explain("it does not build (\(process.termination))"))
    }
}
