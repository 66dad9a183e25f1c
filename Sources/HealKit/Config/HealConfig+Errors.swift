extension HealConfig {
    /// `errors:` production error logs as a third grader (optional). The windows come from
    /// files (`baseline`/`current`) or from `command`, which heal runs once per window.
    public struct Errors: Sendable, Equatable {
        /// `baseline`: files, directories or globs (relative to the repository root) of the
        /// window before the deploy.
        public var baseline: [String]
        /// `current`: the same for the window after it.
        public var current: [String]
        /// `command`: exports one window's logs; `{since}` and `{until}` (RFC 3339, UTC) and
        /// `{results}` (the file to write) are substituted. Used when `baseline`/`current` are not set.
        public var command: String?
        /// `baseline-window` / `current-window`: the windows' lengths. With `command` they set what is
        /// fetched (current: the last `current-window` before the run; baseline: the
        /// `baseline-window` before that); with files they override the logs' own first-to-last span.
        public var baselineWindow: Duration?
        public var currentWindow: Duration?
        /// `alpha`: family-wise significance over the signatures tested (Holm).
        public var alpha: Double
        /// `min-count`: fewer events than this in the current window never make a regression.
        public var minCount: Int
        /// `min-ratio`: the current rate must be at least this many times the baseline rate.
        public var minRatio: Double
        /// `path-prefixes`: server paths to strip from frames; by default a frame maps to the
        /// repository file with the longest matching suffix.
        public var pathPrefixes: [String]

        public init(baseline: [String] = [], current: [String] = [], command: String? = nil,
                    baselineWindow: Duration? = nil, currentWindow: Duration? = nil, alpha: Double = 0.05,
                    minCount: Int = 3, minRatio: Double = 1.5, pathPrefixes: [String] = []) {
            self.baseline = baseline
            self.current = current
            self.command = command
            self.baselineWindow = baselineWindow
            self.currentWindow = currentWindow
            self.alpha = alpha
            self.minCount = minCount
            self.minRatio = minRatio
            self.pathPrefixes = pathPrefixes
        }

        /// The detection knobs, with the windows' lengths in seconds.
        public var detectionOptions: ErrorDetectionOptions {
            ErrorDetectionOptions(alpha: alpha, minCount: minCount, minRatio: minRatio,
                                  baselineWindow: baselineWindow.map(\.timeInterval), currentWindow: currentWindow.map(\.timeInterval))
        }

        static let keys = ["baseline", "current", "command", "baseline-window", "current-window", "alpha", "min-count",
                           "min-ratio", "path-prefixes"]

        static func read(_ node: ConfigNode) throws -> Errors {
            let keys = try node.entries(known: Self.keys)
            var errors = Errors()
            if let value = keys["baseline"] { errors.baseline = try value.strings() }
            if let value = keys["current"] { errors.current = try value.strings() }
            if let value = keys["command"] { errors.command = try value.string() }
            if let value = keys["baseline-window"] { errors.baselineWindow = try value.duration() }
            if let value = keys["current-window"] { errors.currentWindow = try value.duration() }
            if let value = keys["alpha"] { errors.alpha = try value.double(in: 1e-12...1) }
            if let value = keys["min-count"] { errors.minCount = try value.int(atLeast: 1) }
            if let value = keys["min-ratio"] { errors.minRatio = try value.double(in: 1...1e9) }
            if let value = keys["path-prefixes"] { errors.pathPrefixes = try value.strings() }
            if errors.baseline.isEmpty != errors.current.isEmpty {
                throw node.error("give both `baseline` and `current` (the windows before and after the deploy), or neither")
            }
            if let command = errors.command {
                for placeholder in ["{since}", "{until}", "{results}"] where !command.contains(placeholder) {
                    throw (keys["command"] ?? node).error("the command must use \(placeholder): heal runs it once per window "
                                                          + "with {since} and {until} (RFC 3339, UTC) and reads the logs from {results}")
                }
                if errors.baselineWindow == nil || errors.currentWindow == nil {
                    throw (keys["command"] ?? node).error("with `command`, set `baseline-window` and `current-window` "
                                                          + "(e.g. 24h and 60m): they say which windows heal fetches")
                }
            } else if errors.baseline.isEmpty {
                throw node.error("say where the logs are: `baseline` and `current` (files or globs), or `command`")
            }
            return errors
        }

        /// The section as `.heal.yml` lines (commented out when the project has none).
        static func render(_ errors: Errors?) -> [String] {
            let value = errors ?? Errors(baseline: ["logs/before/*.jsonl"], current: ["logs/after/*.jsonl"])
            let prefix = errors == nil ? "# " : ""
            var lines = [
                "# Production error logs as a third grader: error signatures new or significantly more",
                "# frequent after the deploy are regressions, triaged from their stack traces.",
                "\(prefix)errors:",
                "\(prefix)  # Files or globs of the window before and after the deploy (JSON Lines or plain text).",
                "\(prefix)  baseline: \(YAMLText.list(value.baseline))",
                "\(prefix)  current: \(YAMLText.list(value.current))",
                "\(prefix)  # Or a command heal runs once per window, writing that window's logs to {results}.",
            ]
            lines.append(value.command.map { "\(prefix)  command: \(YAMLText.quote($0))" }
                         ?? "\(prefix)  # command: \"my-export --since {since} --until {until} > {results}\"")
            lines.append("\(prefix)  # Windows' lengths (needed with command; with files they come from the timestamps).")
            lines.append(value.baselineWindow.map { "\(prefix)  baseline-window: \(YAMLText.duration($0))" } ?? "\(prefix)  # baseline-window: 24h")
            lines.append(value.currentWindow.map { "\(prefix)  current-window: \(YAMLText.duration($0))" } ?? "\(prefix)  # current-window: 60m")
            lines += [
                "\(prefix)  # Significance over all signatures tested (Holm-corrected exact Poisson test).",
                "\(prefix)  alpha: \(YAMLText.number(value.alpha))",
                "\(prefix)  # Fewer events than this after the deploy never make a regression.",
                "\(prefix)  min-count: \(value.minCount)",
                "\(prefix)  # The rate must also grow at least this many times (1 turns the floor off).",
                "\(prefix)  min-ratio: \(YAMLText.number(value.minRatio))",
                "\(prefix)  # Server path prefixes to strip from frames; by default the longest matching suffix.",
                "\(prefix)  path-prefixes: \(YAMLText.list(value.pathPrefixes))",
            ]
            return lines
        }
    }
}

extension Duration {
    /// The duration in seconds, as a floating-point number.
    var timeInterval: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) / 1e18
    }
}
