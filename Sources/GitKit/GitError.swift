import CLibGit2

/// A failure reported by libgit2 or by GitKit's own checks.
///
/// It names the libgit2 call that failed, its return code, libgit2's error class and message,
/// and, where one helps, a hint that tells the user what to do next.
public struct GitError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What kind of failure this is, so callers can react without parsing messages.
    public enum Kind: Sendable, Equatable {
        /// A revision, object, path or reference does not exist (`GIT_ENOTFOUND`).
        case notFound
        /// The thing to create exists already (`GIT_EEXISTS`).
        case exists
        /// The path is not inside a git repository.
        case notARepository
        /// An object is missing because the clone is shallow.
        case missingInShallowClone
        /// A patch did not apply.
        case applyFailed
        /// A branch is checked out in another worktree.
        case branchCheckedOut
        /// Anything else libgit2 reports.
        case other
    }

    public var kind: Kind
    /// The libgit2 function (or GitKit operation) that failed.
    public var call: String
    /// libgit2's return code (0 when the failure was detected by GitKit itself).
    public var code: Int32
    /// libgit2's message, or GitKit's own.
    public var message: String
    /// What the user can do about it, when there is something to say.
    public var hint: String?

    public init(kind: Kind, call: String, code: Int32 = 0, message: String, hint: String? = nil) {
        self.kind = kind
        self.call = call
        self.code = code
        self.message = message
        self.hint = hint
    }

    public var description: String {
        var text = "\(call) failed"
        if code != 0 { text += " (\(code))" }
        text += ": \(message)"
        if let hint { text += "\nhint: \(hint)" }
        return text
    }

    /// Builds the error for a failed libgit2 call from the thread's last error.
    ///
    /// `git_error_last()` is per thread and cleared by later calls, so this must run right
    /// after the failing call.
    static func last(_ call: String, _ code: Int32) -> GitError {
        var message = "unknown libgit2 error"
        if let err = git_error_last(), let cMessage = err.pointee.message {
            message = String(cString: cMessage)
        }
        let kind: Kind
        switch code {
        case GIT_ENOTFOUND.rawValue: kind = .notFound
        case GIT_EEXISTS.rawValue: kind = .exists
        case GIT_EAPPLYFAIL.rawValue: kind = .applyFailed
        default: kind = .other
        }
        return GitError(kind: kind, call: call, code: code, message: message)
    }
}

/// Turns a libgit2 return code into a thrown `GitError`.
@inline(__always)
func check(_ call: String, _ code: Int32) throws(GitError) {
    if code < 0 { throw GitError.last(call, code) }
}
