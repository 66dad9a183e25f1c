/// The failing test as the PR body and the escalation ticket name it.
public struct TestReference: Sendable, Equatable {
    public var id: String
    /// The test's file, relative to the repository root, when known.
    public var file: String?

    public init(id: String, file: String? = nil) {
        self.id = id
        self.file = file
    }
}

/// The commit of the deploy that introduced a regression, as a reviewer reads it.
public struct CulpritSummary: Sendable, Equatable {
    public var id: String
    public var author: String
    public var subject: String

    public init(id: String, author: String, subject: String) {
        self.id = id
        self.author = author
        self.subject = subject
    }
}
