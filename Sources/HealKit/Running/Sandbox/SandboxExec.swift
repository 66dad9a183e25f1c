import Foundation

/// macOS's `sandbox-exec` with a generated Seatbelt profile (the mechanism Codex CLI and
/// Claude Code use there). macOS has no private mounts, so the box is a list of rules: read
/// anything but the hidden directories (toolchains and exposed paths excepted), write only the
/// writable paths and the scratch directory heal made for the process (its `HOME` and
/// `TMPDIR`), and no network at all (not even the host's loopback) unless asked. Unlike bubblewrap there is no PID namespace: the
/// process group is what heal kills at the end.
///
/// Not run on the Linux machines heal is developed on; `profile(_:)` is tested as text.
public struct SandboxExec: Sandbox {
    public static let executable = "/usr/bin/sandbox-exec"

    public let name = "sandbox-exec"
    public let needsScratch = true

    public init() {}

    public func wrap(_ spec: ProcessSpec, in policy: SandboxPolicy) throws(SandboxError) -> ProcessSpec {
        guard let scratch = policy.scratch else {
            throw SandboxError(problem: "sandbox-exec needs a scratch directory for the process's home and temporary files",
                               fix: "this is a bug in heal; please report it")
        }
        var environment = policy.environment
        environment["HOME"] = scratch + "/home"
        environment["TMPDIR"] = scratch + "/tmp"
        var wrapped = spec
        wrapped.executable = Self.executable
        wrapped.arguments = ["-p", Self.profile(policy)] + policy.limitedCommand + [spec.executable] + spec.arguments
        wrapped.environment = environment.mapValues { Optional($0) }
        wrapped.inheritsEnvironment = false
        return wrapped
    }

    /// The Seatbelt profile for `policy`. Later rules win, so the denials of hidden directories
    /// come after the general read rule and the re-allowed paths after the denials.
    public static func profile(_ policy: SandboxPolicy) -> String {
        var lines = [
            "(version 1)",
            "(deny default)",
            "(allow process-fork)",
            "(allow process-exec)",
            "(allow signal (target same-sandbox))",
            "(allow sysctl-read)",
            "(allow mach-lookup)",
            "(allow ipc-posix-shm)",
            "(allow file-read*)",
            "(allow file-write-data (literal \"/dev/null\") (literal \"/dev/zero\") (literal \"/dev/tty\"))",
        ]
        for directory in policy.hidden { lines.append("(deny file-read* (subpath \(quote(directory))))") }
        for path in policy.readOnly { lines.append("(allow file-read* (subpath \(quote(path))))") }
        for path in policy.masked { lines.append("(deny file-read* (literal \(quote(path))))") }
        var writable = policy.writable
        if let scratch = policy.scratch { writable.append(scratch) }
        for path in writable { lines.append("(allow file-read* file-write* (subpath \(quote(path))))") }
        if policy.network { lines.append("(allow network*)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A Seatbelt string literal.
    static func quote(_ path: String) -> String {
        "\"" + path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
