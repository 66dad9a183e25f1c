import GitKit

/// The local branches (name → commit) and what HEAD of the user's checkout names, taken before
/// an agent runs: without a sandbox, an agent that finds the repository (its workspace lies
/// inside the git directory) can still run `git update-ref refs/heads/main …`.
struct RefSnapshot: Equatable {
    var branches: [String: ObjectID]
    var head: HeadState?

    /// The refs of `repository`, the user's checkout (nil HEAD for a bare repository).
    init(_ repository: Repository) throws {
        branches = Dictionary(uniqueKeysWithValues: try repository.branches().map { ($0.name, $0.target) })
        head = repository.isBare ? nil : try repository.headState()
    }

    /// What changed since this snapshot. Every branch but `fixBranch` that moved or is gone, and
    /// a HEAD that names something else, is a `ref-moved` violation with the command that puts
    /// it back — which heal does not run itself, since the user may have moved it meanwhile.
    /// Branches that did not exist before are returned separately: they are not the user's.
    func changes(to later: RefSnapshot, fixBranch: String, checkout: String) -> (violations: [ScopeViolation], created: [String]) {
        var violations: [ScopeViolation] = []
        for (name, old) in branches.sorted(by: { $0.key < $1.key }) where name != fixBranch {
            let ref = "refs/heads/" + name
            if let new = later.branches[name] {
                guard new != old else { continue }
                violations.append(ScopeViolation(rule: .refMoved, path: ref, message:
                    "moved from \(old.short()) to \(new.short()) while the agent ran. \(Self.notRestored) "
                    + "`git update-ref \(ref) \(old.hex) \(new.hex)`"))
            } else {
                violations.append(ScopeViolation(rule: .refMoved, path: ref, message:
                    "deleted while the agent ran (it was at \(old.short())). \(Self.notRestored) "
                    + "`git update-ref \(ref) \(old.hex)`"))
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
        let created = later.branches.keys.filter { branches[$0] == nil && $0 != fixBranch }.sorted()
        return (violations, created)
    }

    private static let notRestored =
        "heal does not put it back, since you may have moved it yourself meanwhile; if you did not, restore it with"
}
