/// The coverage report formats heal reads.
public enum CoverageFormat: String, Sendable, Equatable, CaseIterable, Codable {
    /// LCOV tracefile; per test when records carry `TN:` names.
    case lcov
    /// Cobertura XML (aggregate).
    case cobertura
    /// `llvm-cov export -format=text` JSON (aggregate, from segments).
    case llvmJSON = "llvm-json"
    /// coverage.py `coverage json`; per test with `--show-contexts` over `--cov-context=test` data.
    case coveragepyJSON = "coveragepy-json"
    /// Go `-coverprofile` (aggregate).
    case go
    /// Recognise the format by content.
    case auto
}
