import Foundation

/// How often one test passed and failed when run repeatedly at one commit, as triage saw it.
public struct TestObservation: Sendable, Equatable {
    public var repository: String
    public var test: String
    /// The commit the test ran at.
    public var commit: String
    public var passes: Int
    public var failures: Int
    public var at: Date

    public init(repository: String, test: String, commit: String, passes: Int, failures: Int, at: Date = Date()) {
        self.repository = repository
        self.test = test
        self.commit = commit
        self.passes = passes
        self.failures = failures
        self.at = at
    }

    /// Both outcomes at one commit: the test is flaky there.
    public var isFlaky: Bool { passes > 0 && failures > 0 }
}

/// What the store knows about a test's flakiness.
public struct FlakeHistory: Sendable, Equatable, Codable {
    /// Observations recorded for the test.
    public var observations: Int
    /// Observations in which it both passed and failed at one commit.
    public var flaky: Int
    public var lastFlakyAt: Date?

    public init(observations: Int, flaky: Int, lastFlakyAt: Date?) {
        self.observations = observations
        self.flaky = flaky
        self.lastFlakyAt = lastFlakyAt
    }

    /// Whether the test has ever been seen to flake.
    public var isKnownFlaky: Bool { flaky > 0 }
}
