import GitKit

/// Every ref of the user's repository — branches, tags, notes, remote-tracking refs, the stash,
/// loose or packed — and what HEAD of the user's checkout names, taken before an agent runs.
/// A sandboxed agent cannot reach them; without a sandbox, an agent that finds the repository
/// (its workspace lies inside the git directory) can still run `git update-ref …`.
struct RefSnapshot: Equatable {
    var refs: [String: HeadState]
    var head: HeadState?

    /// The refs of `repository`, and its checkout's HEAD (nil for a bare repository).
    init(_ repository: Repository) throws {
        refs = try repository.references()
        head = repository.isBare ? nil : try repository.headState()
    }

    /// What changed since this snapshot, as `ref-moved` violations, each with the command that
    /// puts it back — which heal does not run itself, since the user may have moved it
    /// meanwhile. `fixBranch` is heal's to move. Branches that did not exist before are
    /// returned separately, not as violations: they are not the user's, and heal deletes them.
    func changes(to later: RefSnapshot, fixBranch: String, checkout: String) -> (violations: [ScopeViolation], created: [String]) {
        let fixRef = "refs/heads/" + fixBranch
        var violations: [ScopeViolation] = []
        for (ref, old) in refs.sorted(by: { $0.key < $1.key }) where ref != fixRef {
            if let new = later.refs[ref] {
                guard new != old else { continue }
                violations.append(ScopeViolation(rule: .refMoved, path: ref, message:
                    "moved from \(Self.describe(old)) to \(Self.describe(new)) while the agent ran. \(Self.notRestored) "
                    + "`\(Self.restore(ref, to: old, from: new))`"))
            } else {
                violations.append(ScopeViolation(rule: .refMoved, path: ref, message:
                    "deleted while the agent ran (it was at \(Self.describe(old))). \(Self.notRestored) "
                    + "`\(Self.restore(ref, to: old, from: nil))`"))
            }
        }
        var created: [String] = []
        for (ref, new) in later.refs.sorted(by: { $0.key < $1.key }) where refs[ref] == nil && ref != fixRef {
            if ref.hasPrefix("refs/heads/") {
                created.append(String(ref.dropFirst("refs/heads/".count)))
            } else {
                violations.append(ScopeViolation(rule: .refMoved, path: ref, message:
                    "created while the agent ran (at \(Self.describe(new))); it could trigger what your refs trigger "
                    + "(a deploy tag, a hook). Delete it with `git update-ref -d \(ref)`"))
            }
        }
        if let head, let now = later.head, now != head {
            let restore = switch head {
            case .symbolic(let name): "`git -C \(checkout) symbolic-ref HEAD \(name)`"
            case .detached(let id): "`git -C \(checkout) update-ref --no-deref HEAD \(id.hex)`"
            }
            violations.append(ScopeViolation(rule: .refMoved, path: "HEAD", message:
                "your checkout's HEAD changed from \(head) to \(now) while the agent ran. \(Self.notRestored) \(restore)"))
        }
        return (violations, created)
    }

    private static func describe(_ target: HeadState) -> String {
        switch target {
        case .detached(let id): id.short()
        case .symbolic(let name): "→ \(name)"
        }
    }

    private static func restore(_ ref: String, to old: HeadState, from new: HeadState?) -> String {
        switch old {
        case .symbolic(let name):
            return "git symbolic-ref \(ref) \(name)"
        case .detached(let id):
            if case .detached(let current)? = new { return "git update-ref \(ref) \(id.hex) \(current.hex)" }
            return "git update-ref \(ref) \(id.hex)"
        }
    }

    private static let notRestored =
        "heal does not put it back, since you may have moved it yourself meanwhile; if you did not, restore it with"
}
