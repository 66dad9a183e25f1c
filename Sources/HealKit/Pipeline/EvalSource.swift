import Foundation
import GitKit

/// The eval suite's edge for the pipeline: every case at a commit (detection), and a sampler
/// of single cases working in a directory heal owns, holding `commit`'s tree at first, for the
/// time of `body` (triage).
public protocol EvalSource: Sendable {
    func runAll(at revision: String) async throws -> EvalRun
    func withSampler<T: Sendable>(at commit: ObjectID, _ body: (any EvalSampler) async throws -> T) async throws -> T
}

/// The configured `evals:` commands, run in scratch directories of the repository's `WorkArea`.
struct ExportEvalSource: EvalSource {
    let evals: EvalRunner
    let testRunner: TestRunner

    func runAll(at revision: String) async throws -> EvalRun {
        try await evals.runAll(at: revision)
    }

    func withSampler<T: Sendable>(at commit: ObjectID, _ body: (any EvalSampler) async throws -> T) async throws -> T {
        try await WorkArea(repositoryPath: testRunner.repositoryPath).withExport(at: commit.hex, label: "evals") { export in
            try await body(ExportEvalSampler(checkout: ExportTriageRunner(testRunner: testRunner, export: export), evals: evals))
        }
    }
}
