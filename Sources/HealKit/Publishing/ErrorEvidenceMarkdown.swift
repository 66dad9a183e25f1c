import Foundation

/// The production-error section of a PR body, an escalation ticket or an agent prompt: the
/// signature, baseline against current counts and rates, the test's p-values, the trace and
/// one redacted sample entry. Text from the log is already redacted and bounded in
/// `ErrorEvidence`; here it only goes inside fences it cannot close.
enum ErrorEvidenceMarkdown {
    static func render(_ regression: Regression) -> String? {
        guard let evidence = regression.errors else { return nil }
        let what = regression.kind == .newError ? "a new error after the deploy (`new-error`)"
            : "an error whose rate rose after the deploy (`error-spike`)"
        var lines = [
            "`\(regression.test)`: \(what).",
            "",
            "| Window | Length | Events | Rate |",
            "|---|---|---|---|",
            "| Baseline (before the deploy) | \(DurationText.describe(evidence.baselineSeconds)) | \(evidence.baselineCount) | \(rate(evidence.baselineRate)) |",
            "| Current (after the deploy) | \(DurationText.describe(evidence.currentSeconds)) | \(evidence.currentCount) | \(rate(evidence.currentRate)) |",
            "",
            "Exact conditional Poisson test, one-sided: p = \(number(regression.pValue ?? 1)); "
                + "after Holm's correction over the signatures tested: \(number(evidence.adjustedPValue)).",
        ]
        if let first = evidence.firstSeen, let last = evidence.lastSeen {
            lines.append("First seen \(iso(first)), last seen \(iso(last)).")
        }
        if let message = regression.message, !message.isEmpty {
            lines += ["", "Message (values masked): " + DefaultTemplates.inlineCode(message)]
        }
        let trace = evidence.traceText
        let traceFence = DefaultTemplates.fence(for: trace)
        lines += ["", "<details><summary>Trace (\(evidence.framesSeen) of \(evidence.currentCount) events had exactly this one; innermost frame first)</summary>",
                  "", traceFence + "text", trace, traceFence, "", "</details>"]
        let sample = DefaultTemplates.trimmingTrailingNewlines(evidence.sample.text)
        let sampleFence = DefaultTemplates.fence(for: sample)
        let when = evidence.sample.time.map { " at \(iso($0))" } ?? ""
        lines += ["", "<details><summary>Latest log entry (redacted)\(when)</summary>", "",
                  sampleFence + "text", sample, sampleFence, "", "</details>"]
        return lines.joined(separator: "\n")
    }

    private static func rate(_ perHour: Double) -> String { String(format: "%.3g/h", perHour) }
    private static func number(_ value: Double) -> String { String(format: "%.2g", value) }
    private static func iso(_ date: Date) -> String { ErrorLogGrader.rfc3339(date) }
}
