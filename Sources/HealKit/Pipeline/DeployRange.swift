import GitKit

/// The two commits a `heal run` compares: the pre-deploy baseline and the deploy, and how the
/// baseline was chosen (for progress lines and error messages).
public struct DeployRange: Sendable, Equatable {
    public var before: Commit
    public var after: Commit
    /// Where `before` came from: `--before`, `ORIG_HEAD (post-merge)` or `tag deploy-3`.
    public var beforeSource: String

    public init(before: Commit, after: Commit, beforeSource: String) {
        self.before = before
        self.after = after
        self.beforeSource = beforeSource
    }

    /// Resolves the range the way `heal run` documents it: `after` defaults to HEAD; `before`
    /// to ORIG_HEAD when the post-merge hook triggered the run, else to the most recent tag
    /// matching `deployTags` in `after`'s history.
    ///
    /// - Parameter trigger: the `HEAL_TRIGGER` the hooks set (`post-merge`, `tag:<name>`), or nil.
    /// - Throws: `MissingBaseline` when no baseline can be found; `GitError` for a revision that
    ///   does not resolve.
    public static func resolve(repository: Repository, before: String?, after: String?, deployTags: String,
                               trigger: String?) throws -> DeployRange {
        let afterCommit = try repository.commit(after ?? "HEAD")
        if let before {
            return DeployRange(before: try repository.commit(before), after: afterCommit, beforeSource: "--before")
        }
        if trigger == "post-merge" {
            return DeployRange(before: try repository.commit("ORIG_HEAD"), after: afterCommit,
                               beforeSource: "ORIG_HEAD (post-merge)")
        }
        guard let tag = try repository.previousTag(matching: deployTags, before: afterCommit.id.hex) else {
            throw MissingBaseline(after: after ?? "HEAD", deployTags: deployTags)
        }
        return DeployRange(before: try repository.commit(tag.commit.hex), after: afterCommit,
                           beforeSource: "tag \(tag.name)")
    }
}

/// `heal run` was given no `--before` and found no previous deploy tag to default to.
public struct MissingBaseline: UserInputError, Equatable {
    public var after: String
    public var deployTags: String

    public var description: String {
        "no baseline to compare \(after) with: no tag matching `\(deployTags)` precedes it\n"
            + "  fix: pass --before REV (the last good deploy), or tag deploys to match `deploy-tags:` in .heal.yml"
    }
}
