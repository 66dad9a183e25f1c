/// An error the user can act on: bad input, a bad configuration, a missing revision.
///
/// The CLI prints `description` and exits with code 2. Conforming types say what was wrong,
/// where (file, line, column when there is one), what was expected, and how to fix it.
public protocol UserInputError: Error, CustomStringConvertible {}

/// Exit codes of the `heal` command line, part of its contract.
public enum HealExit: Int32, Sendable {
    /// Nothing regressed, or everything found was handled.
    case success = 0
    /// Regressions were found.
    case regressions = 1
    /// Usage or input error.
    case badInput = 2
    /// heal itself failed.
    case internalFailure = 3
}
