/// One frame of a stack trace as the log wrote it.
public struct StackFrame: Codable, Sendable, Hashable {
    /// The file as the trace names it: a server path, a path relative to where the service ran,
    /// or (Java, Kotlin) the package path of the class's source file.
    public var file: String
    /// The function, method or block, as short as the language allows (`get_user`,
    /// `Service.name`, `db.(*Store).Get`, `Users#find`).
    public var function: String
    /// 1-based line, when the trace gives one.
    public var line: Int?

    public init(file: String, function: String, line: Int? = nil) {
        self.file = file
        self.function = function
        self.line = line
    }
}

/// One exception of a trace: its type, its message and its frames, innermost first.
public struct TracedException: Codable, Sendable, Hashable {
    /// The type as printed (`KeyError`, `java.lang.NullPointerException`, `panic`).
    public var type: String
    /// The message after the type, unmasked (callers mask and redact it before showing it).
    public var message: String
    /// Frames, innermost (where it was raised) first, whatever order the language prints.
    public var frames: [StackFrame]

    public init(type: String, message: String, frames: [StackFrame]) {
        self.type = type
        self.message = message
        self.frames = frames
    }
}

/// A parsed stack trace: the exception chain, the innermost cause first.
public struct StackTrace: Codable, Sendable, Hashable {
    /// The chain: `chain[0]` is the innermost cause (Python's first-printed exception, Java's
    /// last `Caused by:`), then each exception raised while handling it.
    public var chain: [TracedException]

    public init(chain: [TracedException]) {
        self.chain = chain
    }

    /// The innermost cause, which names the signature.
    public var root: TracedException? { chain.first }

    /// Every frame, the innermost cause's first, then those of each enclosing exception (a
    /// cause's own frames are often cut short: Java's `... 12 more`, Python's except block).
    public var frames: [StackFrame] { chain.flatMap(\.frames) }
}
