import Foundation
import GitKit

/// `heal run`: the whole loop for one deploy, in order — take the repository's run lock, run
/// the suite at the baseline and at the deploy (each in a scratch directory, cached by tree),
/// detect regressions, triage each, then per verdict: introduced → breaker → fix agent →
/// verify → staged PR; ambiguous, or a breaker that is open → escalation ticket; pre-existing →
/// logged. The run is recorded in the store (detected-at and staged-at give time-to-fix).
///
/// Stages never call back into the pipeline; the user's checkout, index and branches are never
/// touched (fixes go on `heal/…` branches only).
public struct HealRun: Sendable {
    public let options: HealRunOptions
    public let progress: RunProgress

    public init(options: HealRunOptions, progress: @escaping RunProgress = { _ in }) {
        self.options = options
        self.progress = progress
    }

    /// Runs the loop once.
    ///
    /// - Throws: `UserInputError`s the user can act on (`RunLockBusy` when another run holds
    ///   the lock without `wait`, `MissingBaseline`, a bad revision or configuration, a suite
    ///   that writes no results); anything else is heal's own failure. Failures while handling
    ///   one regression do not throw: they are in the report's `failures`.
    public func run() async throws -> HealRunReport {
        let setup = try Setup(options: options)
        let lock = try takeLock(healDirectory: setup.healDirectory)
        defer { lock.release() }
        progress("comparing \(setup.range.before.id.short()) (before: \(setup.range.beforeSource)) "
                 + "with \(setup.range.after.id.short()) (after)")
        try WorkArea(repositoryPath: setup.root).removeLeftovers()
        let store = try await StoreFactory.open(setting: options.store ?? setup.config.store.yamlValue,
                                                commonDirectory: setup.commonDirectory)
        do {
            let session = try RunSession(setup: setup, store: store, dryRun: options.dryRun, progress: progress)
            let report = try await session.run()
            await store.close()
            return report
        } catch {
            await store.close()
            throw error
        }
    }

    private func takeLock(healDirectory: HealDirectory) throws -> RunLock {
        do {
            return try RunLock(healDirectory: healDirectory.path, wait: false)
        } catch let busy as RunLockBusy where options.wait {
            progress("another heal run holds the lock (\(busy.holder)); waiting for it to finish…")
            return try RunLock(healDirectory: healDirectory.path, wait: true)
        }
    }

    /// What the run needs from the repository before it starts, read without holding a
    /// `Repository` across suspension points.
    struct Setup: Sendable {
        var root: String
        var commonDirectory: String
        var repositoryID: String
        var config: HealConfig
        var range: DeployRange
        var healDirectory: HealDirectory

        init(options: HealRunOptions) throws {
            let repository = try Repository(discovering: options.repositoryPath)
            guard let root = repository.workingDirectory else { throw BareRepositoryRun(path: options.repositoryPath) }
            var config = try HealConfig.load(configPath: options.configPath, repositoryRoot: root)
            if let publish = options.publish { config.publish = publish }
            self.root = root
            commonDirectory = repository.commonDirectory
            repositoryID = try RepositoryID.of(repository)
            self.config = config
            range = try DeployRange.resolve(repository: repository, before: options.before, after: options.after,
                                            deployTags: config.deployTags, trigger: options.trigger)
            healDirectory = try HealDirectory(repositoryPath: root)
        }
    }
}

/// `heal run` needs a working tree: the suite runs in worktrees of it.
public struct BareRepositoryRun: UserInputError, Equatable {
    public var path: String
    public var description: String {
        "\(path) is a bare repository; run heal inside a clone with a working tree (CI: actions/checkout with fetch-depth: 0)"
    }
}
