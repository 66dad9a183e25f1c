import CLibGit2
import Foundation

extension Repository {
    /// Makes `directory`, which already holds the files of `tree`, a repository of its own: a
    /// fresh `.git` (libgit2's built-in template, so no hooks), the tree's objects copied from
    /// `source`, one commit of the tree on `main` by `author`, and an index that matches it.
    ///
    /// There is no remote, no alternate object store and no path back to `source`: what is
    /// done in the new repository stays there. Agents that expect a git repository (to diff
    /// their edits, or because their CLI checks for one) get one.
    public static func createStandalone(in directory: String, tree: ObjectID, from source: Repository,
                                        message: String, author: Signature) throws(GitError) {
        var options = git_repository_init_options()
        try check("git_repository_init_options_init",
                  git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION)))
        options.flags = GIT_REPOSITORY_INIT_NO_REINIT.rawValue | GIT_REPOSITORY_INIT_MKPATH.rawValue
        var raw: OpaquePointer?
        let rc = "main".withCString { head in
            options.initial_head = head
            return git_repository_init_ext(&raw, directory, &options)
        }
        try check("git_repository_init_ext", rc)
        git_repository_free(raw)
        let target = try Repository(discovering: directory)
        try source.copyObjects(of: tree, into: target)
        let commit = try target.createCommit(tree: tree, parents: [], message: message, author: author)
        var commitOID = commit.oid
        var ref: OpaquePointer?
        try check("git_reference_create",
                  git_reference_create(&ref, target.pointer, "refs/heads/main", &commitOID, 1, "heal: the deploy's tree"))
        git_reference_free(ref)
        try target.writeIndex(of: tree)
    }

    /// Copies the tree `tree` and everything it holds (subtrees and blobs, not submodules) from
    /// this repository's object database into `target`'s.
    func copyObjects(of tree: ObjectID, into target: Repository) throws(GitError) {
        var source: OpaquePointer?
        try check("git_repository_odb", git_repository_odb(&source, pointer))
        defer { git_odb_free(source) }
        var destination: OpaquePointer?
        try check("git_repository_odb", git_repository_odb(&destination, target.pointer))
        defer { git_odb_free(destination) }
        var pending = [tree]
        var seen: Set<ObjectID> = []
        while let id = pending.popLast() {
            guard seen.insert(id).inserted else { continue }
            var oid = id.oid
            var object: OpaquePointer?
            try shallowAware("git_odb_read", git_odb_read(&object, source, &oid), what: id.hex)
            defer { git_odb_object_free(object) }
            let type = git_odb_object_type(object)
            var written = git_oid()
            try check("git_odb_write", git_odb_write(&written, destination, git_odb_object_data(object),
                                                      git_odb_object_size(object), type))
            guard type == GIT_OBJECT_TREE else { continue }
            let treeObject = try lookupTree(id)
            defer { git_tree_free(treeObject) }
            for index in 0..<git_tree_entrycount(treeObject) {
                guard let entry = git_tree_entry_byindex(treeObject, index) else { continue }
                let entryType = git_tree_entry_type(entry)
                if entryType == GIT_OBJECT_TREE || entryType == GIT_OBJECT_BLOB {
                    pending.append(ObjectID(git_tree_entry_id(entry).pointee))
                }
            }
        }
    }

    /// Replaces the index with `tree`'s entries and writes it.
    private func writeIndex(of treeID: ObjectID) throws(GitError) {
        let tree = try lookupTree(treeID)
        defer { git_tree_free(tree) }
        var index: OpaquePointer?
        try check("git_repository_index", git_repository_index(&index, pointer))
        defer { git_index_free(index) }
        try check("git_index_read_tree", git_index_read_tree(index, tree))
        try check("git_index_write", git_index_write(index))
    }
}
