import Foundation
import GitKit

/// `heal run`: the whole loop for one deploy — take the repository's run lock, open the store,
/// and run the `Pipeline` with its real collaborators: the suite at the baseline and at the
/// deploy (each in a scratch directory, cached by tree), detection, triage into causes, then per
/// cause: introduced → breakers and budgets → fix agent → verify → staged PR; ambiguous, or a
/// breaker that is open → escalation ticket; pre-existing → logged.
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
        let setup = try PipelineSetup(options: options)
        let lock = try takeLock(healDirectory: setup.healDirectory)
        defer { lock.release() }
        progress("comparing \(setup.range.before.id.short()) (before: \(setup.range.beforeSource)) "
                 + "with \(setup.range.after.id.short()) (after)")
        try WorkArea(repositoryPath: setup.root).removeLeftovers()
        let store = try await StoreFactory.open(setting: options.store ?? setup.config.store.yamlValue,
                                                commonDirectory: setup.commonDirectory)
        do {
            let pipeline = Pipeline(setup: setup, parts: try .live(setup: setup, store: store), progress: progress)
            let report = try await pipeline.run(dryRun: options.dryRun)
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
}
