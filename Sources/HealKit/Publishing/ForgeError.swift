/// A forge CLI failed or answered something heal cannot read; the user has to act.
public struct ForgeError: UserInputError, Equatable {
    /// The command line that failed.
    public var command: String
    public var problem: String
    public var fix: String

    public init(command: String, problem: String, fix: String) {
        self.command = command
        self.problem = problem
        self.fix = fix
    }

    public var description: String { "`\(command)`: \(problem); \(fix)" }
}
