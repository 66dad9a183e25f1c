/// A store that cannot be used as configured; the user has to act (exit 2).
public struct StoreError: UserInputError, Equatable {
    /// The store's location, password redacted.
    public var location: String
    /// What is wrong.
    public var problem: String
    /// What to do about it.
    public var fix: String

    public init(location: String, problem: String, fix: String) {
        self.location = location
        self.problem = problem
        self.fix = fix
    }

    public var description: String { "store \(location): \(problem); \(fix)" }
}

/// A store operation failed in a way the user did not cause (exit 3).
public struct StoreFailure: Error, CustomStringConvertible {
    public var location: String
    public var operation: String
    public var detail: String

    public init(location: String, operation: String, detail: String) {
        self.location = location
        self.operation = operation
        self.detail = detail
    }

    public var description: String { "store \(location): \(operation) failed: \(detail)" }
}
