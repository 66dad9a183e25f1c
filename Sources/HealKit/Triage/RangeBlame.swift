import GitKit

/// Which commit of a deploy last changed a line of the deployed code: `git blame` restricted to
/// the range, over any history shape.
///
/// `changed(c)` answers whether the line (as it is at the deploy) differs at commit `c` — it
/// lies in a change of the diff `c → deploy`. The commit that last changed it is the newest
/// range commit where it no longer differs while it still differs at every parent: that
/// commit brought the line to its deployed form, on whichever branch it was written.
enum RangeBlame {
    /// `commits` oldest first (parents before children); nil when no range commit qualifies.
    static func lastChange(commits: [Commit], changed: (ObjectID) throws -> Bool) rethrows -> Commit? {
        var memo: [ObjectID: Bool] = [:]
        func differs(_ id: ObjectID) throws -> Bool {
            if let known = memo[id] { return known }
            let value = try changed(id)
            memo[id] = value
            return value
        }
        for commit in commits.reversed() {
            guard try !differs(commit.id) else { continue }
            if try commit.parents.allSatisfy({ try differs($0) }) { return commit }
        }
        return nil
    }
}
