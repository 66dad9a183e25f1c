import Foundation
import GitKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A scratch directory at a fixed path, `<git-common-dir>/heal/warm/<name>`, kept between runs
/// and between `heal run`s: brought to each commit's tree by `TreeSync` (only changed paths are
/// rewritten, the others keep their modification times), so the build products a compiled
/// project leaves beside its sources (SwiftPM's `.build`, cargo's `target/`, …) turn the next
/// run into an incremental build instead of a cold one. The path must not change: SwiftPM's
/// build products name it, and a copy elsewhere does not build.
///
/// Code heal does not trust — a fix under verification, written by an agent — runs there too,
/// but on a copy: the directory is copied aside before, the run works in place, and the copy
/// is moved back after, so nothing that run leaves (a rewritten source, a poisoned cache)
/// reaches any later run. One process at a time (an `flock`); a busy directory makes the caller
/// fall back to a fresh one. The tree it holds is recorded only between runs, once it is
/// exactly that tree again, so a run killed half-way leaves a directory that is started over.
public final class WarmDirectory: @unchecked Sendable {
    /// The directory's path.
    public let directory: String
    private let healDirectory: HealDirectory
    private let stateFile: String
    private let lockFile: String
    /// The last second any instance stamped a file here with: stamps only ever grow, whichever
    /// instance or process hands them out.
    private let stampFile: String
    private var sync: TreeSync?
    private let mutex = NSLock()
    /// Waits between tries of a lock held outside this process's holders: a child process
    /// forked anywhere in this process holds a copy of the lock's descriptor until it execs, so
    /// a lock just released can look taken for a moment. `lockTries` pauses, then the
    /// directory counts as busy.
    private let lockPause: @Sendable () async -> Void
    static let lockTries = 50
    private static let heldHere = HeldLockFiles()

    /// A warm directory for this repository, or nil when `HEAL_FRESH_DIRECTORIES=1` asks for a
    /// fresh directory per run (to compare, or when a build tool misbehaves with reused products).
    public static func enabled(healDirectory: HealDirectory) -> WarmDirectory? {
        ProcessInfo.processInfo.environment["HEAL_FRESH_DIRECTORIES"] == "1" ? nil : WarmDirectory(healDirectory: healDirectory)
    }

    public convenience init(healDirectory: HealDirectory, name: String = "runs") {
        self.init(healDirectory: healDirectory, name: name) { try? await Task.sleep(for: .milliseconds(20)) }
    }

    init(healDirectory: HealDirectory, name: String = "runs", lockPause: @escaping @Sendable () async -> Void) {
        self.lockPause = lockPause
        self.healDirectory = healDirectory
        directory = healDirectory.path + "/warm/" + name
        stateFile = directory + ".tree"
        lockFile = directory + ".lock"
        stampFile = directory + ".stamp"
    }

    /// Runs `body` with the directory holding `revision`'s tree; nil when another process holds
    /// the directory (the caller then uses a fresh one). `trusted` is false for code heal must
    /// not let reach a later run.
    func withTree<T: Sendable>(at revision: String, repositoryPath: String, trusted: Bool,
                               _ body: (ExportedTree) async throws -> T) async throws -> T? {
        guard let lock = try await takeLock() else { return nil }
        defer {
            close(lock)
            Self.heldHere.release(lockFile)
        }
        let repository = try Repository(discovering: repositoryPath)
        let commit = try repository.commit(revision)
        let sync = try prepared(repository)
        let aside = directory + ".trusted"
        let trustedTree = sync.tree
        if !trusted {
            try? SafeRemoval(root: healDirectory.path).remove(aside)
            try copy(directory, to: aside)
        }
        // No record while a run works there (it may write trial files over the tree): a process
        // killed now leaves a directory the next one starts over.
        try? FileManager.default.removeItem(atPath: stateFile)
        defer {
            saveStamps(of: sync)
            if !trusted { restore(from: aside, tree: trustedTree) }
        }
        sync.stamps.raise(above: (try? String(contentsOfFile: stampFile, encoding: .utf8)).flatMap { Int($0) } ?? 0)
        try sync.sync(to: commit.treeID, in: repository)
        let result = try await body(ExportedTree(directory: directory, commit: commit.id, sync: sync))
        if trusted {
            try sync.sync(to: commit.treeID, in: repository)
            try record(commit.treeID)
        }
        return result
    }

    /// Removes the directory, its trusted copy and its record, so the next run starts over:
    /// after an agent ran unboxed (`sandbox: off`), which could have written anything there.
    /// Does nothing when another process holds the directory.
    func discard() async throws {
        guard let lock = try await takeLock() else { return }
        defer {
            close(lock)
            Self.heldHere.release(lockFile)
        }
        mutex.withLock { sync = nil }
        try? FileManager.default.removeItem(atPath: stateFile)
        let removal = try SafeRemoval(root: healDirectory.path)
        for path in [directory, directory + ".trusted"] { try? removal.remove(path) }
    }

    /// Rewritten files get a fresh second later than any this directory's files were given, by
    /// this instance, another one or another process (see `RewriteStamps`): the last one is kept
    /// beside the directory for the next.
    private func saveStamps(of sync: TreeSync) {
        try? Data(String(sync.stamps.lastStamp).utf8).write(to: URL(fileURLWithPath: stampFile))
    }

    /// The directory's `TreeSync`, adopting what an earlier process left when its record is
    /// whole, else starting from an empty directory.
    private func prepared(_ repository: Repository) throws -> TreeSync {
        mutex.lock()
        defer { mutex.unlock() }
        if let sync { return sync }
        let recorded = (try? String(contentsOfFile: stateFile, encoding: .utf8)).flatMap { ObjectID(hex: $0) }
        let sync = TreeSync(directory: directory)
        if let recorded, FileManager.default.fileExists(atPath: directory), (try? sync.adopt(recorded, in: repository)) != nil {
            self.sync = sync
            return sync
        }
        try? SafeRemoval(root: healDirectory.path).remove(directory)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        self.sync = sync
        return sync
    }

    /// Puts the trusted copy back after an untrusted run; the next run takes it over again.
    private func restore(from aside: String, tree: ObjectID?) {
        mutex.lock()
        defer { mutex.unlock() }
        sync = nil
        try? FileManager.default.removeItem(atPath: stateFile)
        try? SafeRemoval(root: healDirectory.path).remove(directory)
        // Without the copy (or its tree) the directory starts over next time.
        guard let tree, (try? FileManager.default.moveItem(atPath: aside, toPath: directory)) != nil else { return }
        try? record(tree)
    }

    private func record(_ tree: ObjectID) throws {
        try Data(tree.hex.utf8).write(to: URL(fileURLWithPath: stateFile))
    }

    /// `cp -a`: keeps modification times, which is what build tools compare.
    private func copy(_ source: String, to target: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/cp")
        process.arguments = ["-a", source, target]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw FileSystemError(operation: "copy the warm directory", path: source)
        }
    }

    private func takeLock() async throws -> Int32? {
        try FileManager.default.createDirectory(atPath: healDirectory.path + "/warm", withIntermediateDirectories: true)
        guard Self.heldHere.claim(lockFile) else { return nil }
        let descriptor = open(lockFile, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        if descriptor >= 0 {
            for _ in 0..<Self.lockTries {
                if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return descriptor }
                await lockPause()
            }
            close(descriptor)
        }
        Self.heldHere.release(lockFile)
        return nil
    }
}
