/// What to run: one fresh process, described as a value so callers can build, log and test it.
public struct ProcessSpec: Sendable, Hashable {
    /// Where the process reads standard input from.
    public enum Input: Sendable, Hashable {
        /// `/dev/null`: the process sees end-of-file at once and never waits for a terminal.
        case null
        /// This text, then end-of-file.
        case text(String)
    }

    /// An executable name looked up on `PATH` (the child's `PATH` when overridden), or a path
    /// containing a `/`.
    public var executable: String
    /// The arguments after the executable's name.
    public var arguments: [String]
    /// The directory the process starts in; the current one when nil.
    public var workingDirectory: String?
    /// Changes to the inherited environment: a value sets the variable, nil removes it. With
    /// `inheritsEnvironment` false, the whole environment (nil values left out).
    public var environment: [String: String?]
    /// Whether the process starts from heal's environment (changed by `environment`) or from
    /// `environment` alone.
    public var inheritsEnvironment = true
    /// How long the process may run before its whole process group is terminated.
    public var timeout: Duration?
    /// How long the process group gets between SIGTERM and SIGKILL after a timeout.
    public var killGrace: Duration
    /// A file that receives standard output (created or truncated); captured in memory when nil.
    public var stdoutFile: String?
    /// A file that receives standard error (created or truncated); captured in memory when nil.
    /// The same path as `stdoutFile` interleaves both streams in one file.
    public var stderrFile: String?
    /// What the process reads on standard input.
    public var input: Input

    /// Describes a process; nothing runs until `ProcessRunner.run`.
    public init(_ executable: String, arguments: [String] = [], workingDirectory: String? = nil,
                environment: [String: String?] = [:], timeout: Duration? = nil,
                killGrace: Duration = .seconds(2), stdoutFile: String? = nil,
                stderrFile: String? = nil, input: Input = .null) {
        self.executable = executable
        self.arguments = arguments
        self.workingDirectory = workingDirectory
        self.environment = environment
        self.timeout = timeout
        self.killGrace = killGrace
        self.stdoutFile = stdoutFile
        self.stderrFile = stderrFile
        self.input = input
    }

    /// A shell command line run by `/bin/sh -c`, the way configured commands (`suite.command`,
    /// `fix.command`) are written by users.
    public static func shell(_ command: String, workingDirectory: String? = nil,
                             environment: [String: String?] = [:], timeout: Duration? = nil,
                             killGrace: Duration = .seconds(2), stdoutFile: String? = nil,
                             stderrFile: String? = nil, input: Input = .null) -> ProcessSpec {
        ProcessSpec("/bin/sh", arguments: ["-c", command], workingDirectory: workingDirectory,
                    environment: environment, timeout: timeout, killGrace: killGrace,
                    stdoutFile: stdoutFile, stderrFile: stderrFile, input: input)
    }
}
