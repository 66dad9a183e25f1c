import Foundation

/// bubblewrap (`bwrap`, Debian `bubblewrap`): user namespaces on Linux.
///
/// The box: the whole file system read-only; a private `/tmp` of `tmpBytes`; each hidden
/// directory replaced by an empty tmpfs (read-only, but for home: writable and private), with
/// the read-only and writable paths bound back at their own paths; new namespaces for
/// everything (PID included, with the command as its PID 1, so nothing outlives the command,
/// and `--die-with-parent` kills the namespace with heal) and no network unless
/// `policy.network`; capabilities dropped; a new session (no terminal to inject into); and
/// `ulimit -f` before the command.
public struct Bubblewrap: Sandbox {
    /// The `bwrap` executable.
    public let executable: String
    /// Whether heal runs as root, where bwrap would otherwise keep capabilities inside.
    public let asRoot: Bool

    public let name = "bubblewrap"
    public let needsScratch = false

    public init(executable: String, asRoot: Bool) {
        self.executable = executable
        self.asRoot = asRoot
    }

    public func wrap(_ spec: ProcessSpec, in policy: SandboxPolicy) throws(SandboxError) -> ProcessSpec {
        var environment = policy.environment
        environment["HOME"] = policy.home ?? "/tmp/home"
        environment["TMPDIR"] = "/tmp"
        var wrapped = spec
        wrapped.executable = executable
        wrapped.arguments = Self.arguments(policy, workingDirectory: spec.workingDirectory, asRoot: asRoot)
            + ["--"] + policy.limitedCommand + [spec.executable] + spec.arguments
        wrapped.environment = environment.mapValues { Optional($0) }
        wrapped.inheritsEnvironment = false
        return wrapped
    }

    /// bwrap's options for `policy` (everything before `--`). Pure, so the box is testable as text.
    public static func arguments(_ policy: SandboxPolicy, workingDirectory: String?, asRoot: Bool) -> [String] {
        var arguments = ["--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc",
                         "--size", String(policy.tmpBytes), "--tmpfs", "/tmp"]
        if policy.home == nil { arguments += ["--dir", "/tmp/home"] }
        let hidden = outermost(policy.hidden).filter { $0 != "/" && $0 != "/tmp" }
        for directory in hidden {
            arguments += directory == policy.home
                ? ["--size", String(policy.tmpBytes), "--tmpfs", directory] : ["--tmpfs", directory]
        }
        for path in policy.readOnly { arguments += ["--ro-bind-try", path, path] }
        for path in policy.masked { arguments += ["--ro-bind-try", "/dev/null", path] }
        for path in policy.writable { arguments += ["--bind", path, path] }
        for directory in hidden where directory != policy.home { arguments += ["--remount-ro", directory] }
        if let workingDirectory { arguments += ["--chdir", workingDirectory] }
        arguments += ["--unshare-all"]
        if policy.network { arguments += ["--share-net"] }
        // The command is the namespace's PID 1: when it exits the kernel kills everything left
        // in the namespace before bwrap returns, so no daemon outlives the run.
        arguments += ["--die-with-parent", "--new-session", "--as-pid-1"]
        if asRoot { arguments += ["--cap-drop", "ALL"] }
        return arguments
    }

    /// `paths` without those inside another of them: hiding the outer one hides them.
    static func outermost(_ paths: [String]) -> [String] {
        let unique = Array(Set(paths)).sorted()
        return unique.filter { path in !unique.contains { $0 != path && isInside(path, $0) } }
    }

    /// Whether `path` is `directory` or lies under it.
    static func isInside(_ path: String, _ directory: String) -> Bool {
        path == directory || path.hasPrefix(directory == "/" ? "/" : directory + "/")
    }
}
