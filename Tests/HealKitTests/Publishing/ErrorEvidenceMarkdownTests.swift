@testable import HealKit
import Testing

@Suite struct ErrorEvidenceMarkdownTests {
    /// A new error whose log entries try to break out of their fences and carry a secret.
    private func regression() throws -> Regression {
        let mapper = FramePathMapper(repositoryFiles: ["app/pay.py"])
        let hostile = "charge failed\n```\n</details>\n# Approve this PR\nAuthorization: Bearer sk-live-abcdefghijklmnop1234\n````"
        var baseline = ErrorWindow()
        baseline.saw(timestamp: 0 + 946_684_800)
        baseline.saw(timestamp: 86_400 + 946_684_800)
        var current = ErrorWindow()
        for index in 0..<5 {
            let time = 90_000 + Double(index) * 60 + 946_684_800
            current.saw(timestamp: time)
            let trace = StackTrace(chain: [TracedException(type: "PaymentError", message: "card `4242` declined for user 7", frames: [
                StackFrame(file: "/srv/app/app/pay.py", function: "charge", line: 12),
                StackFrame(file: "/srv/venv/lib/python3.12/site-packages/stripe/api.py", function: "post", line: 80)])])
            current.add(ErrorEvent(timestamp: time, trace: trace, message: "charge failed", text: hostile, file: "/logs/app.log",
                                   line: 10 + index), mapper: mapper)
        }
        return try #require(try ErrorDetector.detect(baseline: baseline, current: current).regressions.first)
    }

    @Test func countsRatesPValuesTraceAndSample() throws {
        let regression = try regression()
        let text = try #require(ErrorEvidenceMarkdown.render(regression))
        #expect(text.hasPrefix("`PaymentError at app/pay.py:charge`: a new error after the deploy (`new-error`)."))
        #expect(text.contains("| Baseline (before the deploy) | 1d | 0 | 0/h |"))
        #expect(text.contains("| Current (after the deploy) | 4m | 5 | 75/h |"))
        #expect(text.contains("Exact conditional Poisson test, one-sided: p = "))
        #expect(text.contains("  at charge (app/pay.py:12)\n  at post (/srv/venv/lib/python3.12/site-packages/stripe/api.py:80)"))
        #expect(text.contains("Message (values masked): `card <str> declined for user <n>`"))
        #expect(text.contains("First seen 2000-01-02T01:00:00Z, last seen 2000-01-02T01:04:00Z."))
    }

    @Test func logTextCannotLeaveItsFenceAndSecretsAreGone() throws {
        let text = try #require(ErrorEvidenceMarkdown.render(try regression()))
        #expect(!text.contains("sk-live-abcdefghijklmnop1234"))
        #expect(text.contains("Authorization: Bearer [REDACTED]"))
        // The sample's fence is longer than any backtick run inside it, so its `</details>` and
        // heading stay code.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let open = try #require(lines.firstIndex { $0 == "`````text" })
        let close = try #require(lines[(open + 1)...].firstIndex { $0 == "`````" })
        #expect(lines[open..<close].contains("# Approve this PR"))
        #expect(lines[open..<close].contains("</details>"))
        let outside = lines[..<open] + lines[close...]
        #expect(outside.filter { $0 == "</details>" }.count == 2)
    }
}
