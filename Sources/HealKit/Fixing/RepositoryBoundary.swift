import Foundation
import GitKit

/// What an agent must leave alone outside its workspace — the user's branches and HEAD, and the
/// user's checkout — snapshotted before it runs and checked after it and after verification
/// (which runs the project's code with the agent's change in it).
///
/// The sandbox gives neither any way to reach them; this is the check that says so, and the
/// one that catches it when the sandbox is off.
struct RepositoryBoundary {
    let repositoryPath: String
    let fixBranch: String
    let refs: RefSnapshot
    let checkout: CheckoutSnapshot?

    init(repositoryPath: String, fixBranch: String) throws {
        self.repositoryPath = repositoryPath
        self.fixBranch = fixBranch
        let repository = try Repository(discovering: repositoryPath)
        refs = try RefSnapshot(repository)
        checkout = try CheckoutSnapshot(repository)
    }

    /// The `ref-moved` and `path-escape` violations since the snapshot. Branches that did not
    /// exist before are deleted (they are not the user's); the user's refs and files are never
    /// put back, since the user may have changed them meanwhile.
    func check() throws -> [ScopeViolation] {
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
}
