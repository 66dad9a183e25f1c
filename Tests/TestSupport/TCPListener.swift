import Foundation

/// A TCP port on 127.0.0.1 that accepts connections (the kernel completes them from the
/// backlog; nothing reads), for telling whether a boxed process reaches the host's network, and
/// whether anything connected at all.
public final class TCPListener: @unchecked Sendable {
    let descriptor: Int32
    public let port: UInt16

    public init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.descriptor = descriptor
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        guard bound == 0, listen(descriptor, 16) == 0 else {
            close(descriptor)
            throw ShellError(command: "listen on 127.0.0.1", result: ShellResult(status: errno, stdout: "", stderr: "cannot listen"))
        }
        _ = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
    }

    deinit { close(descriptor) }

    /// How many connections were made to the port so far (accepted now, without waiting).
    public func connectionsMade() -> Int {
        drain().connections
    }

    /// The connections made so far and every byte their clients sent before closing (read
    /// now, without waiting: a client that has closed left its bytes in the kernel's buffer).
    public func drain() -> (connections: Int, received: Data) {
        let flags = fcntl(descriptor, F_GETFL)
        _ = fcntl(descriptor, F_SETFL, flags | O_NONBLOCK)
        var count = 0
        var received = Data()
        while true {
            let connection = accept(descriptor, nil, nil)
            guard connection >= 0 else { return (count, received) }
            _ = fcntl(connection, F_SETFL, fcntl(connection, F_GETFL) | O_NONBLOCK)
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = read(connection, &buffer, buffer.count)
                guard n > 0 else { break }
                received.append(contentsOf: buffer[0..<n])
            }
            close(connection)
            count += 1
        }
    }
}
