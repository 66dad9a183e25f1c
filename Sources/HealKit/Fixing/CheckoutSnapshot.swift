import Foundation
import GitKit

/// The user's own checkout as `git status --porcelain=v1 --untracked-files=all --ignored`
/// lists it, with each listed file's size, modification time and inode, taken before an agent
/// runs. heal's scratch directories live under `<git-common-dir>/heal/work/<name>`, so a few
/// `../` from there (or an absolute path) reach the user's files when no sandbox hides them;
/// the status catches a clean file changed or a new one, the file details a further edit of
/// one already changed.
struct CheckoutSnapshot: Equatable {
    struct Entry: Equatable {
        var code: String
        var size: UInt64?
        var modified: Date?
        var inode: UInt64?
    }

    /// The checkout's root.
    var root: String
    var files: [String: Entry]

    /// Files listed beyond this many are summed up in one line rather than named one by one.
    static let namedFiles = 50

    /// The checkout of `repository`; nil for a bare repository, which has none.
    init?(_ repository: Repository) throws {
        guard let root = repository.workingDirectory else { return nil }
        self.root = root
        var files: [String: Entry] = [:]
        for entry in try repository.status() {
            let attributes = try? FileManager.default.attributesOfItem(atPath: root + "/" + entry.path)
            files[entry.path] = Entry(code: entry.code, size: (attributes?[.size] as? NSNumber)?.uint64Value,
                                      modified: attributes?[.modificationDate] as? Date,
                                      inode: (attributes?[.systemFileNumber] as? NSNumber)?.uint64Value)
        }
        self.files = files
    }

    /// Every file that differs in `later`, as a `path-escape` violation. heal cannot undo these
    /// safely — it cannot tell the agent's writes from the user's own — so it says what changed
    /// and leaves the files alone.
    func violations(to later: CheckoutSnapshot) -> [ScopeViolation] {
        let changed = Set(files.keys).union(later.files.keys).filter { files[$0] != later.files[$0] }.sorted()
        var violations = changed.prefix(Self.namedFiles).map { path in
            ScopeViolation(rule: .pathEscape, path: path, message: "\(Self.what(files[path], later.files[path])) in your checkout "
                + "(\(root)) while the agent ran: it wrote outside its workspace. heal cannot undo this safely, since it cannot "
                + "tell the agent's writes from yours, so the file is left as it is; review it with `git -C \(root) status -- \(path)`")
        }
        if changed.count > Self.namedFiles {
            violations.append(ScopeViolation(rule: .pathEscape, path: nil, message:
                "\(changed.count - Self.namedFiles) more files changed in your checkout (\(root)) while the agent ran; "
                + "heal left them as they are: review them with `git -C \(root) status`"))
        }
        return violations
    }

    private static func what(_ before: Entry?, _ after: Entry?) -> String {
        switch (before, after) {
        case (nil, let after?) where after.code == "??" || after.code == "!!": "appeared"
        case (nil, let after?): "changed (git status now shows `\(after.code)`)"
        case (let before?, nil) where before.code == "??" || before.code == "!!": "disappeared"
        case (let before?, nil): "went back to its committed state (git status showed `\(before.code)`)"
        case (let before?, let after?) where before.code != after.code: "changed (git status `\(before.code)` → `\(after.code)`)"
        default: "was written to"
        }
    }
}
