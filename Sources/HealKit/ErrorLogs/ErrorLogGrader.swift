import Foundation

/// Production error logs as a grader: reads (or fetches) both windows and judges every
/// signature. The edge around `ErrorDetector`.
public struct ErrorLogGrader: Sendable {
    /// What the logs said, and how it was judged.
    public struct Grade: Sendable {
        public var detection: ErrorDetection
        public var json: ErrorDetectionJSON
        public var baseline: ErrorWindow
        public var current: ErrorWindow
        /// How frames were placed in the repository (triage places them the same way).
        let mapper: FramePathMapper
    }

    public let settings: HealConfig.Errors
    public let loader: ErrorLogLoader
    /// Where relative log paths start and the export command runs: the repository root.
    public let directory: String

    public init(settings: HealConfig.Errors, loader: ErrorLogLoader, directory: String) {
        self.settings = settings
        self.loader = loader
        self.directory = directory
    }

    /// Reads the windows (the two sides at once) and detects. `now` anchors the windows a
    /// `command` fetches: the current one ends at `now`, the baseline one ends where it starts.
    public func grade(now: Date = Date()) async throws -> Grade {
        let (baseline, current): (ErrorWindow, ErrorWindow)
        if settings.baseline.isEmpty, let command = settings.command {
            (baseline, current) = try await fetch(command, now: now)
        } else {
            let loader = loader, directory = directory, settings = settings
            async let before = Task.detached { try loader.load(settings.baseline, relativeTo: directory, option: "errors baseline") }.value
            async let after = Task.detached { try loader.load(settings.current, relativeTo: directory, option: "errors current") }.value
            (baseline, current) = try await (before, after)
        }
        let detection = try ErrorDetector.detect(baseline: baseline, current: current, options: settings.detectionOptions)
        return Grade(detection: detection, json: ErrorDetectionJSON(detection: detection, baseline: baseline, current: current),
                     baseline: baseline, current: current, mapper: loader.mapper)
    }

    private func fetch(_ command: String, now: Date) async throws -> (ErrorWindow, ErrorWindow) {
        let currentLength = settings.currentWindow?.timeInterval ?? 3_600
        let baselineLength = settings.baselineWindow?.timeInterval ?? 86_400
        let split = now.addingTimeInterval(-currentLength)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("heal-errors-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        var windows: [ErrorWindow] = []
        for (side, since, until) in [("baseline", split.addingTimeInterval(-baselineLength), split), ("current", split, now)] {
            let results = scratch + "/\(side).log"
            let line = CommandTemplate.render(command, ["since": Self.rfc3339(since), "until": Self.rfc3339(until),
                                                        "results": results])
            let outcome = try await ProcessRunner.run(.shell(line, workingDirectory: directory, timeout: .seconds(600)))
            guard outcome.succeeded, FileManager.default.fileExists(atPath: results) else {
                throw ErrorExportFailed(side: side, command: line, outcome: outcome)
            }
            var window = try loader.load([results], relativeTo: directory, option: "errors.command (\(side))")
            window.files = ["errors.command (\(side): \(Self.rfc3339(since)) – \(Self.rfc3339(until)))"]
            windows.append(window)
        }
        return (windows[0], windows[1])
    }

    static func rfc3339(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}

/// The `errors.command` export failed or wrote nothing.
public struct ErrorExportFailed: UserInputError {
    public var side: String
    public var command: String
    public var outcome: ProcessOutcome

    public var description: String {
        let why = outcome.timedOut ? "timed out" : outcome.succeeded ? "wrote no {results} file" : "failed (\(outcome.termination))"
        let tail = SecretRedactor.redact(String(outcome.stderr.suffix(2_000))).trimmingCharacters(in: .whitespacesAndNewlines)
        return "errors.command for the \(side) window \(why): \(SecretRedactor.redact(command))"
            + (tail.isEmpty ? "" : "\n  \(tail.replacingOccurrences(of: "\n", with: "\n  "))")
            + "\n  Fix the command in .heal.yml (it runs with /bin/sh -c at the repository root and must write the window's logs to {results})."
    }
}
