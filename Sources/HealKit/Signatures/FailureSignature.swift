/// Where code is, without the line: what two failures share when they fail in the same
/// function (`src/shop/pricing.py:tax`).
public struct CodeLocation: Sendable, Hashable, CustomStringConvertible {
    /// Repository-relative.
    public var path: String
    public var function: String

    public init(path: String, function: String) {
        self.path = path
        self.function = function
    }

    public var description: String { "\(path):\(function)" }
}

/// What a failing test's failure looks like with the values that vary masked out: the
/// exception type, the masked first line of the message, and the innermost frame inside the
/// repository — the same parts as a production error's signature (`ErrorSignature`, DESIGN.md
/// `<ExceptionType> at <repo-path>:<function>`), read from a test report's message and output.
/// Failures with equal signatures very likely share a cause.
///
/// A frame in the failing test's own file says nothing about the cause — every test asserts in
/// its own function — so the frame is the innermost one outside it; an assertion failing in
/// the test itself has none, and its type and masked message are its signature.
public struct FailureSignature: Sendable, Hashable, CustomStringConvertible {
    public var exceptionType: String?
    /// The message's first line, type prefix removed, masked (`MessageMask`).
    public var message: String
    /// The innermost frame of the trace that lies in the repository, outside the test's file.
    public var frame: CodeLocation?
    /// Every frame of the trace that lies in the repository, innermost first. Not part of
    /// equality: two failures of one raise reach it along different paths.
    public var repositoryFrames: [CodeLocation]

    public init(exceptionType: String?, message: String, frame: CodeLocation?, repositoryFrames: [CodeLocation] = []) {
        self.exceptionType = exceptionType
        self.message = message
        self.frame = frame
        self.repositoryFrames = repositoryFrames
    }

    /// `KeyError at src/shop/stock.py:lookup: <str>`.
    public var description: String {
        (exceptionType ?? "failure") + (frame.map { " at \($0)" } ?? "") + (message.isEmpty ? "" : ": \(message)")
    }

    public static func == (lhs: FailureSignature, rhs: FailureSignature) -> Bool {
        (lhs.exceptionType, lhs.message, lhs.frame) == (rhs.exceptionType, rhs.message, rhs.frame)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(exceptionType)
        hasher.combine(message)
        hasher.combine(frame)
    }

    static let exceptionSuffixes = ["Error", "Exception", "Failure", "Interrupt", "Exit", "Iteration", "Fault"]

    /// The signature of a test failure from its report's message and output: the trace is read
    /// as pytest prints it, else in any language `StackTraceParser` knows.
    ///
    /// - Parameter testFile: the failing test's own file (repository path), when known.
    static func of(message: String?, output: String?, testFile: String? = nil, paths: FramePathMapper) -> FailureSignature {
        let text = [message, output].compactMap { $0 }.joined(separator: "\n")
        let trace = PytestTraceParser.parse(text) ?? StackTraceParser.parse(text)
        var firstLine = Substring(message ?? "").split(separator: "\n").first { !$0.allSatisfy(\.isWhitespace) } ?? ""
        var type = trace?.root.flatMap { $0.type.isEmpty ? nil : $0.type }
        // `KeyError: 'b'`, `java.lang.IllegalStateException: empty` — not `Expected: 5`.
        if let header = TraceHeader.split(firstLine), header.type == type
            || type == nil && Self.exceptionSuffixes.contains(where: header.type.hasSuffix) {
            type = header.type
            firstLine = Substring(header.message)
        }
        let frames = (trace?.frames ?? []).compactMap { frame in
            paths.map(frame.file).map { CodeLocation(path: $0, function: frame.function) }
        }
        return FailureSignature(exceptionType: type, message: MessageMask.mask(String(firstLine)),
                                frame: frames.first { $0.path != testFile }, repositoryFrames: frames)
    }
}
