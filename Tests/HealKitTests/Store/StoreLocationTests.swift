import Foundation
import HealKit
import Testing

@Suite("Store location")
struct StoreLocationTests {
    @Test func sqliteDefaultsToTheGitCommonDir() throws {
        #expect(try StoreLocation.parse("sqlite", commonDirectory: "/r/.git") == .sqlite(path: "/r/.git/heal/heal.sqlite"))
        #expect(try StoreLocation.parse("", commonDirectory: "/r/.git") == .sqlite(path: "/r/.git/heal/heal.sqlite"))
        #expect(try StoreLocation.parse("sqlite:/var/heal.db", commonDirectory: "/r/.git") == .sqlite(path: "/var/heal.db"))
    }

    @Test func postgresURLsAreKeptAndPrintedWithoutTheirPassword() throws {
        let location = try StoreLocation.parse("postgresql://ci:p%40ss@db.internal:6432/heal?sslmode=require", commonDirectory: "/r")
        #expect(location == .postgres(url: "postgresql://ci:p%40ss@db.internal:6432/heal?sslmode=require"))
        #expect(location.redacted == "postgresql://ci:***@db.internal:6432/heal?sslmode=require")
        #expect(StoreLocation.postgres(url: "postgres://u@h/db?password=x&sslmode=disable").redacted
                == "postgres://u@h/db?password=***&sslmode=disable")
    }

    @Test func anythingElseSaysWhatIsExpected() throws {
        let error = #expect(throws: StoreError.self) { try StoreLocation.parse("mysql://root:pw@h/db", commonDirectory: "/r") }
        #expect(error?.description.contains("expected `sqlite`, `sqlite:PATH` or a `postgres://user@host/db` URL") == true)
        #expect(error?.description.contains("pw") == false)
        #expect(throws: StoreError.self) { try StoreLocation.parse("postgres://h/db?sslmode=sometimes", commonDirectory: "/r") }
    }
}
