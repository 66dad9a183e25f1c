import ArgumentParser
import HealKit

/// The error-log flags `heal detect` and `heal run` share; each overrides `errors:` in .heal.yml.
struct ErrorLogOptions: ParsableArguments {
    @Option(name: .customLong("errors-baseline"), parsing: .upToNextOption,
            help: "Error logs of the window before the deploy: files, directories or globs (JSON Lines or plain text).")
    var baseline: [String] = []
    @Option(name: .customLong("errors-current"), parsing: .upToNextOption,
            help: "Error logs of the window after the deploy.")
    var current: [String] = []
    @Option(name: .customLong("errors-baseline-window"),
            help: "Length of the baseline window (60m, 24h, 7d; default: first to last timestamp in its logs).")
    var baselineWindow: String?
    @Option(name: .customLong("errors-current-window"), help: "Length of the current window (like --errors-baseline-window).")
    var currentWindow: String?
    @Option(name: .customLong("errors-alpha"), help: "Significance over all error signatures tested (Holm-corrected; default 0.05).")
    var alpha: Double?
    @Option(name: .customLong("errors-min-count"), help: "Fewer events than this after the deploy never make a regression (default 3).")
    var minCount: Int?
    @Option(name: .customLong("errors-min-ratio"), help: "The error rate must also grow at least this many times (default 1.5; 1 turns it off).")
    var minRatio: Double?
    @Option(name: .customLong("path-prefix"), help: "A server path prefix to strip from frames (repeatable; default: longest matching suffix).")
    var pathPrefixes: [String] = []

    var isGiven: Bool { !baseline.isEmpty || !current.isEmpty }

    /// The flags, checked.
    func overrides() throws -> ErrorLogOverrides {
        guard baseline.isEmpty == current.isEmpty else {
            throw ValidationError("give both --errors-baseline and --errors-current")
        }
        if let alpha, !(alpha > 0 && alpha <= 1) { throw ValidationError("--errors-alpha must be in (0, 1], got \(alpha)") }
        if let minCount, minCount < 1 { throw ValidationError("--errors-min-count must be at least 1, got \(minCount)") }
        if let minRatio, !(minRatio >= 1 && minRatio.isFinite) {
            throw ValidationError("--errors-min-ratio must be at least 1, got \(minRatio)")
        }
        return ErrorLogOverrides(baseline: baseline, current: current,
                                 baselineWindow: try baselineWindow.map { try duration($0, "--errors-baseline-window") },
                                 currentWindow: try currentWindow.map { try duration($0, "--errors-current-window") },
                                 alpha: alpha, minCount: minCount, minRatio: minRatio, pathPrefixes: pathPrefixes)
    }

    private func duration(_ text: String, _ flag: String) throws -> Duration {
        guard let value = DurationText.parse(text) else {
            throw ValidationError("\(flag) expects a duration such as 60m, 24h, 7d or 3600 (seconds), got \(text)")
        }
        return value
    }
}
