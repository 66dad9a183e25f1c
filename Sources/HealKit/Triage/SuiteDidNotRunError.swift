/// The suite heal ran itself produced no readable results at a commit, so there is nothing to
/// compare.
public struct SuiteDidNotRunError: UserInputError, Equatable {
    /// The revision as the user named it, and its commit id.
    public var revision: String
    public var commit: String
    /// Why there were no results (from `SuiteRun.couldNotRunReason`).
    public var reason: String

    public init(revision: String, commit: String, reason: String) {
        self.revision = revision
        self.commit = commit
        self.reason = reason
    }

    public var description: String {
        "the suite could not run at \(revision) (\(commit.prefix(7))): \(reason); check `suite.command` in .heal.yml "
            + "(it must write its results to {results}), or pass result files with --baseline and --current"
    }
}
