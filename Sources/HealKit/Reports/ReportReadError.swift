/// A report heal cannot read at all: the file, the position, what was expected and what to do.
public struct ReportReadError: UserInputError, Equatable {
    public var file: String
    /// 1-based; 0 when the problem is the file as a whole.
    public var line: Int
    public var column: Int
    /// What was wrong and what was expected there.
    public var problem: String
    /// How to fix it.
    public var hint: String

    public init(file: String, line: Int = 0, column: Int = 0, problem: String, hint: String) {
        self.file = file
        self.line = line
        self.column = column
        self.problem = problem
        self.hint = hint
    }

    public var description: String {
        let position = line > 0 ? (column > 0 ? ":\(line):\(column)" : ":\(line)") : ""
        return "\(file)\(position): \(problem)\n  \(hint)"
    }
}
