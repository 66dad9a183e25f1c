/// What one boxed process may see and do: the value a `Sandbox` turns into its own terms.
/// Paths are absolute and resolved (no links).
public struct SandboxPolicy: Sendable, Equatable {
    /// Directories replaced by an empty one: the user's checkout and git common dir (read-only
    /// and empty inside) and home (empty, private, writable).
    public var hidden: [String]
    /// The home directory among `hidden`: empty but writable inside, `HOME` points at it.
    public var home: String?
    /// Paths made visible read-only again inside a hidden directory: toolchains, `sandbox.expose`,
    /// an agent's inputs.
    public var readOnly: [String]
    /// Files inside `readOnly` directories replaced by an empty file (credentials of toolchains).
    public var masked: [String]
    /// Paths the process may write, at the same path inside.
    public var writable: [String]
    /// Whether the process reaches the network (else only a private loopback).
    public var network: Bool
    /// The process's complete environment (`HOME` and `TMPDIR` are set by the sandbox).
    public var environment: [String: String]
    /// The size of the private `/tmp` (and home).
    public var tmpBytes: Int
    /// The largest file the process may write (`RLIMIT_FSIZE`).
    public var fileBytes: Int
    /// A fresh, empty, writable directory heal made for this process, for sandboxes that cannot
    /// mount a private `/tmp` and home (sandbox-exec); nil where they can.
    public var scratch: String?

    public init(hidden: [String], home: String?, readOnly: [String], masked: [String] = [], writable: [String],
                network: Bool, environment: [String: String], tmpBytes: Int, fileBytes: Int, scratch: String? = nil) {
        self.hidden = hidden
        self.home = home
        self.readOnly = readOnly
        self.masked = masked
        self.writable = writable
        self.network = network
        self.environment = environment
        self.tmpBytes = tmpBytes
        self.fileBytes = fileBytes
        self.scratch = scratch
    }

    /// `ulimit -f` then the command: the shell line every sandbox starts the process with, so
    /// no file the process writes grows past `fileBytes`.
    var limitedCommand: [String] {
        // ulimit -f counts 512-byte blocks.
        ["/bin/sh", "-c", "ulimit -f \(max(1, fileBytes / 512)) 2>/dev/null; exec \"$@\"", "heal-sandbox"]
    }
}
