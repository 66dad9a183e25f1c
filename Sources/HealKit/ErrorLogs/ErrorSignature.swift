/// What groups error events: the exception type and the innermost frame inside the
/// repository. Its id, `<ExceptionType> at <repo-path>:<function>`, is a regression's `test`.
///
/// Events are grouped by the stack, not the message (as Sentry groups events with a stack):
/// two messages from the same raise differ in values a mask may miss, and the contract's id
/// has no room for the message. An error with no frame in the repository is named by its
/// innermost frame's package path (`… outside the repository at psycopg/cursor.py:execute`);
/// one without any frame by its masked message (`error: payment failed for user <n>`).
/// Ids are redacted where they leave heal (`ErrorDetector`), not per event.
struct ErrorSignature: Sendable, Hashable {
    var id: String
    var type: String
    /// The innermost frame inside the repository, with its repository path; nil when none is.
    var frame: RepositoryFrame?

    struct RepositoryFrame: Sendable, Hashable, Codable {
        var path: String
        var function: String
        var line: Int?
    }

    /// - Parameter map: a frame file's repository path (`FramePathMapper.map`, cached by the caller).
    init(event: ErrorEvent, map: (String) -> String?) {
        let root = event.trace?.root
        type = Self.clean(root.map(\.type).flatMap { $0.isEmpty ? nil : $0 } ?? event.typeHint ?? "error")
        let frames = event.trace?.frames ?? []
        for candidate in frames {
            if let path = map(candidate.file) {
                frame = RepositoryFrame(path: path, function: Self.clean(candidate.function), line: candidate.line)
                id = "\(type) at \(path):\(frame!.function)"
                return
            }
        }
        frame = nil
        if let innermost = frames.first {
            id = "\(type) outside the repository at \(Self.clean(Self.packagePath(innermost.file))):"
                + Self.clean(innermost.function)
        } else {
            let message = root.map(\.message).flatMap { $0.isEmpty ? nil : $0 } ?? event.message
            id = "\(type): \(Self.clean(MessageMask.mask(message)))"
        }
    }

    /// A stable name for a file outside the repository: its path inside its installed package,
    /// or its last two components (server paths hold release numbers and host names), with
    /// version numbers masked (`pq@v<n>.<n>.<n>/conn.go`) so an upgrade keeps the name.
    static func packagePath(_ file: String) -> String {
        let path = FramePathMapper.installedPackagesCut(file).map { String(file[$0...]) }
            ?? file.split(separator: "/").suffix(2).joined(separator: "/")
        var masked = ""
        for character in path {
            if character.isASCII, character.isNumber {
                if !masked.hasSuffix("<n>") { masked += "<n>" }
            } else {
                masked.append(character)
            }
        }
        return masked
    }

    /// Types and function names come from untrusted text and end up in ids that PR bodies show
    /// as inline code: one line, bounded, no control characters and no backticks (which would
    /// end the code span).
    static func clean(_ text: String) -> String {
        String(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F && $0 != "`" }.prefix(200).map(Character.init))
    }
}
