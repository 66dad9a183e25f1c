/// Command-line overrides of `errors:` (`--errors-baseline`, `--errors-current`, …), shared by
/// `heal detect` and `heal run`. Nil or empty means "as configured".
public struct ErrorLogOverrides: Sendable, Equatable {
    public var baseline: [String]
    public var current: [String]
    public var baselineWindow: Duration?
    public var currentWindow: Duration?
    public var alpha: Double?
    public var minCount: Int?
    public var minRatio: Double?
    public var pathPrefixes: [String]

    public init(baseline: [String] = [], current: [String] = [], baselineWindow: Duration? = nil,
                currentWindow: Duration? = nil, alpha: Double? = nil, minCount: Int? = nil, minRatio: Double? = nil,
                pathPrefixes: [String] = []) {
        self.baseline = baseline
        self.current = current
        self.baselineWindow = baselineWindow
        self.currentWindow = currentWindow
        self.alpha = alpha
        self.minCount = minCount
        self.minRatio = minRatio
        self.pathPrefixes = pathPrefixes
    }

    /// Whether the log files themselves are given.
    public var namesLogs: Bool { !baseline.isEmpty || !current.isEmpty }

    /// `configured` with these overrides; nil when neither names any logs.
    public func apply(to configured: HealConfig.Errors?) -> HealConfig.Errors? {
        guard namesLogs || configured != nil else { return nil }
        var settings = configured ?? HealConfig.Errors()
        if namesLogs {
            settings.baseline = baseline
            settings.current = current
        }
        if let baselineWindow { settings.baselineWindow = baselineWindow }
        if let currentWindow { settings.currentWindow = currentWindow }
        if let alpha { settings.alpha = alpha }
        if let minCount { settings.minCount = minCount }
        if let minRatio { settings.minRatio = minRatio }
        if !pathPrefixes.isEmpty { settings.pathPrefixes = pathPrefixes }
        return settings
    }
}
