import Foundation
import GitKit

/// What triage needs to judge a build failure: whether the suite builds at a commit (with some
/// files rewritten first). Builds / does not build is a clean oracle for the culprit search and
/// for delta debugging over the culprit's hunks.
public protocol TriageBuildRunner {
    /// Builds at `commit` with `files` written over its tree, judged for `unit` (see
    /// `TestRunner.runBuild(in:unit:)`): pass builds, fail does not, skip no answer.
    func build(_ unit: String, at commit: ObjectID, replacing files: [String: Data?]) async throws -> SingleTestRun
}
