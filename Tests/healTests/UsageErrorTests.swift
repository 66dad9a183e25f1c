import Foundation
import Testing
import TestSupport

/// The exit-code contract holds for usage errors too: a bad or missing flag or argument exits
/// 2 with the error and the usage on standard error, for every subcommand (argument-parser's
/// default is 64).
@Suite("Usage errors exit 2")
struct UsageErrorTests {
    /// One bad command line per subcommand: an unknown flag, a missing required option or
    /// argument, or a value of the wrong type.
    static let commandLines: [[String]] = [
        ["--no-such-flag"],
        ["no-such-command"],
        ["diff", "HEAD"],
        ["init", "--no-such-flag"],
        ["detect", "--current", "b.xml"],
        ["triage", "--after", "HEAD"],
        ["hooks", "install", "--no-such-flag"],
        ["hooks", "uninstall", "--no-such-flag"],
        ["hooks", "status", "--no-such-flag"],
        ["status", "--runs", "many"],
        ["breaker", "list", "--no-such-flag"],
        ["breaker", "reset"],
        ["breaker", "claim", "--max-attempts", "3"],
        ["fix", "--before", "HEAD~1", "--after", "HEAD"],
        ["fix", "--test", "t"],
        ["run", "--publish", "carrier-pigeon"],
        ["demo", "--no-such-flag"],
    ]

    @Test("exits 2 with the problem and the usage on standard error", arguments: commandLines)
    func exitsTwo(_ arguments: [String]) throws {
        let directory = try TempDir.make(prefix: "usage")
        defer { try? FileManager.default.removeItem(atPath: directory) }

        let result = try HealBinary.run(arguments, in: directory)

        #expect(result.status == 2, "heal \(arguments.joined(separator: " ")): \(result.stderr)")
        #expect(result.stderr.contains("Error:"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("--help still exits 0 and prints to standard output")
    func helpExitsZero() throws {
        let result = try HealBinary.run(["run", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: heal run"))
    }
}
