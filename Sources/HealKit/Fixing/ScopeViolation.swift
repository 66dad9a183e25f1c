/// One way a fix agent's change broke the scope rules: which rule, where, and what it did.
public struct ScopeViolation: Sendable, Equatable, CustomStringConvertible {
    /// The scope rules, named as reports and the attempt log name them.
    public enum Rule: String, Sendable, CaseIterable, Codable {
        /// A changed file outside the failing test's coverage area and the allow globs.
        case outsideCoverage = "outside-coverage"
        /// A test file touched, deleted or renamed.
        case testTouched = "test-touched"
        /// A skip, disable or expected-failure marker added.
        case skipMarker = "skip-marker"
        /// CI configuration, a hook or heal's configuration changed.
        case offLimits = "off-limits"
        /// A symbolic link added or changed, or a path reached through one.
        case symlink
        /// A path that leaves the repository (`..`, absolute, `.git`, resolving outside), or a
        /// file of the user's own checkout changed while the agent ran.
        case pathEscape = "path-escape"
        /// A binary file changed.
        case binaryFile = "binary-file"
        /// A submodule (gitlink) added, removed or moved.
        case submodule
        /// More changed lines than allowed.
        case tooManyLines = "too-many-lines"
        /// More changed files than allowed.
        case tooManyFiles = "too-many-files"
        /// A ref of the user's repository (or HEAD of the user's checkout) moved, created or
        /// deleted while the agent (or the code it changed) ran.
        case refMoved = "ref-moved"
        /// A path whose name a reviewer could misread: control characters, backticks, bidi
        /// controls, or bytes that are not UTF-8.
        case unsafePath = "unsafe-path"
        /// A FIFO, socket or device in the agent's workspace.
        case specialFile = "special-file"
        /// A file or a workspace over heal's read-back limits.
        case tooLarge = "too-large"
        /// The user's git configuration, hooks, `info/`, packed refs or worktree entries changed.
        case gitState = "git-state"
        /// heal's own state (staged PR bodies, tickets, the store) changed; heal put it back.
        case healState = "heal-state"
        /// An added line holds a secret (a token, a key, a password in a URL).
        case secret
    }

    public var rule: Rule
    /// The file concerned; nil for rules about the whole change (the size limits).
    public var path: String?
    /// The line concerned (in the new file for added lines), when there is one.
    public var line: Int?
    /// What was wrong, in a sentence a reviewer can act on.
    public var message: String

    public init(rule: Rule, path: String?, line: Int? = nil, message: String) {
        self.rule = rule
        self.path = path
        self.line = line
        self.message = message
    }

    /// `src/x.py:12: [skip-marker] added `@pytest.mark.skip` …`
    public var description: String {
        var location = path ?? "(whole change)"
        if let line { location += ":\(line)" }
        return "\(location): [\(rule.rawValue)] \(message)"
    }
}
