/// An entry a reader could not use but could read past: where it was and why.
public struct ReportProblem: Codable, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    /// 1-based, 0 when unknown.
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int = 0, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        column > 0 ? "\(file):\(line):\(column): \(message)" : line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)"
    }
}

/// The entries a load skipped or merged: a total count and the first few, to show the user.
public struct ReportProblems: Codable, Sendable, Hashable {
    /// How many of the problems are kept with their position.
    public static let keptCount = 20

    public private(set) var count = 0
    public private(set) var first: [ReportProblem] = []

    public init() {}

    public var isEmpty: Bool { count == 0 }

    public mutating func append(_ problem: ReportProblem) {
        count += 1
        if first.count < Self.keptCount { first.append(problem) }
    }

    public mutating func append(contentsOf other: ReportProblems) {
        for problem in other.first where first.count < Self.keptCount { first.append(problem) }
        count += other.count
    }
}
