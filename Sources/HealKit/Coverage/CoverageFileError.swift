/// A coverage report heal can't read: where, what was expected, and what to do.
public struct CoverageFileError: UserInputError, Equatable {
    public var file: String
    /// 1-based line, when the problem has one.
    public var line: Int?
    /// 1-based column, when the problem has one.
    public var column: Int?
    /// What was wrong and what was expected there.
    public var problem: String
    /// How to fix it.
    public var fix: String

    public init(file: String, line: Int? = nil, column: Int? = nil, problem: String, fix: String) {
        self.file = file
        self.line = line
        self.column = column
        self.problem = problem
        self.fix = fix
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let line, line > 0, let column { location += ":\(column)" }
        return "\(location): \(problem). \(fix)"
    }
}
