import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Another `heal run` holds the repository's run lock.
public struct RunLockBusy: UserInputError {
    public var path: String
    public var holder: String
    public var description: String {
        "another heal run is in progress on this repository (\(holder)); lock: \(path)\n  fix: wait for it to finish, or pass --wait to queue behind it"
    }
}

/// One `heal run` at a time per repository: an exclusive `flock` on
/// `<git-common-dir>/heal/run.lock`, with the holder's pid written inside for the message a
/// second run prints.
///
/// The kernel drops a `flock` when its holder dies, so a crashed or killed run never leaves a
/// stale lock behind: the next run finds the file, sees the dead pid's lock gone, and takes it.
public final class RunLock {
    public let path: String
    private var descriptor: Int32 = -1

    /// Takes the lock, or throws `RunLockBusy` when another process holds it (or, with `wait`,
    /// blocks until it is free).
    public init(healDirectory: String, wait: Bool) throws {
        path = healDirectory + "/run.lock"
        try FileManager.default.createDirectory(atPath: healDirectory, withIntermediateDirectories: true)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw RunLockBusy(path: path, holder: "cannot open the lock file: \(String(cString: strerror(errno)))")
        }
        while flock(fd, wait ? LOCK_EX : LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            let holder = Self.holder(fd)
            close(fd)
            throw RunLockBusy(path: path, holder: holder)
        }
        descriptor = fd
        let text = "pid \(getpid()) since \(ISO8601DateFormatter().string(from: Date()))\n"
        _ = ftruncate(fd, 0)
        _ = text.withCString { pwrite(fd, $0, strlen($0), 0) }
    }

    deinit { release() }

    /// Gives the lock up (also done when the object goes away or the process ends).
    public func release() {
        guard descriptor >= 0 else { return }
        _ = ftruncate(descriptor, 0)
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    private static func holder(_ fd: Int32) -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        let count = pread(fd, &buffer, 255, 0)
        guard count > 0 else { return "pid unknown" }
        return String(cString: buffer).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
