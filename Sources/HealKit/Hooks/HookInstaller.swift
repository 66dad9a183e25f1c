import Foundation
import GitKit

/// One hook heal manages.
public enum HealHook: String, CaseIterable, Sendable, Codable {
    case postMerge = "post-merge"
    case referenceTransaction = "reference-transaction"

    /// The script's template text.
    var template: String {
        switch self {
        case .postMerge: HookScripts.postMerge
        case .referenceTransaction: HookScripts.referenceTransaction
        }
    }
}

/// What is installed for one hook.
public struct HookStatus: Sendable, Equatable, Codable {
    public enum State: String, Sendable, Codable {
        /// heal's script is installed.
        case installed
        /// Some other script is there.
        case foreign
        /// Nothing is there.
        case absent
    }

    public var hook: HealHook
    public var path: String
    public var state: State
    /// Whether a hook that was there before heal is kept as `<hook>.legacy` and called first.
    public var chainsLegacy: Bool
}

/// A hook installation that would lose something the user has.
public struct HookInstallError: UserInputError {
    public var path: String
    public var problem: String
    public var fix: String
    public var description: String { "\(path): \(problem)\n  fix: \(fix)" }
}

/// Installs, removes and reports heal's git hooks where git runs them
/// (`git rev-parse --git-path hooks`, so `core.hooksPath` is honoured).
///
/// An existing hook is never lost: it moves to `<hook>.legacy` and heal's script calls it
/// first (as pre-commit does); heal's scripts carry a marker, so uninstall removes exactly what
/// heal wrote and moves the original back.
public struct HookInstaller {
    /// The marker line that identifies heal's own scripts.
    static let marker = "# heal-managed-hook:"

    public let hooksDirectory: String
    let healBinary: String
    let deployTags: String

    /// - Parameters:
    ///   - healBinary: the absolute path the hooks start `heal` from (they fall back to PATH).
    ///   - deployTags: the tag pattern (`deploy-*`) the reference-transaction hook reacts to.
    public init(repository: Repository, healBinary: String, deployTags: String) {
        hooksDirectory = repository.hooksDirectory
        self.healBinary = healBinary
        self.deployTags = deployTags
    }

    /// The state of every heal hook.
    public func status() -> [HookStatus] {
        HealHook.allCases.map { hook in
            let path = self.path(hook)
            let state: HookStatus.State
            if let text = try? String(contentsOfFile: path, encoding: .utf8) {
                state = text.contains(Self.marker) ? .installed : .foreign
            } else {
                state = FileManager.default.fileExists(atPath: path) || isSymlink(path) ? .foreign : .absent
            }
            let legacy = FileManager.default.fileExists(atPath: path + ".legacy")
            return HookStatus(hook: hook, path: path, state: state, chainsLegacy: legacy)
        }
    }

    /// Installs (or updates) heal's hooks.
    ///
    /// - Parameter force: move aside what would otherwise block the install (a foreign hook when
    ///   `<hook>.legacy` is taken, or a symlinked hook) to `<hook>.heal-backup`, instead of
    ///   refusing.
    /// - Throws: `HookInstallError`, before anything is written, when something unknown is in
    ///   the way and `force` is false.
    @discardableResult
    public func install(force: Bool = false) throws -> [HookStatus] {
        let fm = FileManager.default
        let current = status()
        for entry in current where entry.state == .foreign && !force {
            if isSymlink(entry.path) {
                throw HookInstallError(path: entry.path, problem: "is a symlink, probably managed by another hook tool",
                                       fix: "uninstall that tool's hook first, or run `heal hooks install --force` (it moves the link to \(entry.hook.rawValue).heal-backup)")
            }
            if entry.chainsLegacy {
                throw HookInstallError(path: entry.path, problem: "a foreign hook is installed and \(entry.path).legacy is taken too, so heal cannot chain it",
                                       fix: "merge the two by hand, or run `heal hooks install --force` (it moves the hook to \(entry.hook.rawValue).heal-backup)")
            }
        }
        try fm.createDirectory(atPath: hooksDirectory, withIntermediateDirectories: true)
        for entry in current {
            if entry.state == .foreign {
                if isSymlink(entry.path) || entry.chainsLegacy {
                    try moveAside(entry.path, to: entry.path + ".heal-backup")
                } else {
                    try fm.moveItem(atPath: entry.path, toPath: entry.path + ".legacy")
                }
            }
            try write(entry.hook)
        }
        return status()
    }

    /// Removes heal's hooks and moves any chained original back. Foreign hooks are left alone.
    @discardableResult
    public func uninstall() throws -> [HookStatus] {
        let fm = FileManager.default
        for entry in status() where entry.state == .installed {
            try fm.removeItem(atPath: entry.path)
            if entry.chainsLegacy {
                try fm.moveItem(atPath: entry.path + ".legacy", toPath: entry.path)
            }
        }
        return status()
    }

    /// The script heal writes for `hook`, with the binary and the tag pattern filled in.
    func script(_ hook: HealHook) -> String {
        hook.template
            .replacingOccurrences(of: "__HEAL_BIN__", with: Self.shellSafe(healBinary))
            .replacingOccurrences(of: "__DEPLOY_TAGS__", with: Self.shellSafe(deployTags))
    }

    func path(_ hook: HealHook) -> String { hooksDirectory + "/" + hook.rawValue }

    private func write(_ hook: HealHook) throws {
        let path = self.path(hook)
        // Write then rename, so git never runs a half-written hook.
        let temporary = path + ".heal-tmp"
        try Data(script(hook).utf8).write(to: URL(fileURLWithPath: temporary))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: temporary)
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw HookInstallError(path: path, problem: "cannot write the hook: \(reason)", fix: "check the hooks directory's permissions")
        }
    }

    private func moveAside(_ path: String, to backup: String) throws {
        let fm = FileManager.default
        var target = backup
        var counter = 1
        while fm.fileExists(atPath: target) || isSymlink(target) {
            counter += 1
            target = backup + "-\(counter)"
        }
        try fm.moveItem(atPath: path, toPath: target)
    }

    private func isSymlink(_ path: String) -> Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
    }

    /// The hooks put these values inside double quotes: keep them from ending the quote.
    static func shellSafe(_ value: String) -> String {
        var result = ""
        for character in value {
            if "\"\\$`".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
