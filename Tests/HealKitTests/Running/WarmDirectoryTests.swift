import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GitKit
@testable import HealKit
import Testing
import TestSupport

@Suite("WarmDirectory")
struct WarmDirectoryTests {
    private func repo() throws -> (TempRepo, first: String, second: String) {
        let repo = try TempRepo(prefix: "warm")
        try repo.write("src/a.txt", "a1\n")
        try repo.write("src/gone.txt", "gone\n")
        try repo.write("src/same.txt", "same\n")
        let first = try repo.commitAll("first")
        try repo.write("src/a.txt", "a2\n")
        try FileManager.default.removeItem(atPath: repo.path + "/src/gone.txt")
        let second = try repo.commitAll("second")
        return (repo, first, second)
    }

    private func modified(_ path: String) throws -> Date {
        try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as! Date
    }

    @Test func buildProductsSurviveFromRunToRunAndFromProcessToProcess() async throws {
        let (repo, first, second) = try repo()
        let heal = try HealDirectory(repositoryPath: repo.path)
        let warm = WarmDirectory(healDirectory: heal)
        let sameTime = try await warm.withTree(at: first, repositoryPath: repo.path, trusted: true) { tree throws in
            try "built from a1\n".write(toFile: tree.directory + "/.build-product", atomically: true, encoding: .utf8)
            return try modified(tree.directory + "/src/same.txt")
        }
        // Another process: a new instance takes the directory over without rewriting what is unchanged.
        let later = WarmDirectory(healDirectory: heal)
        try await later.withTree(at: second, repositoryPath: repo.path, trusted: true) { tree throws in
            #expect(try String(contentsOfFile: tree.directory + "/.build-product", encoding: .utf8) == "built from a1\n")
            #expect(try String(contentsOfFile: tree.directory + "/src/a.txt", encoding: .utf8) == "a2\n")
            #expect(!FileManager.default.fileExists(atPath: tree.directory + "/src/gone.txt"))
            #expect(try modified(tree.directory + "/src/same.txt") == sameTime, "unchanged sources keep their time")
        }
    }

    @Test func anUntrustedRunLeavesNothingBehind() async throws {
        let (repo, first, second) = try repo()
        let warm = WarmDirectory(healDirectory: try HealDirectory(repositoryPath: repo.path))
        try await warm.withTree(at: first, repositoryPath: repo.path, trusted: true) { tree throws in
            try "trusted\n".write(toFile: tree.directory + "/.build-product", atomically: true, encoding: .utf8)
        }
        try await warm.withTree(at: second, repositoryPath: repo.path, trusted: false) { tree throws in
            try "poisoned\n".write(toFile: tree.directory + "/.build-product", atomically: true, encoding: .utf8)
            try "rewritten by the run\n".write(toFile: tree.directory + "/src/same.txt", atomically: true, encoding: .utf8)
            try "planted\n".write(toFile: tree.directory + "/planted", atomically: true, encoding: .utf8)
        }
        try await warm.withTree(at: second, repositoryPath: repo.path, trusted: true) { tree throws in
            #expect(try String(contentsOfFile: tree.directory + "/.build-product", encoding: .utf8) == "trusted\n")
            #expect(try String(contentsOfFile: tree.directory + "/src/same.txt", encoding: .utf8) == "same\n")
            #expect(!FileManager.default.fileExists(atPath: tree.directory + "/planted"))
            #expect(try String(contentsOfFile: tree.directory + "/src/a.txt", encoding: .utf8) == "a2\n")
        }
    }

    @Test func aBusyDirectoryIsNotShared() async throws {
        let (repo, first, _) = try repo()
        let heal = try HealDirectory(repositoryPath: repo.path)
        let warm = WarmDirectory(healDirectory: heal)
        let paused = HeldDescriptor(-1)
        let inner = try await warm.withTree(at: first, repositoryPath: repo.path, trusted: true) { _ in
            try await WarmDirectory(healDirectory: heal) { paused.release() }
                .withTree(at: first, repositoryPath: repo.path, trusted: true) { _ in true }
        }
        #expect(inner == .some(nil), "the second holder is told to use a fresh directory")
        #expect(paused.isHeld, "at once: a holder in this process is not waited for")
    }

    @Test("a lock that looks taken for a moment (a descriptor copy in a child forked elsewhere, not yet exec'd) is waited for")
    func aLockReleasedSoonIsWaitedFor() async throws {
        let (repo, first, _) = try repo()
        let heal = try HealDirectory(repositoryPath: repo.path)
        try FileManager.default.createDirectory(atPath: heal.path + "/warm", withIntermediateDirectories: true)
        let held = open(heal.path + "/warm/runs.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        #expect(flock(held, LOCK_EX | LOCK_NB) == 0)
        let holder = HeldDescriptor(held)
        // The first pause is the moment the child execs and its copy goes away.
        let warm = WarmDirectory(healDirectory: heal) { holder.release() }
        let ran = try await warm.withTree(at: first, repositoryPath: repo.path, trusted: true) { _ in true }
        #expect(ran == true)
    }

    @Test("a rewritten file never gets a time an earlier rewrite already gave it, across instances and processes")
    func stampsNeverRepeat() async throws {
        let (repo, first, second) = try repo()
        let heal = try HealDirectory(repositoryPath: repo.path)
        // One instance moves a.txt back and forth (same size, other bytes), each time a fresh second,
        // running ahead of the clock; then another instance (another process, or the fix stage's
        // runner in the same one) moves it once more.
        let busy = WarmDirectory(healDirectory: heal)
        var latest = Date.distantPast
        for revision in [first, second, first, second, first] {
            latest = try await busy.withTree(at: revision, repositoryPath: repo.path, trusted: true) { tree throws in
                try modified(tree.directory + "/src/a.txt")
            } ?? latest
        }
        let other = WarmDirectory(healDirectory: heal)
        let next = try await other.withTree(at: second, repositoryPath: repo.path, trusted: true) { tree throws in
            try modified(tree.directory + "/src/a.txt")
        }
        #expect(try #require(next) > latest, "a same-sized file stamped with a time it already had serves stale bytecode")
    }

    @Test("a trial's rewrites inside the warm directory and the directory's own never share a second")
    func trialsAndTheDirectoryShareOneClock() async throws {
        let (repo, first, second) = try repo()
        let heal = try HealDirectory(repositoryPath: repo.path)
        let warm = WarmDirectory(healDirectory: heal)
        // A triage trial writes a.txt's other version and undoes it within the run; the next run
        // moves the directory on. Before, the trial's stamps came from a clock of their own, so
        // the undo could carry the very second bytecode of the trial's bytes was compiled at.
        var times: [Date] = []
        _ = try await warm.withTree(at: first, repositoryPath: repo.path, trusted: true) { tree in
            let runner = ExportTriageRunner(testRunner: try TestRunner(repositoryPath: repo.path, config: HealConfig()), export: tree)
            times.append(try modified(tree.directory + "/src/a.txt"))
            for (commit, trial) in [(first, "a2\n"), (first, "a1\n"), (second, "a1\n")] {
                try runner.prepare(ObjectID(hex: commit)!, files: ["src/a.txt": Data(trial.utf8)])
                times.append(try modified(tree.directory + "/src/a.txt"))
            }
            return true
        }
        _ = try await warm.withTree(at: second, repositoryPath: repo.path, trusted: true) { tree in
            times.append(try modified(tree.directory + "/src/a.txt"))
            return true
        }
        #expect(times == times.sorted() && Set(times).count == times.count, "\(times)")
    }
}

/// A descriptor the test holds until the warm directory's first pause closes it (-1: none, only
/// whether a pause came).
private final class HeldDescriptor: @unchecked Sendable {
    private var descriptor: Int32?
    private let lock = NSLock()

    init(_ descriptor: Int32) { self.descriptor = descriptor }

    var isHeld: Bool { lock.withLock { descriptor != nil } }

    func release() {
        lock.withLock {
            if let descriptor, descriptor >= 0 { close(descriptor) }
            descriptor = nil
        }
    }
}
