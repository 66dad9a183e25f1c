import Foundation
import GitKit

/// Eval samples in triage's scratch directory: the directory is brought to the commit the way
/// single-test runs bring it (`ExportTriageRunner`), then `evals.case` runs there in a fresh
/// process.
public struct ExportEvalSampler: EvalSampler {
    public let checkout: ExportTriageRunner
    public let evals: EvalRunner

    public init(checkout: ExportTriageRunner, evals: EvalRunner) {
        self.checkout = checkout
        self.evals = evals
    }

    public func sample(case id: String, count: Int, at commit: ObjectID,
                       replacing files: [String: Data?]) async throws -> [Double]? {
        try checkout.prepare(commit, files: files)
        return try await evals.sample(case: id, count: count, in: checkout.export.directory).evals?.first?.scores
    }
}
