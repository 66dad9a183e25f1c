import Foundation
import GitKit

/// heal's scratch directories, `<git-common-dir>/heal/work/<label>-<random>/`: test runs,
/// triage trials, an agent's workspace and a fix's verification each get one, holding a
/// commit's tree as plain files (see `TreeSync`). Nothing is checked out in the user's
/// repository — no linked worktree, no index, no HEAD — and every removal goes through
/// `SafeRemoval`, limited to heal's own directory.
public struct WorkArea: Sendable {
    /// Any path inside the repository.
    public let repositoryPath: String
    /// heal's state folder of that repository.
    public let healDirectory: HealDirectory

    public init(repositoryPath: String) throws {
        self.repositoryPath = repositoryPath
        healDirectory = try HealDirectory(repositoryPath: repositoryPath)
    }

    /// A fresh, empty directory that only its owner may enter.
    public func makeDirectory(label: String) throws -> String {
        try FileManager.default.createDirectory(atPath: healDirectory.work, withIntermediateDirectories: true)
        let path = healDirectory.work + "/" + HealDirectory.uniqueName(label)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o700])
        return path
    }

    /// Removes a directory made by `makeDirectory` (or anything else under heal's directory).
    public func remove(_ path: String) throws {
        try SafeRemoval(root: healDirectory.path).remove(path)
    }

    /// Writes `revision`'s tree into a fresh directory, runs `body` with it, and removes the
    /// directory afterwards whether `body` returns or throws.
    public func withExport<T: Sendable>(at revision: String, label: String = "run",
                                        _ body: (ExportedTree) async throws -> T) async throws -> T {
        let directory = try makeDirectory(label: label)
        let result: T
        do {
            let repository = try Repository(discovering: repositoryPath)
            let commit = try repository.commit(revision)
            let sync = TreeSync(directory: directory)
            try sync.sync(to: commit.treeID, in: repository)
            result = try await body(ExportedTree(directory: directory, commit: commit.id, sync: sync))
        } catch {
            // Removal must not mask the body's own error; a leftover is swept by removeLeftovers.
            try? remove(directory)
            throw error
        }
        try remove(directory)
        return result
    }

    /// Removes every scratch directory left behind (say by a killed run), and the folder of
    /// linked worktrees that earlier versions of heal used (git prunes their entries itself).
    /// Call it only while holding the repository's run lock.
    public func removeLeftovers() throws {
        guard FileManager.default.fileExists(atPath: healDirectory.path) else { return }
        let removal = try SafeRemoval(root: healDirectory.path)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: healDirectory.work)) ?? [] {
            try removal.remove(healDirectory.work + "/" + name)
        }
        try removal.remove(healDirectory.path + "/worktrees")
    }
}

/// A scratch directory holding a commit's tree, as `WorkArea.withExport` hands it out.
public struct ExportedTree: @unchecked Sendable {
    /// The directory's path.
    public let directory: String
    /// The commit whose tree it was written from.
    public let commit: ObjectID
    /// What heal wrote there, to bring it to another tree.
    let sync: TreeSync
}
