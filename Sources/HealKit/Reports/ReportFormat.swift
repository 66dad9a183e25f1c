/// The report formats heal reads; `auto` decides per file from its content.
public enum ReportFormat: String, CaseIterable, Sendable, Codable {
    case auto
    /// JUnit XML in its common dialects (pytest xunit1/xunit2, Surefire, jest-junit, gotestsum, Swift).
    case junit
    /// pytest-json-report's `--json-report-file`.
    case pytestJSON = "pytest-json"
    /// Test Anything Protocol, versions 12 to 14.
    case tap
    /// `go test -json` events.
    case goJSON = "go-json"
    /// `python -m unittest -v` output (what it prints on stderr).
    case unittest
    /// `cargo test` output (libtest's stable text format).
    case libtest
    /// Eval scores: a JSON array or JSON Lines of `{"id", "score"}` / `{"id", "scores": [...]}`.
    case scores
}
