/// A `.heal.yml` heal cannot use: where the problem is, what was expected, how to fix it.
/// The CLI prints it and exits 2.
public struct ConfigError: UserInputError, Equatable {
    /// The configuration file.
    public var file: String
    /// 1-based line, when the problem has a position.
    public var line: Int?
    /// 1-based column, when the problem has a position.
    public var column: Int?
    /// The dotted key the problem concerns (`fix.timeout`), when there is one.
    public var key: String?
    /// What is wrong and what to do.
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, key: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.message = message
    }

    public var description: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return "\(location): " + (key.map { "\($0): " } ?? "") + message
    }
}
