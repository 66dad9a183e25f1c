import Foundation
import GitKit

/// Everything an attempt must leave alone outside its workspace, snapshotted before the agent
/// runs and checked after it and after verification (which runs the project's code with the
/// agent's change in it): every ref and the checkout's HEAD, the user's checkout, the git files
/// that decide what git runs (config, hooks, info, worktree entries, the global config), and
/// heal's own state (staged PR bodies, tickets, the store).
///
/// The sandbox gives an agent no way to reach any of it: this is defense in depth, and the
/// check that catches it when the sandbox is off. The user's refs and files are reported, never
/// put back (heal cannot tell the agent's change from the user's own); branches created
/// meanwhile are deleted (they are not the user's).
///
/// heal's own state is guarded only when the attempt runs unboxed (`guardsHealState`): a boxed
/// process cannot see it, and other heal runs on the same repository may write it meanwhile
/// (the breaker is built for concurrent runners), so putting it back then would undo their work.
struct AttemptBoundary {
    let repositoryPath: String
    let fixBranch: String
    let refs: RefSnapshot
    let checkout: CheckoutSnapshot?
    let gitFiles: GitFilesSnapshot
    let heal: HealStateSnapshot?
    let store: (any RestorableStore)?
    let storeSnapshot: StoreSnapshot?
    let home: String?

    static func take(repositoryPath: String, fixBranch: String, store: any HealStore, guardsHealState: Bool,
                     home: String? = ProcessInfo.processInfo.environment["HOME"]) async throws -> AttemptBoundary {
        let repository = try Repository(discovering: repositoryPath)
        let restorable = guardsHealState ? store as? any RestorableStore : nil
        return AttemptBoundary(
            repositoryPath: repositoryPath, fixBranch: fixBranch, refs: try RefSnapshot(repository),
            checkout: try CheckoutSnapshot(repository), gitFiles: GitFilesSnapshot(repository, home: home),
            heal: guardsHealState ? HealStateSnapshot(healDirectory: repository.commonDirectory + "/heal") : nil,
            store: restorable, storeSnapshot: try await restorable?.snapshot(), home: home)
    }

    /// The violations since the snapshot, after putting heal's own state back.
    func check() async throws -> [ScopeViolation] {
        var violations = try heal?.restore() ?? []
        if let store, let storeSnapshot, try await store.restore(storeSnapshot) {
            violations.append(ScopeViolation(rule: .healState, path: "heal.sqlite", message:
                "heal's store (breakers, attempts, cached results) was written while the agent ran; heal put it back as it was"))
        }
        let repository = try Repository(discovering: repositoryPath)
        let (refViolations, created) = refs.changes(to: try RefSnapshot(repository), fixBranch: fixBranch,
                                                    checkout: checkout?.root ?? repositoryPath)
        // One checked out in the user's checkout stays: its HEAD moved, which is reported.
        for name in created where try repository.branch(name)?.isCheckedOut == false {
            try repository.deleteBranch(name)
        }
        violations += refViolations + gitFiles.violations(to: GitFilesSnapshot(repository, home: home))
        if let checkout, let now = try CheckoutSnapshot(repository) { violations += checkout.violations(to: now) }
        return violations
    }
}
