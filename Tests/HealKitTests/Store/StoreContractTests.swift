import Foundation
import HealKit
import Testing
import TestSupport

/// The PostgreSQL URL CI provides; nil in a plain `swift test`.
enum TestPostgres {
    static let url: String? = ProcessInfo.processInfo.environment["HEAL_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
}

@Suite("Store contract: SQLite")
struct SQLiteStoreContractTests {
    @Test(arguments: StoreContract.allCases)
    func contract(_ contract: StoreContract) async throws {
        let directory = try TempDir.make(prefix: "store")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/heal/heal.sqlite"
        try await contract.run { try await StoreFactory.open(.sqlite(path: path)) }
    }
}

// Skipped, with this reason shown, when no server is configured: a plain `swift test` on a
// developer's machine has none; .ci/run starts one and sets the variable.
@Suite("Store contract: PostgreSQL",
       .enabled(if: TestPostgres.url != nil, "HEAL_TEST_POSTGRES_URL is unset: no PostgreSQL server to test against (.ci/run starts one)"))
struct PostgresStoreContractTests {
    @Test(arguments: StoreContract.allCases)
    func contract(_ contract: StoreContract) async throws {
        let url = try #require(TestPostgres.url)
        try await contract.run { try await StoreFactory.open(.postgres(url: url)) }
    }
}
