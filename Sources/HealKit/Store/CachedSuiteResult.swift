import Foundation

/// A suite result cached by (tree id, command): the same tree run with the same command gives
/// the same result, so a runner can skip the run. The payload is opaque to the store (JSON
/// written by the runner); `format` says what the payload is so a runner can ignore entries it
/// cannot read.
public struct CachedSuiteResult: Sendable, Equatable {
    /// The git tree the suite ran on.
    public var treeID: String
    /// The command line, exactly as run.
    public var command: String
    /// The runner's own tag for the payload's shape and version (e.g. `suite-result/1`).
    public var format: String
    public var payload: Data
    public var createdAt: Date

    public init(treeID: String, command: String, format: String, payload: Data, createdAt: Date = Date()) {
        self.treeID = treeID
        self.command = command
        self.format = format
        self.payload = payload
        self.createdAt = createdAt
    }
}
