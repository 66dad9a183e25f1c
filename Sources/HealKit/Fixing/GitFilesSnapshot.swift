import Foundation
import GitKit

/// The files that decide what git runs and reads in the user's repository — its config, hooks,
/// `info/` (attributes, excludes), worktree entries, alternates and shallow list — and the
/// user's and the system's git config, byte for byte. Written there, a hook, `core.fsmonitor`,
/// `core.hooksPath`, an alias, `core.sshCommand` or a filter driver runs later in the user's
/// checkout. A sandboxed agent cannot reach any of them; this is the check that says so, and
/// the one that catches it when the sandbox is off. heal cannot tell such a change from the
/// user's own, so it reports it and leaves the files alone.
struct GitFilesSnapshot: Equatable {
    let state: FileTreeState

    /// The files of `repository`, and the global config under `home`.
    init(_ repository: Repository, home: String?) {
        let common = repository.commonDirectory
        var paths = ["config", "config.worktree", "hooks", "info", "worktrees", "objects/info", "shallow", "commondir"]
            .map { common + "/" + $0 }
        if repository.gitDirectory != common { paths.append(repository.gitDirectory + "/config.worktree") }
        if let home { paths += [home + "/.gitconfig", home + "/.config/git"] }
        paths.append("/etc/gitconfig")
        state = FileTreeState(paths)
    }

    /// A `git-state` violation for every path that changed since this snapshot.
    func violations(to later: GitFilesSnapshot) -> [ScopeViolation] {
        state.changedPaths(in: later.state).map { path in
            ScopeViolation(rule: .gitState, path: path, message:
                "\(Self.what(state.entries[path], later.state.entries[path])) while the agent ran: git reads it, and what is "
                + "written there (a hook, core.fsmonitor, core.hooksPath, an alias, a filter) runs in your repository. "
                + "heal cannot tell this from your own change, so it left it as it is: review it before you run git there")
        }
    }

    private static func what(_ before: FileTreeState.Entry?, _ after: FileTreeState.Entry?) -> String {
        switch (before, after) {
        case (nil, _): "appeared"
        case (_, nil): "disappeared"
        default: "changed"
        }
    }
}
