import Foundation
@testable import HealKit
import Testing
import TestSupport

@Suite struct ErrorLogReaderTests {
    let repositoryFiles = ["app/handlers.py", "app/db.py", "src/main/java/com/acme/shop/orders/OrderService.java",
                           "src/main/java/com/acme/shop/customers/CustomerRepository.java",
                           "src/main/java/com/acme/shop/orders/OrderController.java"]

    private func window(_ files: [String: String]) throws -> ErrorWindow {
        let dir = try TempDir.make(prefix: "error-logs")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (name, text) in files { try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
        return try ErrorLogLoader(repositoryFiles: repositoryFiles).load(["*"], relativeTo: dir, option: "test")
    }

    @Test func jsonLinesWithTracebackFieldsAndLevels() throws {
        let traceback = #"Traceback (most recent call last):\n  File \"/srv/app/app/handlers.py\", line 12, in get_user\n    return db.fetch(uid)\n  File \"/srv/app/app/db.py\", line 40, in fetch\n    raise KeyError(uid)\nKeyError: 42"#
        let log = """
            {"asctime": "2024-05-01 12:00:00,000", "levelname": "INFO", "message": "started"}
            {"asctime": "2024-05-01 12:10:00,000", "levelname": "ERROR", "message": "request failed", "exc_info": "\(traceback)"}
            {"timestamp": "2024-05-01T12:20:00Z", "level": "error", "event": "payment failed for user 77"}
            {"ts": 1714565400, "level": 50, "msg": "upstream timeout", "err": {"type": "TimeoutError", "message": "t", "stack": "TimeoutError: t\\n    at call (/srv/node/x.js:1:2)"}}
            {"time": "2024-05-01T12:40:00Z", "level": "warning", "message": "slow"}
            not json at all { but plain
            {"broken": 
            {"asctime": "2024-05-01 13:00:00,000", "levelname": "INFO", "message": "done"}
            """
        let window = try self.window(["app.jsonl": log])
        #expect(window.errors == 3)
        #expect(window.observedDuration == 3600)
        #expect(window.problems.count == 1)
        #expect(window.problems.first.first?.line == 7)
        let ids = Set(window.counts.keys)
        #expect(ids == ["KeyError at app/db.py:fetch", "error: payment failed for user <n>",
                        "TimeoutError outside the repository at node/x.js:call"])
        let keyError = try #require(window.signatures["KeyError at app/db.py:fetch"])
        #expect(keyError.signature.frame?.line == 40)
        #expect(keyError.message == "<n>")
        #expect(keyError.stacks.first?.frames.map(\.function) == ["fetch", "get_user"])
    }

    @Test func sentryStructuredFrames() throws {
        let event = #"{"timestamp": 1714564800, "level": "error", "exception": {"values": [{"type": "KeyError", "value": "'x'", "stacktrace": {"frames": [{"abs_path": "/srv/app/app/handlers.py", "function": "get_user", "lineno": 12}, {"abs_path": "/srv/app/app/db.py", "function": "fetch", "lineno": 40}]}}]}}"#
        let window = try self.window(["sentry.jsonl": event + "\n" + event.replacingOccurrences(of: "1714564800", with: "1714564860")])
        #expect(window.counts == ["KeyError at app/db.py:fetch": 2])
        #expect(window.observedDuration == 60)
    }

    @Test func plainTextRecordsKeepTheirTraces() throws {
        let window = try self.window(["shop.log": try ErrorFixtures.text("java-logback-documented.log")])
        #expect(window.entries == 3)
        #expect(window.counts == ["java.lang.NullPointerException at src/main/java/com/acme/shop/customers/CustomerRepository.java:CustomerRepository.find": 1])
        #expect(abs((window.observedDuration ?? 0) - 3.899) < 1e-6)
    }

    @Test func pythonTextLogWithTracebacksAndUntimedStderr() throws {
        let log = """
            2024-05-01 12:00:00,000 INFO app: started
            2024-05-01 12:00:01,000 ERROR app: request failed
            Traceback (most recent call last):
              File "/srv/app/app/handlers.py", line 12, in get_user
                return db.fetch(uid)
              File "/srv/app/app/db.py", line 40, in fetch
                raise KeyError(uid)
            KeyError: 42
            2024-05-01 12:00:02,000 ERROR app: could not reach the mail server
            2024-05-01 12:00:03,000 INFO app: ok
            """
        let window = try self.window(["app.log": log])
        #expect(window.counts == ["KeyError at app/db.py:fetch": 1, "error: app: could not reach the mail server": 1])
        #expect(window.entries == 4)
    }

    @Test func dockerAndCRIWrappersAreUnwrapped() throws {
        let docker = [
            #"{"log":"2024-05-01 12:00:01,000 ERROR app: request failed\n","stream":"stderr","time":"2024-05-01T12:00:01Z"}"#,
            #"{"log":"Traceback (most recent call last):\n","stream":"stderr","time":"2024-05-01T12:00:01Z"}"#,
            #"{"log":"  File \"/srv/app/app/db.py\", line 40, in fetch\n","stream":"stderr","time":"2024-05-01T12:00:01Z"}"#,
            #"{"log":"KeyError: 42\n","stream":"stderr","time":"2024-05-01T12:00:01Z"}"#,
            #"{"log":"2024-05-01 12:05:00,000 INFO app: ok\n","stream":"stdout","time":"2024-05-01T12:05:00Z"}"#,
        ].joined(separator: "\n")
        let cri = """
            2024-05-01T12:00:01.000000000Z stderr F 2024-05-01 12:00:01,000 ERROR app: request failed
            2024-05-01T12:00:01.000000000Z stderr F Traceback (most recent call last):
            2024-05-01T12:00:01.000000000Z stderr P   File "/srv/app/app/db.py", 
            2024-05-01T12:00:01.000000000Z stderr F line 40, in fetch
            2024-05-01T12:00:01.000000000Z stderr F KeyError: 42
            2024-05-01T12:05:00.000000000Z stdout F 2024-05-01 12:05:00,000 INFO app: ok
            """
        for (name, text) in [("docker.log", docker), ("cri.log", cri)] {
            let window = try self.window([name: text])
            #expect(window.counts == ["KeyError at app/db.py:fetch": 1], "\(name)")
            #expect(window.observedDuration == 299, "\(name)")
        }
    }

    @Test func badInputIsCountedNeverFatal() throws {
        var log = "{\"time\": \"2024-05-01T12:00:00Z\", \"level\": \"error\", \"message\": \"a\"}\n"
        log += "bin\u{0}ary\n"
        log += String(repeating: "x", count: ErrorLogReader.maximumLineLength + 10) + "\n"
        log += "{\"time\": \"2024-05-01T12:00:10Z\", \"level\": \"error\", \"message\": \"a\"}\n"
        log += "[1, 2]\n"
        let window = try self.window(["bad.jsonl": log])
        #expect(window.errors == 2)
        #expect(window.problems.count == 2)
        #expect(window.problems.first.map(\.line) == [2, 3])
        #expect(window.observedDuration == 10)
    }

    @Test func globsThatMatchNothingNameTheEntry() throws {
        let dir = try TempDir.make(prefix: "error-logs")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(throws: LogFilesError.self) {
            try ErrorLogLoader(repositoryFiles: []).load(["logs/after/*.jsonl"], relativeTo: dir, option: "errors.current")
        }
        try FileManager.default.createDirectory(atPath: dir + "/logs/after/old", withIntermediateDirectories: true)
        try "".write(toFile: dir + "/logs/after/a.jsonl", atomically: true, encoding: .utf8)
        try "".write(toFile: dir + "/logs/after/old/b.jsonl", atomically: true, encoding: .utf8)
        let window = try ErrorLogLoader(repositoryFiles: []).load(["logs/after/*.jsonl"], relativeTo: dir, option: "errors.current")
        #expect(window.files == [dir + "/logs/after/a.jsonl"])
        let deep = try ErrorLogLoader(repositoryFiles: []).load(["logs/**/*.jsonl"], relativeTo: dir, option: "errors.current")
        #expect(deep.files.count == 2)
    }
}
