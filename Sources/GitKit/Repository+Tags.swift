import CLibGit2

/// A tag and the commit it names.
public struct Tag: Sendable, Equatable {
    public var name: String
    public var commit: ObjectID
}

extension Repository {
    /// The tags whose names match the glob `pattern` (`deploy-*`), each peeled to its commit;
    /// tags that name no commit are left out. Sorted by name.
    public func tags(matching pattern: String) throws(GitError) -> [Tag] {
        var names = git_strarray()
        try check("git_tag_list_match", git_tag_list_match(&names, pattern, pointer))
        defer { git_strarray_dispose(&names) }
        var result: [Tag] = []
        for index in 0..<names.count {
            guard let cName = names.strings[index] else { continue }
            let name = String(cString: cName)
            guard let commit = try? commit("refs/tags/" + name) else { continue }
            result.append(Tag(name: name, commit: commit.id))
        }
        return result.sorted { $0.name < $1.name }
    }

    /// The most recent tag matching `pattern` in `revision`'s history, excluding tags on
    /// `revision` itself: the previous deploy when tags mark deploys. History is walked
    /// newest first (topological, then commit time); among several tags on one commit the
    /// greatest name wins.
    public func previousTag(matching pattern: String, before revision: String) throws(GitError) -> Tag? {
        let target = try commit(revision)
        var byCommit: [ObjectID: Tag] = [:]
        for tag in try tags(matching: pattern) where tag.commit != target.id {
            if let known = byCommit[tag.commit], known.name > tag.name { continue }
            byCommit[tag.commit] = tag
        }
        guard !byCommit.isEmpty else { return nil }
        var walk: OpaquePointer?
        try check("git_revwalk_new", git_revwalk_new(&walk, pointer))
        defer { git_revwalk_free(walk) }
        try check("git_revwalk_sorting", git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue))
        for parent in target.parents {
            var oid = parent.oid
            try shallowAware("git_revwalk_push", git_revwalk_push(walk, &oid), what: parent.hex)
        }
        var oid = git_oid()
        while true {
            let rc = git_revwalk_next(&oid, walk)
            if rc == GIT_ITEROVER.rawValue { return nil }
            try shallowAware("git_revwalk_next", rc, what: ObjectID(oid).hex)
            if let tag = byCommit[ObjectID(oid)] { return tag }
        }
    }
}
