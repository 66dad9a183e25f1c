import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An open directory and file operations relative to it, none of which follows a symbolic
/// link: heal's only way to create, read and delete files in a directory that an agent or the
/// project's code could have written, so that a link planted there (or swapped in between two
/// calls) cannot send heal anywhere else. Names are raw bytes, since such a directory may hold
/// names that are not UTF-8.
final class DirectoryHandle {
    let descriptor: Int32
    /// The directory's path, for messages only; operations go through `descriptor`.
    let path: String

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit { close(descriptor) }

    /// Opens the directory at the absolute `path`; its last component must not be a link.
    static func open(_ path: String) throws(FileSystemError) -> DirectoryHandle {
        let fd = posixOpen(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw FileSystemError(operation: "open directory", path: path) }
        return DirectoryHandle(descriptor: fd, path: path)
    }

    /// The subdirectory `name`; throws when it is missing, a link or not a directory.
    func directory(_ name: [UInt8]) throws(FileSystemError) -> DirectoryHandle {
        let fd = Self.withName(name) { openat(descriptor, $0, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
        guard fd >= 0 else { throw FileSystemError(operation: "open directory", path: child(name)) }
        return DirectoryHandle(descriptor: fd, path: child(name))
    }

    /// The directory `components` below this one, each opened without following a link.
    func directory(at components: [[UInt8]]) throws(FileSystemError) -> DirectoryHandle {
        var current = self
        for component in components { current = try current.directory(component) }
        return current
    }

    /// What is at `name`, without following a link; nil when nothing is.
    func info(_ name: [UInt8]) -> FileInfo? {
        var status = stat()
        let rc = Self.withName(name) { fstatat(descriptor, $0, &status, AT_SYMLINK_NOFOLLOW) }
        return rc == 0 ? FileInfo(status) : nil
    }

    /// The names in this directory, `.` and `..` left out.
    func names() throws(FileSystemError) -> [[UInt8]] {
        let copy = dup(descriptor)
        guard copy >= 0, let stream = fdopendir(copy) else {
            if copy >= 0 { close(copy) }
            throw FileSystemError(operation: "list", path: path)
        }
        defer { closedir(stream) }
        rewinddir(stream)
        var names: [[UInt8]] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            if name != [UInt8(ascii: ".")] && name != [UInt8(ascii: "."), UInt8(ascii: ".")] { names.append(name) }
        }
        return names
    }

    /// Creates the subdirectory `name`.
    func makeDirectory(_ name: [UInt8], mode: mode_t = 0o755) throws(FileSystemError) {
        let rc = Self.withName(name) { mkdirat(descriptor, $0, mode) }
        guard rc == 0 else { throw FileSystemError(operation: "create directory", path: child(name)) }
    }

    /// Creates the file `name` (it must not exist) holding `data`.
    func createFile(_ name: [UInt8], data: Data, mode: mode_t) throws(FileSystemError) {
        let fd = Self.withName(name) { openat(descriptor, $0, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode) }
        guard fd >= 0 else { throw FileSystemError(operation: "create", path: child(name)) }
        defer { close(fd) }
        var failed = false
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failed = true
                    return
                }
                offset += written
            }
        }
        if failed { throw FileSystemError(operation: "write", path: child(name)) }
        // The umask may have narrowed the mode; the tree's mode is what the file must have.
        fchmod(fd, mode)
    }

    /// The bytes of the regular file `name`, refusing anything longer than `limit`.
    func read(_ name: [UInt8], limit: Int) throws(FileSystemError) -> Data {
        let fd = Self.withName(name) { openat(descriptor, $0, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK) }
        guard fd >= 0 else { throw FileSystemError(operation: "read", path: child(name)) }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0, FileInfo(status).kind == .regular else {
            throw FileSystemError(operation: "read", path: child(name), reason: "not a regular file")
        }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileSystemError(operation: "read", path: child(name))
            }
            if count == 0 { return data }
            data.append(contentsOf: buffer[0..<count])
            if data.count > limit {
                throw FileSystemError(operation: "read", path: child(name), reason: "longer than \(limit) bytes")
            }
        }
    }

    /// Creates the symbolic link `name` pointing at `target`.
    func createSymlink(_ name: [UInt8], target: [UInt8]) throws(FileSystemError) {
        let rc = Self.withName(target) { cTarget in Self.withName(name) { symlinkat(cTarget, descriptor, $0) } }
        guard rc == 0 else { throw FileSystemError(operation: "create link", path: child(name)) }
    }

    /// Where the symbolic link `name` points, as stored.
    func linkTarget(_ name: [UInt8]) throws(FileSystemError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = Self.withName(name) { cName in
            buffer.withUnsafeMutableBytes { readlinkat(descriptor, cName, $0.baseAddress!.assumingMemoryBound(to: CChar.self), $0.count) }
        }
        guard count >= 0 else { throw FileSystemError(operation: "read link", path: child(name)) }
        return Array(buffer[0..<count])
    }

    /// Removes the file or link `name` (a directory only when `directory` and empty).
    func remove(_ name: [UInt8], directory: Bool = false) throws(FileSystemError) {
        let rc = Self.withName(name) { unlinkat(descriptor, $0, directory ? AT_REMOVEDIR : 0) }
        guard rc == 0 || errno == ENOENT else { throw FileSystemError(operation: "remove", path: child(name)) }
    }

    /// Moves `name` to `newName` in `target` (both on one file system).
    func move(_ name: [UInt8], to target: DirectoryHandle, as newName: [UInt8]) throws(FileSystemError) {
        let rc = Self.withName(name) { from in Self.withName(newName) { to in renameat(descriptor, from, target.descriptor, to) } }
        guard rc == 0 else { throw FileSystemError(operation: "move", path: child(name)) }
    }

    /// Sets the access and modification times of `name` (not following a link) to `seconds`
    /// since 1970.
    func setModificationTime(_ name: [UInt8], seconds: Int) {
        var times = [timespec(tv_sec: seconds, tv_nsec: 0), timespec(tv_sec: seconds, tv_nsec: 0)]
        _ = Self.withName(name) { utimensat(descriptor, $0, &times, AT_SYMLINK_NOFOLLOW) }
    }

    /// Gives the owner full access to this directory, so its entries can be listed and removed
    /// whatever mode the agent left it with.
    func grantOwnerAccess() {
        fchmod(descriptor, S_IRWXU)
    }

    func child(_ name: [UInt8]) -> String {
        path + "/" + String(decoding: name, as: UTF8.self)
    }

    static func withName<T>(_ name: [UInt8], _ body: (UnsafePointer<CChar>) -> T) -> T {
        (name + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }
}

// `open(2)` and `read(2)` under names that do not clash with the methods above.
#if canImport(Glibc)
private func posixOpen(_ path: String, _ flags: Int32) -> Int32 { Glibc.open(path, flags) }
private func posixRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int { Glibc.read(fd, buffer, count) }
#else
private func posixOpen(_ path: String, _ flags: Int32) -> Int32 { Darwin.open(path, flags) }
private func posixRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int { Darwin.read(fd, buffer, count) }
#endif
