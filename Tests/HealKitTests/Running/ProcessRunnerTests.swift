import Foundation
import HealKit
import Testing
import TestSupport

@Suite("ProcessRunner")
struct ProcessRunnerTests {
    @Test func reportsExitStatusAndCapturesBothStreams() async throws {
        let outcome = try await ProcessRunner.run(.shell("echo out; echo err >&2; exit 3"))
        #expect(outcome.termination == .exited(3))
        #expect(outcome.exitCode == 3)
        #expect(!outcome.succeeded)
        #expect(!outcome.timedOut)
        #expect(outcome.stdout == "out\n")
        #expect(outcome.stderr == "err\n")
    }

    @Test func reportsTheSignalThatEndedTheProcess() async throws {
        let outcome = try await ProcessRunner.run(.shell("kill -9 $$"))
        #expect(outcome.termination == .signaled(9))
        #expect(outcome.exitCode == nil)
    }

    @Test func keepsOnlyTheEndOfLongOutput() async throws {
        let outcome = try await ProcessRunner.run(.shell("seq 1 100000; echo LAST"))
        #expect(outcome.stdout.utf8.count <= ProcessRunner.captureLimit)
        #expect(outcome.stdout.hasSuffix("100000\nLAST\n"))
        #expect(!outcome.stdout.hasPrefix("1\n2\n"))
    }

    @Test func runsAnExecutableFromPathWithArgumentsAndInput() async throws {
        let outcome = try await ProcessRunner.run(ProcessSpec("tr", arguments: ["a-z", "A-Z"], input: .text("heal me\n")))
        #expect(outcome.succeeded)
        #expect(outcome.stdout == "HEAL ME\n")
    }

    @Test func standardInputIsEmptyByDefault() async throws {
        let outcome = try await ProcessRunner.run(.shell("cat; echo done"))
        #expect(outcome.stdout == "done\n")
    }

    @Test func appliesEnvironmentOverridesAndRemovals() async throws {
        let spec = ProcessSpec.shell("echo \"$HEAL_TEST_VALUE|${HOME-unset}\"",
                                     environment: ["HEAL_TEST_VALUE": "set by heal", "HOME": nil])
        let outcome = try await ProcessRunner.run(spec)
        #expect(outcome.stdout == "set by heal|unset\n")
    }

    @Test func startsInTheWorkingDirectory() async throws {
        let directory = try TempDir.make(prefix: "runner-cwd")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let outcome = try await ProcessRunner.run(ProcessSpec("pwd", workingDirectory: directory))
        #expect(outcome.stdout == directory + "\n")
    }

    @Test func writesStreamsToFilesWhenAsked() async throws {
        let directory = try TempDir.make(prefix: "runner-files")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let separate = ProcessSpec.shell("echo out; echo err >&2", stdoutFile: directory + "/out.log",
                                         stderrFile: directory + "/err.log")
        let outcome = try await ProcessRunner.run(separate)
        #expect(outcome.stdout.isEmpty && outcome.stderr.isEmpty)
        #expect(try String(contentsOfFile: directory + "/out.log", encoding: .utf8) == "out\n")
        #expect(try String(contentsOfFile: directory + "/err.log", encoding: .utf8) == "err\n")

        let combined = ProcessSpec.shell("echo out; echo err >&2", stdoutFile: directory + "/all.log",
                                         stderrFile: directory + "/all.log")
        _ = try await ProcessRunner.run(combined)
        #expect(try String(contentsOfFile: directory + "/all.log", encoding: .utf8) == "out\nerr\n")
    }

    @Test func aMissingExecutableIsAClearError() async throws {
        let error = await #expect(throws: ProcessRunError.self) {
            try await ProcessRunner.run(ProcessSpec("heal-no-such-tool-xyz"))
        }
        guard case .executableNotFound(let name, _)? = error else {
            Issue.record("expected executableNotFound, got \(String(describing: error))")
            return
        }
        #expect(name == "heal-no-such-tool-xyz")
        #expect(error?.description.contains("heal-no-such-tool-xyz") == true)

        await #expect(throws: ProcessRunError.self) {
            try await ProcessRunner.run(ProcessSpec("/nonexistent/bin/heal-tool"))
        }
    }

    @Test func aMissingWorkingDirectoryIsAClearError() async throws {
        await #expect(throws: ProcessRunError.badWorkingDirectory("/nonexistent/heal-dir")) {
            try await ProcessRunner.run(ProcessSpec("true", workingDirectory: "/nonexistent/heal-dir"))
        }
    }

    @Test func timeoutKillsTheWholeProcessGroup() async throws {
        let directory = try TempDir.make(prefix: "runner-timeout")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let pidFile = directory + "/child.pid"
        let spec = ProcessSpec.shell("sleep 100 & echo $! > '\(pidFile)'; sleep 100",
                                     timeout: .seconds(1), killGrace: .milliseconds(200))
        let outcome = try await ProcessRunner.run(spec)
        #expect(outcome.timedOut)
        #expect(!outcome.succeeded)
        let child = try childPID(pidFile)
        #expect(await processEnds(child))
        #expect(await processEnds(outcome.processID))
    }

    @Test func timeoutEscalatesToSIGKILLForAGroupThatIgnoresSIGTERM() async throws {
        let directory = try TempDir.make(prefix: "runner-stubborn")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let pidFile = directory + "/child.pid"
        let spec = ProcessSpec.shell("trap '' TERM; sh -c \"trap '' TERM; sleep 100\" & echo $! > '\(pidFile)'; sleep 100",
                                     timeout: .milliseconds(500), killGrace: .milliseconds(200))
        let outcome = try await ProcessRunner.run(spec)
        #expect(outcome.timedOut)
        #expect(await processEnds(try childPID(pidFile)))
    }

    @Test func childrenLeftBehindAreKilledWhenTheProcessExits() async throws {
        let directory = try TempDir.make(prefix: "runner-stragglers")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let pidFile = directory + "/child.pid"
        let outcome = try await ProcessRunner.run(.shell("sleep 100 & echo $! > '\(pidFile)'; echo parent done"))
        #expect(outcome.succeeded)
        #expect(outcome.stdout == "parent done\n")
        #expect(await processEnds(try childPID(pidFile)))
    }

    @Test func cancellingTheCallerKillsTheWholeProcessGroup() async throws {
        let directory = try TempDir.make(prefix: "runner-cancel")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let pidFile = directory + "/child.pid"
        let spec = ProcessSpec.shell("sleep 100 & echo $! > '\(pidFile).tmp' && mv '\(pidFile).tmp' '\(pidFile)'; sleep 100",
                                     killGrace: .milliseconds(200))
        let task = Task { try await ProcessRunner.run(spec) }
        var waited = 0
        while !FileManager.default.fileExists(atPath: pidFile), waited < 400 {
            try await Task.sleep(for: .milliseconds(50))
            waited += 1
        }
        let child = try childPID(pidFile)
        task.cancel()
        _ = try? await task.value
        #expect(await processEnds(child))
    }

    /// A process that exits without reading the text it was given on standard input (a `gh`
    /// that fails early, an agent that ignores stdin): the run reports its exit. Through
    /// swift-subprocess's string input this trapped in 1.0.2 and took the whole process down.
    @Test func inputTheProcessNeverReadsIsNoProblem() async throws {
        let big = String(repeating: "never read\n", count: 200_000)
        for _ in 0..<5 {
            let outcome = try await ProcessRunner.run(ProcessSpec("sh", arguments: ["-c", "exit 3"], input: .text(big)))
            #expect(outcome.exitCode == 3)
        }
        let echoed = try await ProcessRunner.run(ProcessSpec("cat", input: .text("read back\n")))
        #expect(echoed.stdout == "read back\n")
    }

    /// Many runs ended mid-flight at once, by their timeout or by the caller's cancellation: a
    /// timed-out run reports `timedOut`, a cancelled one throws once its group is gone.
    @Test func manyRunsEndedMidFlightAllReturn() async throws {
        try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<24 {
                group.addTask {
                    let spec = ProcessSpec.shell("sleep 30", timeout: .milliseconds(20 + 15 * (index % 8)),
                                                 killGrace: .milliseconds(100))
                    if index.isMultiple(of: 2) {
                        return try await ProcessRunner.run(spec).timedOut
                    }
                    let run = Task { try await ProcessRunner.run(.shell("sleep 30", killGrace: .milliseconds(100))) }
                    try await Task.sleep(for: .milliseconds(10 * (index % 8)))
                    run.cancel()
                    return (try? await run.value) == nil
                }
            }
            var ended = 0
            for try await endedEarly in group where endedEarly { ended += 1 }
            #expect(ended == 24)
        }
    }

    private func childPID(_ file: String) throws -> Int32 {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        return try #require(Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    /// Whether `pid` is gone or a zombie. A killed process dies asynchronously, so this waits for
    /// the event (up to a generous bound) instead of asserting how quickly it happens.
    private func processEnds(_ pid: Int32) async -> Bool {
        for _ in 0..<200 {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
            if let close = stat.lastIndex(of: ")"),
               stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z") {
                return true
            }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return false
    }
}
