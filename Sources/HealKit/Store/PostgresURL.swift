import Foundation

/// The parts of a `postgres://` URL heal connects with, read the way libpq reads them.
struct PostgresURL: Sendable, Equatable {
    enum TLSMode: String, Sendable { case disable, allow, prefer, require, verifyCA = "verify-ca", verifyFull = "verify-full" }

    var host: String
    var port: Int
    var user: String
    var password: String?
    var database: String
    /// A Unix socket directory (`?host=/dir`), used instead of TCP.
    var socketDirectory: String?
    var tls: TLSMode
    /// The URL with its password redacted.
    var redacted: String

    init(_ text: String) throws(StoreError) {
        redacted = Self.redact(text)
        guard let parts = URLComponents(string: text) else {
            throw StoreError(location: redacted, problem: "not a valid URL",
                             fix: "write it as postgres://user:password@host:5432/database (percent-encode special characters)")
        }
        let query = Dictionary((parts.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        host = parts.host.flatMap { $0.removingPercentEncoding } ?? ""
        port = parts.port ?? Int(query["port"] ?? "") ?? 5432
        user = parts.user.flatMap { $0.removingPercentEncoding } ?? query["user"]
            ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
        password = parts.password.flatMap { $0.removingPercentEncoding } ?? query["password"]
        let path = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
        database = path.removingPercentEncoding.flatMap { $0.isEmpty ? nil : $0 } ?? query["dbname"] ?? user
        if let socket = query["host"], socket.hasPrefix("/") { socketDirectory = socket }
        if host.isEmpty && socketDirectory == nil { host = "localhost" }
        let mode = query["sslmode"] ?? "prefer"
        guard let tlsMode = TLSMode(rawValue: mode) else {
            throw StoreError(location: redacted, problem: "unknown sslmode '\(mode)'",
                             fix: "use sslmode=disable, prefer, require, verify-ca or verify-full")
        }
        tls = tlsMode
    }

    /// Replaces the password of a URL-like text (and a `password=` query value) with `***`.
    static func redact(_ text: String) -> String {
        var result = text
        if let scheme = result.range(of: "://") {
            let afterScheme = result[scheme.upperBound...]
            let authorityEnd = afterScheme.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? result.endIndex
            if let at = result[scheme.upperBound..<authorityEnd].lastIndex(of: "@"),
               let colon = result[scheme.upperBound..<at].firstIndex(of: ":") {
                result.replaceSubrange(result.index(after: colon)..<at, with: "***")
            }
        }
        if let range = result.range(of: "password=") {
            let end = result[range.upperBound...].firstIndex(of: "&") ?? result.endIndex
            result.replaceSubrange(range.upperBound..<end, with: "***")
        }
        return result
    }
}
