/// What one call of an eval command produced: the scores of every case it ran, or why there
/// are none.
public struct EvalRun: Sendable {
    /// The cases and their samples; nil when the run could not be graded.
    public var evals: [EvalCase]?
    /// Why there are no scores: no results file, an unreadable one, a score outside [0, 1], a
    /// timeout.
    public var couldNotRunReason: String?
    /// `runs/<id>/` with the command, its output and the results.
    public var runDirectory: String?

    public init(evals: [EvalCase]?, couldNotRunReason: String?, runDirectory: String?) {
        self.evals = evals
        self.couldNotRunReason = couldNotRunReason
        self.runDirectory = runDirectory
    }
}
