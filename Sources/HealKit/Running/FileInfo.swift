import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `lstat` says about a path: its kind, size, mode and the identity and change times that
/// tell whether it was written since.
struct FileInfo: Equatable {
    enum Kind: Equatable {
        case regular, directory, symlink
        /// A FIFO, socket or device.
        case special
    }

    var kind: Kind
    var size: Int
    /// The permission bits.
    var permissions: mode_t
    var device: UInt64
    var inode: UInt64
    /// Modification and status-change times in nanoseconds; the status-change time moves on
    /// every write and cannot be set back by the writer.
    var modified: Int64
    var changed: Int64

    init(_ status: stat) {
        switch status.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .symlink
        default: kind = .special
        }
        size = Int(status.st_size)
        permissions = status.st_mode & 0o7777
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
        #if canImport(Darwin)
        modified = Int64(status.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(status.st_mtimespec.tv_nsec)
        changed = Int64(status.st_ctimespec.tv_sec) * 1_000_000_000 + Int64(status.st_ctimespec.tv_nsec)
        #else
        modified = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
        changed = Int64(status.st_ctim.tv_sec) * 1_000_000_000 + Int64(status.st_ctim.tv_nsec)
        #endif
    }

    /// Whether the owner may execute it: git's only mode bit.
    var isExecutable: Bool { permissions & S_IXUSR != 0 }
}

/// A file operation that failed, with the path and the system's reason.
struct FileSystemError: Error, CustomStringConvertible, Equatable {
    var operation: String
    var path: String
    var reason: String

    init(operation: String, path: String, reason: String? = nil) {
        self.operation = operation
        self.path = path
        self.reason = reason ?? String(cString: strerror(errno))
    }

    var description: String { "cannot \(operation) \(path): \(reason)" }
}
