import Foundation
import Logging
import PostgresNIO

/// The shared store: one PostgreSQL database for a team's runners, with the same schema and
/// semantics as `SQLiteStore`. A claim locks the repository's row (`SELECT … FOR UPDATE`), so
/// claims for one repository — its breakers and its budgets — are serialised across machines.
public actor PostgresStore: HealStore {
    public nonisolated let location: String
    let connection: PostgresConnection
    let logger: Logger

    /// Connects to `url` and applies any missing migrations.
    ///
    /// - Throws: `StoreError` (naming the URL with its password redacted) when the server
    ///   cannot be reached, refuses the login, or has no such database.
    public static func connect(url: String) async throws -> PostgresStore {
        let parsed = try PostgresURL(url)
        var logger = Logger(label: "heal.store.postgres")
        logger.logLevel = .error
        var configuration: PostgresConnection.Configuration
        if let socket = parsed.socketDirectory {
            configuration = .init(unixSocketPath: socket + "/.s.PGSQL.\(parsed.port)", username: parsed.user,
                                  password: parsed.password, database: parsed.database)
        } else {
            configuration = .init(host: parsed.host, port: parsed.port, username: parsed.user,
                                  password: parsed.password, database: parsed.database, tls: try tls(parsed))
        }
        configuration.options.connectTimeout = .seconds(10)
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        } catch {
            throw translate(error, location: parsed.redacted, operation: "connect")
        }
        let store = PostgresStore(location: parsed.redacted, connection: connection, logger: logger)
        do {
            try await store.migrate()
        } catch {
            await store.close()
            throw error
        }
        return store
    }

    private init(location: String, connection: PostgresConnection, logger: Logger) {
        self.location = location
        self.connection = connection
        self.logger = logger
    }

    public func close() async {
        try? await connection.close()
    }

    /// TLS as libpq's `sslmode` means it: `prefer`/`require` encrypt without checking the
    /// certificate, `verify-ca` checks the chain, `verify-full` also the host name.
    private static func tls(_ url: PostgresURL) throws -> PostgresConnection.Configuration.TLS {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch url.tls {
        case .disable: return .disable
        case .allow, .prefer, .require: configuration.certificateVerification = .none
        case .verifyCA: configuration.certificateVerification = .noHostnameVerification
        case .verifyFull: configuration.certificateVerification = .fullVerification
        }
        let context = try NIOSSLContext(configuration: configuration)
        return url.tls == .allow || url.tls == .prefer ? .prefer(context) : .require(context)
    }

    /// Applies the migrations this heal knows and the database lacks, one process at a time.
    private func migrate() async throws {
        let location = location
        try await transaction("migrate the schema") { connection, logger in
            try await connection.query("SELECT pg_advisory_xact_lock(\(PostgresSchema.migrationLock))", logger: logger)
            try await connection.query("""
                CREATE TABLE IF NOT EXISTS heal_schema_migrations (
                    version INTEGER PRIMARY KEY, applied_at DOUBLE PRECISION NOT NULL)
                """, logger: logger)
            var applied = 0
            for try await version in try await connection.query(
                "SELECT coalesce(max(version), 0) FROM heal_schema_migrations", logger: logger).decode(Int.self) {
                applied = version
            }
            guard applied <= PostgresSchema.migrations.count else {
                throw StoreError(location: location,
                                 problem: "the database has schema version \(applied), newer than this heal knows (\(PostgresSchema.migrations.count))",
                                 fix: "upgrade heal on this machine")
            }
            for (index, statements) in PostgresSchema.migrations.enumerated() where index + 1 > applied {
                for statement in statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                let version = index + 1
                let now = Date().timeIntervalSince1970
                try await connection.query(
                    "INSERT INTO heal_schema_migrations (version, applied_at) VALUES (\(version), \(now))", logger: logger)
            }
        }
    }

    /// Runs `body` in a transaction, translating errors.
    func transaction<T: Sendable>(_ operation: String,
                                  _ body: (PostgresConnection, Logger) async throws -> T) async throws -> T {
        let logger = logger
        do {
            return try await connection.withTransaction(logger: logger) { connection in
                try await body(connection, logger)
            }
        } catch {
            throw Self.translate(error, location: location, operation: operation)
        }
    }

    /// Runs one query outside a transaction and returns its rows, translating errors.
    func rows(_ operation: String, _ query: PostgresQuery) async throws -> [PostgresRandomAccessRow] {
        do {
            return try await connection.query(query, logger: logger).collect().map { $0.makeRandomAccess() }
        } catch {
            throw Self.translate(error, location: location, operation: operation)
        }
    }

    /// Maps postgres-nio's errors (whose descriptions are deliberately vague) to heal's:
    /// what the user must fix becomes a `StoreError`, the rest a `StoreFailure`.
    static func translate(_ error: any Error, location: String, operation: String) -> any Error {
        if let transaction = error as? PostgresTransactionError {
            if let inner = transaction.closureError ?? transaction.beginError ?? transaction.commitError {
                return translate(inner, location: location, operation: operation)
            }
        }
        if error is StoreError || error is StoreFailure { return error }
        guard let error = error as? PSQLError else {
            return StoreFailure(location: location, operation: operation, detail: String(reflecting: error))
        }
        let message = error.serverInfo?[.message]
        let sqlState = error.serverInfo?[.sqlState] ?? ""
        switch error.code {
        case .connectionError, .sslUnsupported, .failedToAddSSLHandler, .serverClosedConnection, .uncleanShutdown:
            let cause = error.underlying.map { String(describing: $0) } ?? message ?? "\(error.code)"
            return StoreError(location: location, problem: "cannot reach the PostgreSQL server (\(cause))",
                              fix: "check that the server runs and that host, port and sslmode in the URL are right")
        case .server where sqlState.hasPrefix("28"):
            return StoreError(location: location, problem: "the server refused the login: \(message ?? sqlState)",
                              fix: "check the user and password in the URL (or the server's pg_hba.conf)")
        case .server where sqlState == "3D000":
            return StoreError(location: location, problem: "no such database: \(message ?? sqlState)",
                              fix: "create it (`createdb NAME`) or fix the database name in the URL")
        case .unsupportedAuthMechanism, .authMechanismRequiresPassword, .saslError:
            return StoreError(location: location, problem: "authentication failed (\(error.code))",
                              fix: "put the password in the URL (postgres://user:password@host/db) or use a supported auth method")
        default:
            var detail = "\(error.code)"
            if let message { detail += ": \(message)" }
            if !sqlState.isEmpty { detail += " (SQLSTATE \(sqlState))" }
            return StoreFailure(location: location, operation: operation, detail: detail)
        }
    }
}

extension PostgresRandomAccessRow {
    /// The named column's value.
    func value<T: PostgresDecodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        try self[name].decode(T.self)
    }

    /// The named column, a double precision epoch time, as a date.
    func date(_ name: String) throws -> Date? {
        try value(name, as: Double?.self).map(Date.init(timeIntervalSince1970:))
    }
}
