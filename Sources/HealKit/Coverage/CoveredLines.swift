/// Covered line numbers (1-based) per file, keyed by path relative to the repository root.
public typealias CoveredLines = [String: Set<Int>]
