import Foundation
import GitKit

/// The tree heal judges, verifies and commits: exactly the files read back from the agent's
/// workspace (`WorkspaceReader`), written as blobs and a tree into the user's object database
/// with libgit2 — no index, no working tree, no git command — and the change from the deploy's
/// tree to it, for the scope guard.
struct CandidateTree {
    let id: ObjectID
    let change: ProposedChange

    /// Builds the tree of `contents` in `repository` and diffs `deployTree` against it.
    init(_ contents: WorkspaceReader.Contents, deployTree: ObjectID, in repository: Repository) throws {
        var entries: [TreeEntry] = []
        entries.reserveCapacity(contents.entries.count)
        for (path, entry) in contents.entries.sorted(by: { $0.key < $1.key }) {
            switch entry {
            case .unchanged(let deployed):
                entries.append(deployed)
            case .file(let data, let executable):
                entries.append(TreeEntry(path: GitPath(path), mode: executable ? .executable : .regular,
                                         id: try repository.writeBlob(data)))
            case .symlink(let target):
                entries.append(TreeEntry(path: GitPath(path), mode: .symlink, id: try repository.writeBlob(target)))
            }
        }
        id = try repository.writeTree(entries)
        let diff = try repository.diffTrees(deployTree, id, options: DiffOptions(contextLines: 0, includeLines: true))
        change = try ProposedChange(diff: diff)
    }
}
