import Foundation
import GitKit

/// How heal boxes in the processes it runs for one repository, from `sandbox:`: which sandbox
/// (bubblewrap, sandbox-exec, none), what it hides (the checkout, the git common dir, home),
/// what it lets through (toolchains, `sandbox.expose`), and the environment allow-list.
///
/// Every project command (suite, single test, coverage, build, verification) runs as
/// `.project`: no network ever. A fix agent runs as `.agent`: the network only with
/// `sandbox.network: agent`. With `sandbox: off`, or `auto` where no sandbox works, processes
/// run unboxed — still with the allow-listed environment — and `unboxedReason` says why, for
/// every PR body; an external agent then runs only if the user said `off`.
public struct Containment: Sendable {
    public enum Role: Sendable {
        /// The project's own commands, and verification of a fix.
        case project
        /// A fix agent.
        case agent
    }

    public let settings: HealConfig.Sandbox
    /// The sandbox processes run in; nil when they run unboxed.
    public let sandbox: (any Sandbox)?
    /// Why processes run unboxed, when they do.
    public let unboxedReason: String?
    let hidden: [String]
    let home: String?
    let gitDirectories: [String]
    let exposed: [String]
    let masked: [String]
    let writable: [String]
    let environment: [String: String]
    let repositoryPath: String

    /// The containment `settings` ask for in the repository at `repositoryPath`.
    ///
    /// - Throws: `SandboxError` when `mode` names a sandbox that does not work here, or a path
    ///   in `expose`/`writable` would reveal the checkout, the git directory or home.
    public static func resolve(repositoryPath: String, settings: HealConfig.Sandbox,
                               environment: [String: String] = ProcessInfo.processInfo.environment) async throws -> Containment {
        let repository = try Repository(discovering: repositoryPath)
        let common = resolved(repository.commonDirectory)
        let gitDirectories = Array(Set([common, resolved(repository.gitDirectory)]))
        let home = environment["HOME"].map(resolved).flatMap { $0 == "/" || $0.isEmpty ? nil : $0 }
        let hidden = ([repository.workingDirectory.map(resolved), home].compactMap { $0 } + gitDirectories)
            .filter { $0 != "/" }
        let (sandbox, reason) = try await choose(settings.mode)

        var exposed = ToolchainPaths.roots(
            for: (environment["PATH"] ?? "").split(separator: ":").map(String.init)
                + SandboxEnvironment.toolchainNames.compactMap { environment[$0] },
            hidden: hidden, gitDirectories: gitDirectories)
        var masked: [String] = []
        if let home {
            exposed += ToolchainPaths.knownInHome.map { home + "/" + $0 }.filter { FileManager.default.fileExists(atPath: $0) }
            masked = ToolchainPaths.credentialsInHome.map { home + "/" + $0 }.filter { FileManager.default.fileExists(atPath: $0) }
        }
        exposed += try settings.expose.map { try checked($0, key: "sandbox.expose", hidden: hidden, gitDirectories: gitDirectories, home: home) }
        let writable = try settings.writable.map { try checked($0, key: "sandbox.writable", hidden: hidden, gitDirectories: gitDirectories, home: home) }
        return Containment(settings: settings, sandbox: sandbox, unboxedReason: reason, hidden: hidden, home: home,
                           gitDirectories: gitDirectories, exposed: Array(Set(exposed)).sorted(), masked: masked,
                           writable: writable, environment: SandboxEnvironment.allowed(environment, extra: settings.environment),
                           repositoryPath: repositoryPath)
    }

    /// Why an external agent may not run here, or nil when it may: it needs a sandbox, unless
    /// the user turned it off.
    public var agentRefusal: SandboxError? {
        guard sandbox == nil, settings.mode != .off else { return nil }
        return SandboxError(problem: "heal runs external fix agents only inside a sandbox, and none works here (\(unboxedReason ?? "unknown"))",
                            fix: "install bubblewrap (apt-get install bubblewrap), use `agent: revert`, or set `sandbox: off` in .heal.yml to run the agent unboxed (every PR body will say so)")
    }

    /// Runs `spec` boxed in as `role`, with `writable` (the scratch directory, the run's
    /// output) and `readOnly` (an agent's inputs) let through.
    public func run(_ spec: ProcessSpec, as role: Role, writable extraWritable: [String],
                    readOnly extraReadOnly: [String] = []) async throws -> ProcessOutcome {
        var boxed = spec
        var environment = self.environment
        for (name, value) in spec.environment { environment[name] = value }
        guard let sandbox else {
            boxed.environment = environment.mapValues { Optional($0) }
            boxed.inheritsEnvironment = false
            return try await ProcessRunner.run(boxed)
        }
        let area = try WorkArea(repositoryPath: repositoryPath)
        let scratch = sandbox.needsScratch ? try area.makeDirectory(label: "sandbox") : nil
        defer { if let scratch { try? area.remove(scratch) } }
        if let scratch {
            for name in ["home", "tmp"] { try FileManager.default.createDirectory(atPath: scratch + "/" + name, withIntermediateDirectories: false) }
        }
        let policy = SandboxPolicy(
            hidden: hidden, home: home, readOnly: exposed + extraReadOnly.map(Self.resolved), masked: masked,
            writable: extraWritable.map(Self.resolved) + (role == .project ? writable : []),
            network: role == .agent && settings.network == .agent, environment: environment,
            tmpBytes: settings.tmpMiB << 20, fileBytes: settings.fileMiB << 20, scratch: scratch)
        return try await ProcessRunner.run(try sandbox.wrap(boxed, in: policy))
    }

    private static func choose(_ mode: HealConfig.Sandbox.Mode) async throws -> ((any Sandbox)?, String?) {
        switch mode {
        case .off:
            return (nil, "`sandbox: off` in .heal.yml")
        case .bubblewrap:
            return (try await SandboxProbe.bubblewrap().get(), nil)
        case .sandboxExec:
            guard FileManager.default.isExecutableFile(atPath: SandboxExec.executable) else {
                throw SandboxError(problem: "sandbox-exec is not here (it ships with macOS only)", fix: "use `sandbox: auto` or `bubblewrap` on Linux")
            }
            return (SandboxExec(), nil)
        case .auto:
            #if os(macOS)
            if FileManager.default.isExecutableFile(atPath: SandboxExec.executable) { return (SandboxExec(), nil) }
            return (nil, "sandbox-exec is missing")
            #else
            switch try await SandboxProbe.bubblewrap() {
            case .success(let bubblewrap): return (bubblewrap, nil)
            case .failure(let error): return (nil, error.problem)
            }
            #endif
        }
    }

    /// A configured path, `~` expanded and resolved, refused when it would bring back what
    /// the box hides: a git directory, or a checkout or home as a whole.
    private static func checked(_ path: String, key: String, hidden: [String], gitDirectories: [String],
                                home: String?) throws(SandboxError) -> String {
        var expanded = path
        if let home, expanded == "~" || expanded.hasPrefix("~/") { expanded = home + expanded.dropFirst() }
        guard expanded.hasPrefix("/") else {
            throw SandboxError(problem: "`\(key)` entry `\(path)` is not an absolute path", fix: "write it as /absolute/path or ~/path")
        }
        let path = resolved(expanded)
        if gitDirectories.contains(where: { Bubblewrap.isInside(path, $0) || Bubblewrap.isInside($0, path) }) {
            throw SandboxError(problem: "`\(key)` entry `\(path)` would reveal the git directory", fix: "remove it; heal never lets a boxed process see the git directory")
        }
        if hidden.contains(where: { Bubblewrap.isInside($0, path) }) {
            throw SandboxError(problem: "`\(key)` entry `\(path)` would reveal your whole checkout or home", fix: "name the one directory inside it that is needed")
        }
        return path
    }

    static func resolved(_ path: String) -> String {
        SafeRemoval.resolve(path) ?? path
    }
}
