import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An advisory lock file (`flock`) that serialises a step across processes; the kernel drops
/// it when the holder dies, so a killed process never leaves it stuck.
enum FileLock {
    static func withExclusiveLock<T>(_ path: String, _ body: () throws -> T) throws -> T {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw StoreError(location: path, problem: "cannot create the lock file: \(String(cString: strerror(errno)))",
                             fix: "check the directory's permissions")
        }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw StoreError(location: path, problem: "cannot lock: \(String(cString: strerror(errno)))",
                                 fix: "check that the file system supports flock")
            }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
