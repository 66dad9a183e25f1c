import Foundation
import GitKit

/// What an agent must leave alone outside its worktree — the user's branches and HEAD, and the
/// user's checkout — snapshotted before it runs and checked after it and after verification
/// (which runs the project's code with the agent's change in it).
///
/// The scope guard judges the change inside the worktree; this catches what the worktree
/// cannot contain: refs, which all worktrees share, and writes through `../` or absolute paths.
struct WorktreeBoundary {
    let repositoryPath: String
    let worktree: String
    let fixBranch: String
    let refs: RefSnapshot
    let checkout: CheckoutSnapshot?

    init(repositoryPath: String, worktree: String, fixBranch: String) throws {
        self.repositoryPath = repositoryPath
        self.worktree = worktree
        self.fixBranch = fixBranch
        let repository = try Repository(discovering: repositoryPath)
        refs = try RefSnapshot(repository)
        checkout = try CheckoutSnapshot(repository)
    }

    /// The `ref-moved` and `path-escape` violations since the snapshot. Tidies what is heal's
    /// to tidy first: the worktree's HEAD is detached again if the agent put it on a branch
    /// (so keeping the fix moves no branch), and branches the agent created are deleted. The
    /// user's refs and files are never put back: they may have changed them meanwhile.
    func check() throws -> [ScopeViolation] {
        // Only ever the agent's own linked worktree: were it gone, discovering upwards from its
        // folder inside `.git` would find the user's repository.
        if let workspace = try? Repository(discovering: worktree), workspace.isLinkedWorktree,
           workspace.workingDirectory.map(Self.resolved) == Self.resolved(worktree), try workspace.headState().isBranch {
            try workspace.detachHead()
        }
        let repository = try Repository(discovering: repositoryPath)
        let (violations, created) = refs.changes(to: try RefSnapshot(repository), fixBranch: fixBranch,
                                                 checkout: checkout?.root ?? repositoryPath)
        // One checked out in the user's checkout stays: its HEAD moved, which is reported.
        for name in created where try repository.branch(name)?.isCheckedOut == false {
            try repository.deleteBranch(name)
        }
        guard let checkout, let now = try CheckoutSnapshot(repository) else { return violations }
        return violations + checkout.violations(to: now)
    }

    private static func resolved(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
    }
}
