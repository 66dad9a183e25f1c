import Foundation
import Testing
import TestSupport

/// `heal run --json` with production error logs written by a real Python service: a day of the
/// baseline release, an hour of the deploy's. The deploy (three commits) makes one request
/// type raise a new KeyError; the third-party driver's failures spike although the deploy did
/// not touch its stack; invalid user ids keep failing at the same rate.
@Suite("heal run --errors-*")
struct RunErrorsCommandTests {
    /// The service with both windows logged; returns the log directory.
    static func served() throws -> (ErrorService, String) {
        let service = try ErrorService()
        return (service, try service.servedLogs(deploy: service.after, driverFailEvery: 2))
    }

    @Test func introducedNotLinkedAndSteady() throws {
        let (service, logs) = try Self.served()
        defer { try? FileManager.default.removeItem(atPath: logs) }
        let result = try HealBinary.run(["run", "--before", service.before, "--after", service.after, "--json",
                                         "--errors-baseline", logs + "/before.jsonl", "--errors-current", logs + "/after.jsonl"],
                                        in: service.path)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stderr)")
        let regressions = try #require(json["regressions"] as? [[String: Any]])
        // (c) the steady error is no regression.
        #expect(regressions.map { $0["test"] as? String } == [ErrorService.newError, ErrorService.driverSpike])
        #expect(!result.stdout.contains(ErrorService.steady))
        // Counts from the load generator's rotation: 10 orders without quantities in the hour;
        // the driver failing on 12 of 600 queries in the day, 12 of 25 in the hour.
        let counts = regressions.compactMap { $0["errors"] as? [String: Any] }
        #expect(counts.map { [$0["baselineCount"] as? Int, $0["currentCount"] as? Int] } == [[0, 10], [12, 12]])
        #expect(counts.allSatisfy { ($0["adjustedPValue"] as? Double ?? 1) < 1e-9 })
        let verdicts = try #require(json["verdicts"] as? [[String: Any]])
        let byTest = Dictionary(uniqueKeysWithValues: verdicts.map { ($0["test"] as? String ?? "", $0) })
        // (a) introduced: the refactor commit is the culprit, its pricing hunks the cause.
        let introduced = try #require(byTest[ErrorService.newError])
        #expect(introduced["verdict"] as? String == "introduced")
        #expect(introduced["culprit"] as? String == service.refactor)
        #expect(introduced["testRuns"] as? Int == 0)
        let causal = try #require((introduced["causalDiff"] as? [String: Any])?["files"] as? [[String: Any]])
        #expect(causal.map { $0["path"] as? String } == ["src/shop/pricing.py"])
        // The refactor's two hunks the trace runs through: `line_total` (line 2, where KeyError
        // is raised) and `total`'s call of it (line 7).
        let hunks = try #require(causal.first?["hunks"] as? [[String: Int]])
        #expect(hunks == [["oldStart": 0, "oldLines": 0, "newStart": 1, "newLines": 4],
                          ["oldStart": 3, "oldLines": 1, "newStart": 7, "newLines": 1]])
        // (b) the driver's spike is not linked: escalated, never dispatched.
        let driver = try #require(byTest[ErrorService.driverSpike])
        #expect(driver["verdict"] as? String == "ambiguous")
        #expect((driver["reason"] as? String)?.hasPrefix("not linked to the deploy") == true)
        let escalations = try #require(json["escalations"] as? [[String: Any]])
        #expect(escalations.map { $0["test"] as? String } == [ErrorService.driverSpike])
        let ticket = try String(contentsOfFile: try #require(escalations.first?["ticket"] as? String), encoding: .utf8)
        #expect(ticket.contains("## Production error"))
        #expect(ticket.contains("| Current (after the deploy) | 59m 24s"))
        #expect(!(json["dispatches"] as? [[String: Any]] ?? []).contains { $0["test"] as? String == ErrorService.driverSpike })
        // One cause each: the new error and the spike share no changed hunk.
        let causes = try #require(json["causes"] as? [[String: Any]])
        #expect(causes.map { $0["tests"] as? [String] } == [[ErrorService.newError], [ErrorService.driverSpike]])
        #expect(causes.map { $0["verdict"] as? String } == ["introduced", "ambiguous"])
        #expect(escalations.first?["cause"] as? String == causes.last?["id"] as? String)
        let errorLogs = try #require(json["errorLogs"] as? [String: Any])
        #expect(errorLogs["tested"] as? Int == 3)
        // (a) gets one verified fix: the built-in revert, verified by the suite and the trace.
        let dispatches = try #require(json["dispatches"] as? [[String: Any]])
        #expect(dispatches.count == 1)
        let dispatch = try #require(dispatches.first)
        #expect(dispatch["test"] as? String == ErrorService.newError)
        #expect(dispatch["outcome"] as? String == "staged", "\(dispatch)")
        #expect(dispatch["agent"] as? String == "revert")
        let branch = try #require(dispatch["branch"] as? String)
        #expect(try service.project.repo.git("show", "\(branch):src/shop/pricing.py") == (ErrorService.baseline["src/shop/pricing.py"] ?? ""))
        let body = try String(contentsOfFile: try #require(dispatch["prBody"] as? String), encoding: .utf8)
        #expect(body.contains("`\(ErrorService.newError)`: a new error after the deploy (`new-error`)."))
        #expect(body.contains("| Baseline (before the deploy) | 23h 59m | 0 | 0/h |"))
        #expect(body.contains("No test reproduces this production error, so the revert was verified by the trace and the suite"))
        #expect(body.contains("None of the 5 frames of its trace inside the repository lies in code the deploy changed any more."))
        #expect(body.contains("The deploy's changed hunks that the error's trace runs through:"))
        #expect(body.contains("Full suite: no new failures (2 passed, 0 failing at the deploy commit)"))
        #expect(body.hasPrefix("# heal: fix `\(ErrorService.newError)` (regressed in"))
        #expect(ticket.contains("run `heal breaker reset '\(ErrorService.driverSpike)'`"))
        #expect(ticket.contains("postgres://shop:[REDACTED]@db.internal:5432/shop"))
        #expect(result.status == 0, "every regression handled: \(result.stderr)")
        try Self.expectNoSecret(in: result, repository: service.project.repo.path, branch: branch)
    }

    /// The logs' secrets (`ErrorService.secrets`) are nowhere heal wrote: its output, every file
    /// under `.git/heal` (PR bodies, tickets, prompts, run records, the store), the fix branch.
    static func expectNoSecret(in result: ShellResult, repository: String, branch: String) throws {
        let heal = repository + "/.git/heal"
        let files = (FileManager.default.enumerator(atPath: heal)?.compactMap { $0 as? String } ?? []).map { heal + "/" + $0 }
        #expect(files.contains { $0.hasSuffix("prompt.md") }, "the revert's inputs are kept too")
        var written = [("stdout", result.stdout), ("stderr", result.stderr),
                       ("branch", try Shell.check(["git", "log", "-p", branch], in: repository))]
        for file in files {
            if let data = FileManager.default.contents(atPath: file) { written.append((file, String(decoding: data, as: UTF8.self))) }
        }
        for (name, text) in written {
            for secret in ErrorService.secrets { #expect(!text.contains(secret), "\(name) holds \(secret)") }
        }
    }
}
