import Foundation
import GitKit

/// Scratch worktrees under `<git-common-dir>/heal/worktrees/<name>`, checked out at a commit
/// with a detached HEAD: test runs, reverts and agents work there, never in the user's
/// checkout, index or branch.
public struct Worktrees: Sendable {
    /// Any path inside the repository.
    public let repositoryPath: String
    /// heal's state folder of that repository.
    public let healDirectory: HealDirectory

    public init(repositoryPath: String) throws {
        self.repositoryPath = repositoryPath
        healDirectory = try HealDirectory(repositoryPath: repositoryPath)
    }

    /// Checks out `revision` in a fresh worktree, runs `body` with its path, and removes the
    /// worktree afterwards whether `body` returns or throws.
    public func withWorktree<T: Sendable>(at revision: String, label: String = "run",
                                          _ body: (String) async throws -> T) async throws -> T {
        let (name, path) = try add(at: revision, label: label)
        let result: T
        do {
            result = try await body(path)
        } catch {
            remove(name: name)
            throw error
        }
        remove(name: name)
        return result
    }

    /// Removes every heal worktree left behind (say by a killed run) and prunes git's entries
    /// for worktrees whose folder is gone. Call it only while holding the repository's run lock.
    public func removeLeftovers() throws {
        let repository = try Repository(discovering: repositoryPath)
        for worktree in try repository.listWorktrees() where worktree.path.hasPrefix((healDirectory.path + "/worktrees") + "/") {
            try repository.removeWorktree(name: worktree.name)
        }
        try repository.pruneWorktrees()
    }

    private func add(at revision: String, label: String) throws -> (name: String, path: String) {
        let repository = try Repository(discovering: repositoryPath)
        let name = "heal-" + HealDirectory.uniqueName(label)
        let path = (healDirectory.path + "/worktrees") + "/" + name
        try repository.addWorktree(name: name, path: path, commit: revision)
        return (name, path)
    }

    private func remove(name: String) {
        // Removal must not mask the body's own error; a leftover is swept by removeLeftovers.
        guard let repository = try? Repository(discovering: repositoryPath) else { return }
        try? repository.removeWorktree(name: name)
    }
}
