import Foundation
import GitKit

extension TreeSync {
    /// Takes over a directory that held `tree` before this process (a warm directory kept
    /// between runs, or restored from a copy): each regular file whose bytes and mode are still
    /// the blob's is recorded as heal's own write, with its current modification time kept so
    /// build tools see it unchanged; anything else is left for the next `sync` to rewrite.
    /// Returns the paths adopted.
    @discardableResult
    func adopt(_ tree: ObjectID, in repository: Repository) throws -> Int {
        let root = try DirectoryHandle.open(directory)
        var parents = ParentCache(root: root)
        var adopted = 0
        written = [:]
        for entry in try repository.treeEntries(tree) where entry.mode == .regular || entry.mode == .executable {
            let path = try Self.checkedPath(entry.path)
            guard let (parent, name) = try parents.existing(path), let info = parent.info(name), info.kind == .regular,
                  (info.permissions & 0o111 != 0) == (entry.mode == .executable),
                  let bytes = try? parent.read(name, limit: info.size + 1), bytes.count == info.size,
                  try repository.hashBlob(bytes) == entry.id else { continue }
            written[path] = Written(mode: entry.mode, id: entry.id, info: info)
            adopted += 1
        }
        self.tree = tree
        return adopted
    }
}
