import CLibGit2
import Foundation

/// One file of a tree, at any depth: a blob, a symbolic link or a submodule (gitlink).
public struct TreeEntry: Sendable, Equatable {
    /// The path from the tree's root, `/`-separated.
    public var path: GitPath
    public var mode: FileMode
    /// The blob (for a gitlink, the submodule's commit).
    public var id: ObjectID

    public init(path: GitPath, mode: FileMode, id: ObjectID) {
        self.path = path
        self.mode = mode
        self.id = id
    }
}

extension Repository {
    /// Every file of the tree `tree`, depth first in git's order; directories are implied by
    /// their files (an empty one cannot be in a tree).
    public func treeEntries(_ tree: ObjectID) throws(GitError) -> [TreeEntry] {
        var entries: [TreeEntry] = []
        try collectEntries(of: tree, prefix: [], into: &entries)
        return entries
    }

    private func collectEntries(of treeID: ObjectID, prefix: [UInt8], into entries: inout [TreeEntry]) throws(GitError) {
        let tree = try lookupTree(treeID)
        defer { git_tree_free(tree) }
        for index in 0..<git_tree_entrycount(tree) {
            guard let entry = git_tree_entry_byindex(tree, index) else { continue }
            guard let cName = git_tree_entry_name(entry) else { continue }
            let name = Array(UnsafeRawBufferPointer(start: cName, count: strlen(cName)))
            let path = prefix.isEmpty ? name : prefix + [UInt8(ascii: "/")] + name
            let id = ObjectID(git_tree_entry_id(entry).pointee)
            let mode = FileMode(raw: UInt32(git_tree_entry_filemode(entry).rawValue))
            if mode == .tree {
                try collectEntries(of: id, prefix: path, into: &entries)
            } else {
                entries.append(TreeEntry(path: GitPath(bytes: path), mode: mode, id: id))
            }
        }
    }

    /// The id `data` has as a blob, without writing it.
    public func hashBlob(_ data: Data) throws(GitError) -> ObjectID {
        var oid = git_oid()
        let rc = data.withUnsafeBytes { raw in git_odb_hash(&oid, raw.baseAddress, raw.count, GIT_OBJECT_BLOB) }
        try check("git_odb_hash", rc)
        return ObjectID(oid)
    }

    /// Writes `data` as a blob into this repository's object database; returns its id.
    @discardableResult
    public func writeBlob(_ data: Data) throws(GitError) -> ObjectID {
        var oid = git_oid()
        let rc = data.withUnsafeBytes { raw in git_blob_create_from_buffer(&oid, pointer, raw.baseAddress, raw.count) }
        try check("git_blob_create_from_buffer", rc)
        return ObjectID(oid)
    }

    /// Whether the object `id` is in this repository's object database.
    public func hasObject(_ id: ObjectID) -> Bool {
        var odb: OpaquePointer?
        guard git_repository_odb(&odb, pointer) == 0 else { return false }
        defer { git_odb_free(odb) }
        var oid = id.oid
        return git_odb_exists(odb, &oid) == 1
    }
}
