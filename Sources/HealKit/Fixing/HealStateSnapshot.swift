import Foundation

/// heal's own files under `<git-common-dir>/heal/` that an agent could rewrite to change what
/// heal later says or does — the staged PR bodies (`pr/`) and the escalation tickets
/// (`tickets/`) — and the identity of the SQLite store's file. Taken before an agent (and a
/// verification) runs; anything changed is a `heal-state` violation, and the files are put
/// back as they were.
struct HealStateSnapshot {
    let healDirectory: String
    let state: FileTreeState
    let store: FileInfo?

    init(healDirectory: String) {
        self.healDirectory = healDirectory
        state = FileTreeState(["pr", "tickets"].map { healDirectory + "/" + $0 })
        store = Self.storeIdentity(healDirectory)
    }

    /// The violations since this snapshot, after putting every changed file back.
    func restore() throws -> [ScopeViolation] {
        let now = FileTreeState(["pr", "tickets"].map { healDirectory + "/" + $0 })
        let changed = state.changedPaths(in: now)
        let removal = try SafeRemoval(root: healDirectory)
        // Deepest first, so a directory is emptied before it goes, and recreated before its files.
        for path in changed.sorted(by: { $0.count > $1.count }) where state.entries[path]?.kind != .directory {
            try removal.remove(path)
        }
        for path in changed.sorted() {
            guard let entry = state.entries[path] else { continue }
            switch entry.kind {
            case .directory:
                try? removal.remove(path)
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: entry.permissions])
            case .regular:
                try (entry.content ?? Data()).write(to: URL(fileURLWithPath: path))
                try FileManager.default.setAttributes([.posixPermissions: entry.permissions], ofItemAtPath: path)
            case .symlink:
                try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: String(decoding: entry.content ?? Data(), as: UTF8.self))
            case .special:
                break
            }
        }
        var violations = changed.map { path in
            ScopeViolation(rule: .healState, path: path, message:
                "heal's own file was \(state.entries[path] == nil ? "created" : now.entries[path] == nil ? "deleted" : "changed") "
                + "while the agent ran; heal put it back as it was")
        }
        if Self.storeIdentity(healDirectory).map(\.inode) != store.map(\.inode) {
            violations.append(ScopeViolation(rule: .healState, path: healDirectory + "/heal.sqlite", message:
                "heal's store was replaced or deleted while the agent ran; its breakers and history cannot be trusted: "
                + "move the file aside and run heal again"))
        }
        return violations
    }

    private static func storeIdentity(_ healDirectory: String) -> FileInfo? {
        (try? DirectoryHandle.open(healDirectory))?.info(Array("heal.sqlite".utf8))
    }
}
