import CLibGit2
import Foundation

extension Repository {
    /// Writes a tree holding exactly `entries` (their blobs must be in this repository's object
    /// database) and returns its id. Nothing else is read or written: no index file, no
    /// working tree, no ref.
    ///
    /// - Throws: when an entry's path is not one git accepts (`..`, `.git`, a file and a
    ///   directory of the same name).
    public func writeTree(_ entries: [TreeEntry]) throws(GitError) -> ObjectID {
        var index: OpaquePointer?
        try check("git_index_new", git_index_new(&index))
        defer { git_index_free(index) }
        for entry in entries {
            var raw = git_index_entry()
            raw.mode = entry.mode.raw
            raw.id = entry.id.oid
            let rc = (entry.path.bytes + [0]).withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { path in
                    raw.path = path.baseAddress
                    return git_index_add(index, &raw)
                }
            }
            if rc < 0 {
                var error = GitError.last("git_index_add", rc)
                error.message = "cannot put `\(entry.path)` in a tree: \(error.message)"
                throw error
            }
        }
        var oid = git_oid()
        try check("git_index_write_tree_to", git_index_write_tree_to(&oid, index, pointer))
        return ObjectID(oid)
    }

    /// Creates a commit of `tree` with `parents`, authored and committed by `author`, without
    /// moving any ref (and so without running anything: libgit2 runs no hooks).
    public func createCommit(tree treeID: ObjectID, parents parentIDs: [ObjectID], message: String,
                             author: Signature) throws(GitError) -> ObjectID {
        let tree = try lookupTree(treeID)
        defer { git_tree_free(tree) }
        var parents: [OpaquePointer?] = []
        defer { parents.forEach { git_commit_free($0) } }
        for id in parentIDs {
            parents.append(try lookupCommitObject(id.hex))
        }
        var signature: UnsafeMutablePointer<git_signature>?
        try check("git_signature_new",
                  git_signature_new(&signature, author.name, author.email, git_time_t(author.time.timeIntervalSince1970), 0))
        defer { git_signature_free(signature) }
        var oid = git_oid()
        let rc = parents.withUnsafeMutableBufferPointer { buffer in
            git_commit_create(&oid, pointer, nil, signature, signature, nil, message, tree, buffer.count, buffer.baseAddress)
        }
        try check("git_commit_create", rc)
        return ObjectID(oid)
    }
}
