import CLibGit2
import Foundation

extension Repository {
    /// Resolves any rev-spec (`HEAD~2`, a tag, a short id, `main@{1}`) to the commit it names.
    ///
    /// - Throws: `.notFound` for an unknown revision; `.missingInShallowClone` when the
    ///   revision is an id the shallow clone does not hold, with the fetch command to run.
    public func commit(_ revision: String) throws(GitError) -> Commit {
        let object = try lookupCommitObject(revision)
        defer { git_commit_free(object) }
        return Self.makeCommit(object)
    }

    /// The commits reachable from `after` but not from `before`, oldest first, parents before
    /// children (topological order).
    ///
    /// With `firstParent`, only the first-parent chain of `after` is followed, so a merged
    /// branch appears as its merge commit alone — the granularity `git bisect --first-parent`
    /// searches.
    public func commits(from before: String, to after: String, firstParent: Bool = false) throws(GitError) -> [Commit] {
        let beforeID = try commit(before).id
        let afterID = try commit(after).id
        var walk: OpaquePointer?
        try check("git_revwalk_new", git_revwalk_new(&walk, pointer))
        defer { git_revwalk_free(walk) }
        try check("git_revwalk_sorting",
                  git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_REVERSE.rawValue))
        if firstParent { try check("git_revwalk_simplify_first_parent", git_revwalk_simplify_first_parent(walk)) }
        var afterOID = afterID.oid
        var beforeOID = beforeID.oid
        try check("git_revwalk_push", git_revwalk_push(walk, &afterOID))
        try check("git_revwalk_hide", git_revwalk_hide(walk, &beforeOID))
        var result: [Commit] = []
        var oid = git_oid()
        while true {
            let rc = git_revwalk_next(&oid, walk)
            if rc == GIT_ITEROVER.rawValue { break }
            try shallowAware("git_revwalk_next", rc, what: ObjectID(oid).hex)
            result.append(try commit(ObjectID(oid).hex))
        }
        return result
    }

    /// The best common ancestor of two revisions, or nil when they share no history.
    public func mergeBase(_ a: String, _ b: String) throws(GitError) -> ObjectID? {
        var first = try commit(a).id.oid
        var second = try commit(b).id.oid
        var base = git_oid()
        let rc = git_merge_base(&base, pointer, &first, &second)
        if rc == GIT_ENOTFOUND.rawValue { return nil }
        try check("git_merge_base", rc)
        return ObjectID(base)
    }

    /// Whether `ancestor` is reachable from `descendant` (or is the same commit).
    public func isAncestor(_ ancestor: String, of descendant: String) throws(GitError) -> Bool {
        let a = try commit(ancestor).id
        let d = try commit(descendant).id
        if a == d { return true }
        var aOID = a.oid
        var dOID = d.oid
        let rc = git_graph_descendant_of(pointer, &dOID, &aOID)
        try check("git_graph_descendant_of", rc)
        return rc == 1
    }

    /// The commits with no parent reachable from `revision`, sorted by id.
    public func rootCommits(of revision: String = "HEAD") throws(GitError) -> [ObjectID] {
        var walk: OpaquePointer?
        try check("git_revwalk_new", git_revwalk_new(&walk, pointer))
        defer { git_revwalk_free(walk) }
        var start = try commit(revision).id.oid
        try check("git_revwalk_push", git_revwalk_push(walk, &start))
        var roots: [ObjectID] = []
        var oid = git_oid()
        while true {
            let rc = git_revwalk_next(&oid, walk)
            if rc == GIT_ITEROVER.rawValue { break }
            try shallowAware("git_revwalk_next", rc, what: ObjectID(oid).hex)
            var raw: OpaquePointer?
            try check("git_commit_lookup", git_commit_lookup(&raw, pointer, &oid))
            if git_commit_parentcount(raw) == 0 { roots.append(ObjectID(oid)) }
            git_commit_free(raw)
        }
        return roots.sorted()
    }

    /// Looks up a commit object; the caller frees it.
    func lookupCommitObject(_ revision: String) throws(GitError) -> OpaquePointer {
        var object: OpaquePointer?
        let rc = git_revparse_single(&object, pointer, revision)
        if rc < 0 {
            var error = GitError.last("git_revparse_single", rc)
            if error.kind == .notFound || rc == GIT_EAMBIGUOUS.rawValue || rc == GIT_EINVALIDSPEC.rawValue {
                error.message = "unknown revision '\(revision)': \(error.message)"
                error.hint = "check the name with `git rev-parse \(revision)`"
                if isShallow {
                    error.kind = .missingInShallowClone
                    error.hint = Self.shallowHint
                } else if error.kind != .notFound {
                    error.kind = .notFound
                }
            }
            throw error
        }
        defer { git_object_free(object) }
        var peeled: OpaquePointer?
        let peelRC = git_object_peel(&peeled, object, GIT_OBJECT_COMMIT)
        if peelRC < 0 {
            var error = GitError.last("git_object_peel", peelRC)
            error.message = "'\(revision)' does not name a commit: \(error.message)"
            throw error
        }
        return peeled!
    }

    /// Rethrows a failed call, explaining a missing object in a shallow clone.
    func shallowAware(_ call: String, _ rc: Int32, what: String) throws(GitError) {
        guard rc < 0 else { return }
        var error = GitError.last(call, rc)
        if error.kind == .notFound && isShallow {
            error.kind = .missingInShallowClone
            error.message = "object \(what) is missing: this clone is shallow and its history stops before it (\(error.message))"
            error.hint = Self.shallowHint
        }
        throw error
    }

    static let shallowHint =
        "this clone is shallow, so the baseline commit may not have been fetched: run `git fetch --deepen=<n>` (or `git fetch --unshallow`) and try again; in CI check out with fetch-depth: 0"

    static func makeCommit(_ raw: OpaquePointer) -> Commit {
        let id = ObjectID(git_commit_id(raw).pointee)
        let tree = ObjectID(git_commit_tree_id(raw).pointee)
        var parents: [ObjectID] = []
        for index in 0..<git_commit_parentcount(raw) {
            if let parent = git_commit_parent_id(raw, index) { parents.append(ObjectID(parent.pointee)) }
        }
        let message = git_commit_message(raw).map { String(cString: $0) } ?? ""
        let summary = git_commit_summary(raw).map { String(cString: $0) } ?? ""
        return Commit(id: id, treeID: tree, parents: parents,
                      author: makeSignature(git_commit_author(raw)),
                      committer: makeSignature(git_commit_committer(raw)),
                      summary: summary, message: message)
    }

    static func makeSignature(_ sig: UnsafePointer<git_signature>?) -> Signature {
        guard let sig else { return Signature(name: "", email: "", time: Date(timeIntervalSince1970: 0)) }
        return Signature(name: sig.pointee.name.map { String(cString: $0) } ?? "",
                         email: sig.pointee.email.map { String(cString: $0) } ?? "",
                         time: Date(timeIntervalSince1970: TimeInterval(sig.pointee.when.time)))
    }
}
