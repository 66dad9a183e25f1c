import Foundation

/// Compares the error signatures of the window before a deploy with the window after it.
/// Pure: windows in, regressions out.
///
/// Every signature with at least `minCount` events now is tested with the exact conditional
/// Poisson test (`PoissonRateTest`, exposures = the windows' lengths); the p-values are
/// Holm-corrected over those signatures. A signature whose adjusted p-value is at most `alpha`
/// and whose rate grew at least `minRatio`-fold is a regression: `new-error` when the baseline
/// never saw it, `error-spike` otherwise. A steady error keeps its rate and is none.
public enum ErrorDetector {
    public static func detect(baseline: ErrorWindow, current: ErrorWindow,
                              options: ErrorDetectionOptions = ErrorDetectionOptions()) throws -> ErrorDetection {
        let t1 = try exposure(of: baseline, configured: options.baselineWindow, side: "baseline")
        let t2 = try exposure(of: current, configured: options.currentWindow, side: "current")
        let tested = current.signatures.values.filter { $0.count >= options.minCount }.sorted { $0.signature.id < $1.signature.id }
        let pValues = tested.map { events in
            PoissonRateTest.pValueIncrease(baselineCount: baseline.signatures[events.signature.id]?.count ?? 0,
                                           baselineExposure: t1, currentCount: events.count, currentExposure: t2)
        }
        let adjusted = HolmCorrection.adjusted(pValues)
        var regressions: [Regression] = []
        var evidence: [String: SignatureEvents] = [:]
        for (index, events) in tested.enumerated() {
            let before = baseline.signatures[events.signature.id]?.count ?? 0
            let ratio = before == 0 ? Double.infinity : (Double(events.count) / t2) / (Double(before) / t1)
            guard adjusted[index] <= options.alpha, ratio >= options.minRatio else { continue }
            regressions.append(regression(events, baselineCount: before, t1: t1, t2: t2,
                                          pValue: pValues[index], adjusted: adjusted[index]))
            evidence[SecretRedactor.redact(events.signature.id)] = events
        }
        regressions.sort { ($0.kind == .newError ? 0 : 1, $0.test) < ($1.kind == .newError ? 0 : 1, $1.test) }
        return ErrorDetection(regressions: regressions, evidence: evidence, baselineExposure: t1, currentExposure: t2,
                              tested: tested.count, signatures: current.signatures.count, options: options)
    }

    private static func regression(_ events: SignatureEvents, baselineCount: Int, t1: Double, t2: Double,
                                   pValue: Double, adjusted: Double) -> Regression {
        var regression = Regression(test: SecretRedactor.redact(events.signature.id), kind: baselineCount == 0 ? .newError : .errorSpike,
                                    message: SecretRedactor.redact(events.message), file: events.signature.frame?.path,
                                    line: events.signature.frame?.line, pValue: pValue)
        regression.errors = ErrorEvidence(events: events, baselineCount: baselineCount, baselineSeconds: t1,
                                          currentSeconds: t2, adjustedPValue: adjusted)
        return regression
    }

    /// The configured window, or the logs' own span.
    private static func exposure(of window: ErrorWindow, configured: Double?, side: String) throws -> Double {
        if let configured { return configured }
        guard let observed = window.observedDuration else { throw UnknownErrorWindow(side: side, window: window) }
        return observed
    }
}

/// Rates need the windows' lengths, and the logs did not give one.
public struct UnknownErrorWindow: UserInputError, Equatable {
    public var side: String
    public var files: [String]
    public var entries: Int

    init(side: String, window: ErrorWindow) {
        self.side = side
        files = window.files
        entries = window.entries
    }

    public var description: String {
        "the \(side) error logs (\(files.joined(separator: ", "))) span no time: \(entries) entr\(entries == 1 ? "y" : "ies") "
            + "and fewer than two distinct timestamps, so heal cannot compare rates. Give the window's length: "
            + "errors.\(side)-window in .heal.yml or --errors-\(side)-window (e.g. 24h, 60m)."
    }
}
