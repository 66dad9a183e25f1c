import Foundation
import GRDB

extension SQLiteStore: RestorableStore {
    public func snapshot() async throws -> StoreSnapshot {
        let copy = try DatabaseQueue()
        try queue.backup(to: copy)
        return StoreSnapshot(copy: copy, digest: try await queue.read(Self.digest))
    }

    public func restore(_ snapshot: StoreSnapshot) async throws -> Bool {
        guard let copy = snapshot.copy as? DatabaseQueue, try await queue.read(Self.digest) != snapshot.digest else { return false }
        try copy.backup(to: queue)
        return true
    }

    /// Every row of every table, in a stable order, as text.
    private static func digest(_ db: Database) throws -> [String] {
        var rows: [String] = []
        for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") {
            let quoted = "\"" + table.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            for row in try Row.fetchAll(db, sql: "SELECT * FROM \(quoted) ORDER BY rowid") {
                rows.append(table + ": " + row.description)
            }
        }
        return rows
    }
}
