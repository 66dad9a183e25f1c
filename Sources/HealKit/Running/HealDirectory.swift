import Foundation
import GitKit

/// heal's per-clone state folder, `<git-common-dir>/heal/`, and the folders in it that the
/// running edge uses. Nothing of heal's goes into the user's working tree.
public struct HealDirectory: Sendable, Equatable {
    /// `<git-common-dir>/heal`.
    public let path: String

    /// The heal folder of the repository that `repositoryPath` (any path inside it) belongs to.
    public init(repositoryPath: String) throws {
        let repository = try Repository(discovering: repositoryPath)
        path = repository.commonDirectory + "/heal"
    }

    /// Where scratch directories are made (`WorkArea`).
    public var work: String { path + "/work" }
    /// Where each run keeps its logs and reports.
    public var runs: String { path + "/runs" }

    /// Creates a fresh `runs/<id>/` folder; the id sorts by time and says what ran.
    public func makeRunDirectory(label: String) throws -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss"
        let directory = "\(runs)/\(formatter.string(from: Date()))-\(Self.uniqueName(label))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory
    }

    /// Deletes all but the newest `count` run folders, so logs of old runs do not pile up;
    /// returns how many it deleted. Folder names start with their UTC time, so name order is age.
    @discardableResult
    public func pruneRuns(keeping count: Int) throws -> Int {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: runs)) ?? []).sorted()
        let doomed = names.dropLast(max(count, 0))
        guard !doomed.isEmpty else { return 0 }
        let removal = try SafeRemoval(root: path)
        for name in doomed { try removal.remove(runs + "/" + name) }
        return doomed.count
    }

    /// `label` reduced to letters, digits and dashes, plus a random suffix: safe as a file
    /// name, and never the same twice.
    static func uniqueName(_ label: String) -> String {
        let safe = String(label.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" }.prefix(30))
        return "\(safe)-\(UUID().uuidString.prefix(8).lowercased())"
    }
}
