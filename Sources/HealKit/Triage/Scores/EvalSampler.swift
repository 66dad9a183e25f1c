import Foundation
import GitKit

/// What eval triage needs from the outside world: fresh score samples of one case at a
/// commit, optionally with some files rewritten (a revert trial).
public protocol EvalSampler {
    /// `count` fresh samples of case `id` at `commit` with `files` (repository-relative; nil
    /// deletes) written over the checkout; nil when the case produced no usable score there.
    func sample(case id: String, count: Int, at commit: ObjectID, replacing files: [String: Data?]) async throws -> [Double]?
}
