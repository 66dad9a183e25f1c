import Foundation
import GRDB

/// The default store: a SQLite file (WAL, busy timeout, versioned migrations) under the git
/// common dir, shared by every worktree and process of one clone.
///
/// Write transactions start with `BEGIN IMMEDIATE`, so a claim holds the write lock from its
/// first read: two processes cannot both see room for one more attempt.
public final class SQLiteStore: HealStore {
    public let location: String
    let queue: DatabaseQueue

    /// How long a writer waits for another process's transaction before giving up.
    static let busyTimeout: TimeInterval = 30

    /// Opens (creating when missing) the store at `path`.
    ///
    /// - Throws: `StoreError` when the file is not a heal store or is damaged; such a file is
    ///   never modified, recreated or migrated.
    public init(path: String) throws {
        location = path
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw StoreError(location: path, problem: "cannot create \(directory): \(error.localizedDescription)",
                             fix: "check the directory's permissions")
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.journalMode = .wal
        configuration.label = "heal"
        // Opening is serialised across processes: switching a new file to WAL and running the
        // migrations are not safe to race (GRDB reads the applied migrations outside its
        // transaction), and the lock costs microseconds once the store exists.
        queue = try FileLock.withExclusiveLock(path + ".open-lock") {
            try Self.rejectForeignFile(at: path)
            do {
                let queue = try DatabaseQueue(path: path, configuration: configuration)
                try Self.migrate(queue, path: path)
                return queue
            } catch let error as StoreError {
                throw error
            } catch {
                throw Self.translate(error, location: path, operation: "open")
            }
        }
    }

    public func close() async {
        try? queue.close()
    }

    /// Refuses a file that is not SQLite, or whose schema cannot be read, before anything can
    /// write to it (opening in WAL mode would rewrite the header).
    static func rejectForeignFile(at path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        try? handle.close()
        guard !header.isEmpty else { return }
        guard header == Data("SQLite format 3\u{0}".utf8) else {
            throw corrupt(path, "it is not a SQLite database (wrong file header)")
        }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        do {
            let probe = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? probe.close() }
            let check = try probe.read { db in
                _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master")
                return try String.fetchOne(db, sql: "PRAGMA quick_check(1)") ?? "ok"
            }
            guard check == "ok" else { throw corrupt(path, "the integrity check reports: \(check)") }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode) {
            throw corrupt(path, error.message ?? "\(error)")
        }
    }

    private static func corrupt(_ path: String, _ detail: String) -> StoreError {
        StoreError(location: path, problem: "the store is damaged: \(detail); heal left the file as it is",
                   fix: "move it aside (heal then starts an empty store) or restore it from a backup")
    }

    /// Runs the migrations this heal knows and the file lacks; the caller holds the open lock.
    private static func migrate(_ queue: DatabaseQueue, path: String) throws {
        let migrator = SQLiteSchema.migrator
        let done = try queue.read { db in
            (try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db))
        }
        if done.0 {
            throw StoreError(location: path, problem: "the store was written by a newer heal (unknown schema migrations)",
                             fix: "upgrade heal on this machine")
        }
        if !done.1 { try migrator.migrate(queue) }
    }

    /// Maps GRDB errors to heal's: damage is the user's to handle, the rest is internal.
    static func translate(_ error: any Error, location: String, operation: String) -> any Error {
        guard let error = error as? DatabaseError else { return error }
        if [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode) {
            return corrupt(location, error.message ?? "\(error)")
        }
        if error.resultCode == .SQLITE_BUSY {
            return StoreError(location: location, problem: "another process held the store locked for \(Int(busyTimeout)) s",
                              fix: "check for a hung heal process (`ps`), then try again")
        }
        if [.SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM].contains(error.resultCode) {
            return StoreError(location: location, problem: "cannot write the store: \(error.message ?? "\(error)")",
                              fix: "check the file's and its directory's permissions")
        }
        return StoreFailure(location: location, operation: operation, detail: "\(error)")
    }

    /// Runs `body` in a `BEGIN IMMEDIATE` transaction.
    func write<T: Sendable>(_ operation: String, _ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await queue.writeWithoutTransaction { db in
                try db.execute(sql: "BEGIN IMMEDIATE")
                do {
                    let value = try body(db)
                    try db.execute(sql: "COMMIT")
                    return value
                } catch {
                    if db.isInsideTransaction { try? db.execute(sql: "ROLLBACK") }
                    throw error
                }
            }
        } catch {
            throw Self.translate(error, location: location, operation: operation)
        }
    }

    func read<T: Sendable>(_ operation: String, _ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await queue.read(body)
        } catch {
            throw Self.translate(error, location: location, operation: operation)
        }
    }
}
