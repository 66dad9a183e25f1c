/// How a process run by `ProcessRunner` ended.
public struct ProcessOutcome: Sendable, Hashable {
    /// How the process itself ended.
    public enum Termination: Sendable, Hashable, CustomStringConvertible {
        /// It exited with this status.
        case exited(Int32)
        /// A signal (its number) ended it.
        case signaled(Int32)

        public var description: String {
            switch self {
            case .exited(let code): "exit \(code)"
            case .signaled(let signal): "signal \(signal)"
            }
        }
    }

    /// The exit status or the terminating signal.
    public var termination: Termination
    /// Whether the timeout expired and heal killed the process group.
    public var timedOut: Bool
    /// The end of standard output (at most `ProcessRunner.captureLimit` bytes, decoded as
    /// UTF-8 with replacement); empty when it went to a file.
    public var stdout: String
    /// The end of standard error, like `stdout`.
    public var stderr: String
    /// Wall-clock time from launch until the process was reaped.
    public var wallTime: Duration
    /// The process id it ran as (also its process group and session id).
    public var processID: Int32

    /// The exit status, or nil when a signal ended the process.
    public var exitCode: Int32? {
        if case .exited(let code) = termination { return code }
        return nil
    }

    /// Whether it exited 0 within its time.
    public var succeeded: Bool { !timedOut && termination == .exited(0) }
}
