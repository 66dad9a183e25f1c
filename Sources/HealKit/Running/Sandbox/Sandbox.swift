/// An OS sandbox: turns a process description into one that runs the same command inside a
/// box with `policy`. Implementations: `Bubblewrap` (Linux), `SandboxExec` (macOS).
public protocol Sandbox: Sendable {
    /// `bubblewrap`, `sandbox-exec`: for messages and PR bodies.
    var name: String { get }
    /// Whether the policy needs a `scratch` directory made by heal (no private /tmp and home).
    var needsScratch: Bool { get }
    /// `spec` wrapped: the same command, working directory, streams and timeout, boxed in.
    func wrap(_ spec: ProcessSpec, in policy: SandboxPolicy) throws(SandboxError) -> ProcessSpec
}

/// A sandbox that cannot be had or cannot box a process as asked.
public struct SandboxError: UserInputError, Equatable {
    public var problem: String
    public var fix: String
    public var description: String { "\(problem); \(fix)" }
}
