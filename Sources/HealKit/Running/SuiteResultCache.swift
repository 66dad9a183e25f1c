import Foundation

/// Whole-suite results remembered by (tree id, suite command), so the same tree is never run
/// twice: a baseline computed once survives rebases and reruns of `heal run`. The stores
/// (SQLite, PostgreSQL) implement it; the payload is opaque to them.
public protocol SuiteResultCache: Sendable {
    /// The payload stored for this tree and command, if any.
    func cachedSuiteResult(treeID: String, command: String) async throws -> Data?
    /// Stores (or replaces) the payload for this tree and command.
    func storeSuiteResult(treeID: String, command: String, payload: Data) async throws
}

/// The payload `TestRunner` puts in a `SuiteResultCache`: the report's tests and evals as JSON.
public enum SuiteResultPayload {
    private struct Stored: Codable {
        var version = 1
        var tests: [TestCase]
        var evals: [EvalCase]
    }

    /// Encodes a report for the cache.
    public static func encode(_ report: TestReport) throws -> Data {
        try JSONEncoder().encode(Stored(tests: Array(report.tests), evals: report.evals))
    }

    /// Decodes a cached report; nil when the payload is from another version or damaged, so
    /// the caller runs the suite again instead of trusting it.
    public static func decode(_ data: Data) -> TestReport? {
        guard let stored = try? JSONDecoder().decode(Stored.self, from: data), stored.version == 1 else { return nil }
        return TestReport(tests: stored.tests, evals: stored.evals)
    }
}
