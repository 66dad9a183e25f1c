import Foundation
import HealKit
import Testing
import TestSupport

/// Separate `heal` processes claiming attempts on one store: the claim must be atomic across
/// processes, and a process killed inside its transaction must leave nothing behind.
@Suite("Breaker across processes")
struct BreakerProcessTests {
    /// The PostgreSQL server CI provides; nil in a plain `swift test`.
    static let postgresURL = ProcessInfo.processInfo.environment["HEAL_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static let noPostgres: Comment = "HEAL_TEST_POSTGRES_URL is unset: no PostgreSQL server to test against (.ci/run starts one)"

    @Test func raceOnSQLite() throws { try race(store: "sqlite", name: "sqlite") }

    // Skipped with the comment above when no server is configured (a developer's plain `swift test`).
    @Test(.enabled(if: postgresURL != nil, noPostgres))
    func raceOnPostgreSQL() throws { try race(store: try #require(Self.postgresURL), name: "postgres") }

    @Test func killInsideTheTransactionOnSQLite() throws { try killInsideTheTransaction(store: "sqlite", checkSQLite: true) }

    @Test(.enabled(if: postgresURL != nil, noPostgres))
    func killInsideTheTransactionOnPostgreSQL() throws {
        try killInsideTheTransaction(store: try #require(Self.postgresURL), checkSQLite: false)
    }

    /// Eight processes racing for three attempts on one key get exactly three.
    func race(store: String, name: String) throws {
        let repo = try TempRepo()
        try repo.commitAll("first")
        let repositoryID = "race.invalid/\(UUID().uuidString)"
        // A common start time makes the claims collide; the result must not depend on it.
        let startAt = Date().timeIntervalSince1970 + 2
        let arguments = ["breaker", "claim", "--store", store, "--repository-id", repositoryID, "--key", "tests/test_race.py::test_a",
                         "--max-attempts", "3", "--start-at", String(startAt)]
        let began = Date()
        let children = try (0..<8).map { _ in try Child(arguments, in: repo.path) }
        let results = children.map { $0.wait() }
        let elapsed = Date().timeIntervalSince(began)
        for result in results { #expect(result.status == 0, "\(result.stderr)") }
        let claims = try results.map { try JSONDecoder().decode(ClaimJSON.self, from: Data($0.stdout.utf8)) }
        let winners = claims.filter(\.dispatched)
        #expect(winners.count == 3)
        #expect(Set(winners.compactMap(\.attempt)) == [1, 2, 3])
        #expect(claims.filter { !$0.dispatched }.allSatisfy { $0.refusal == "attempts-in-flight" })
        print("race(\(name)): 8 processes, \(winners.count) dispatched, \(claims.count - winners.count) refused, "
              + String(format: "%.2f s wall including a 2 s common start", elapsed))
    }

    /// A process killed while it holds the claim's transaction leaves counts consistent and
    /// the store intact.
    func killInsideTheTransaction(store: String, checkSQLite: Bool) throws {
        let repo = try TempRepo()
        try repo.commitAll("first")
        let repositoryID = "kill.invalid/\(UUID().uuidString)"
        let base = ["breaker", "claim", "--store", store, "--repository-id", repositoryID, "--key", "tests/test_kill.py::test_a"]
        let first = try HealBinary.run(base, in: repo.path)
        #expect(first.status == 0, "\(first.stderr)")
        let holder = try Child(base + ["--hold-transaction"], in: repo.path, pipeOutput: true)
        #expect(holder.waitForLine("holding"), "the claim never reached its transaction")
        kill(holder.process.processIdentifier, SIGKILL)
        let killed = holder.wait()
        #expect(killed.signaled)
        let next = try HealBinary.run(base, in: repo.path)
        #expect(next.status == 0, "\(next.stderr)")
        let claim = try JSONDecoder().decode(ClaimJSON.self, from: Data(next.stdout.utf8))
        // The killed claim would have been attempt 2; its rollback leaves this one as number 2.
        #expect(claim.dispatched && claim.attempt == 2)
        if checkSQLite {
            let path = try repo.git("rev-parse", "--git-common-dir").trimmingCharacters(in: .whitespacesAndNewlines)
            let database = (path.hasPrefix("/") ? path : repo.path + "/" + path) + "/heal/heal.sqlite"
            let check = try Shell.check(["python3", "-c",
                                         "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('pragma integrity_check').fetchone()[0])",
                                         database])
            #expect(check.trimmingCharacters(in: .whitespacesAndNewlines) == "ok")
        }
    }

    struct ClaimJSON: Decodable {
        var dispatched: Bool
        var attempt: Int?
        var refusal: String?
    }
}

/// A `heal` process started in the background, its output going to files (or a pipe to read
/// as it comes).
final class Child {
    let process = Process()
    private let directory: String
    private let pipe: Pipe?
    private var seen = ""

    init(_ arguments: [String], in workingDirectory: String, pipeOutput: Bool = false) throws {
        directory = try TempDir.make(prefix: "child")
        process.executableURL = URL(fileURLWithPath: HealBinary.path)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory)
        process.standardInput = FileHandle.nullDevice
        FileManager.default.createFile(atPath: directory + "/out", contents: nil)
        FileManager.default.createFile(atPath: directory + "/err", contents: nil)
        if pipeOutput {
            let pipe = Pipe()
            self.pipe = pipe
            process.standardOutput = pipe
        } else {
            pipe = nil
            process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: directory + "/out"))
        }
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: directory + "/err"))
        try process.run()
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// Reads the piped output until a line equal to `line` arrives; false if output ends first.
    func waitForLine(_ line: String) -> Bool {
        guard let pipe else { return false }
        while true {
            let data = pipe.fileHandleForReading.availableData
            if data.isEmpty { return false }
            seen += String(decoding: data, as: UTF8.self)
            if seen.split(separator: "\n").contains(Substring(line)) { return true }
        }
    }

    struct Result {
        var status: Int32
        var signaled: Bool
        var stdout: String
        var stderr: String
    }

    func wait() -> Result {
        process.waitUntilExit()
        let out = pipe.map { seen + String(decoding: $0.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) }
            ?? ((try? String(contentsOfFile: directory + "/out", encoding: .utf8)) ?? "")
        return Result(status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal,
                      stdout: out, stderr: (try? String(contentsOfFile: directory + "/err", encoding: .utf8)) ?? "")
    }
}
