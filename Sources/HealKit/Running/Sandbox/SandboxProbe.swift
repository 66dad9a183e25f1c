import Foundation
import Synchronization

/// Whether an OS sandbox works on this machine, found out once per process: bubblewrap needs
/// user namespaces, which containers and some distributions (AppArmor's
/// `restrict_unprivileged_userns`) refuse.
enum SandboxProbe {
    /// bubblewrap when `bwrap` is on `PATH` and boxes `/bin/true` with heal's options;
    /// otherwise why not.
    ///
    /// - Throws: `SandboxError` when the probe did not finish in time: an overloaded machine
    ///   says nothing about bubblewrap, so it is neither taken as "no sandbox" nor remembered.
    static func bubblewrap() async throws(SandboxError) -> Result<Bubblewrap, SandboxError> {
        if let known = cache.withLock({ $0 }) { return known }
        let result = try await probe()
        cache.withLock { $0 = result }
        return result
    }

    private static let cache = Mutex<Result<Bubblewrap, SandboxError>?>(nil)

    private static func probe() async throws(SandboxError) -> Result<Bubblewrap, SandboxError> {
        let install = "install bubblewrap (Debian/Ubuntu: apt-get install bubblewrap) and make sure user namespaces are allowed, or set `sandbox: off` in .heal.yml to run without one"
        let searchPath = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        guard let executable = (searchPath.split(separator: ":").map { $0 + "/bwrap" } + ["/usr/bin/bwrap"])
            .first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            return .failure(SandboxError(problem: "bubblewrap (`bwrap`) is not installed", fix: install))
        }
        let sandbox = Bubblewrap(executable: executable, asRoot: getuid() == 0)
        let policy = SandboxPolicy(hidden: [], home: nil, readOnly: [], writable: [], network: false,
                                   environment: ["PATH": "/usr/bin:/bin"], tmpBytes: 16 << 20, fileBytes: 1 << 20)
        let outcome: ProcessOutcome
        do {
            outcome = try await ProcessRunner.run(try sandbox.wrap(ProcessSpec("/bin/true", timeout: probeTimeout), in: policy))
        } catch {
            return .failure(SandboxError(problem: "bubblewrap cannot start: \(error)", fix: install))
        }
        if outcome.timedOut {
            throw SandboxError(problem: "bubblewrap did not box `/bin/true` within \(probeTimeout)",
                               fix: "the machine may be overloaded; try again")
        }
        guard outcome.succeeded else {
            let said = outcome.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            return .failure(SandboxError(problem: "bubblewrap cannot make a sandbox here (\(said.isEmpty ? "\(outcome.termination)" : said))",
                                         fix: install))
        }
        return .success(sandbox)
    }

    private static let probeTimeout = Duration.seconds(120)
}
