import Foundation
import GitKit

/// The built-in agent: reverts the minimal causal hunks at the fix base. Offline, no LLM.
///
/// Where the causal hunks belong to the deploy commit itself, it reverts them in place. Where
/// they belong to an earlier culprit, each file is merged three ways — ancestor: the culprit's
/// file, ours: the deploy's file, theirs: the culprit's file with the hunks reverted — so later
/// commits that moved the context keep their changes; a conflict fails the attempt.
public struct RevertAgent: FixAgent {
    public let name = "revert"

    public init() {}

    public func run(_ task: AgentTask) async throws -> AgentRun {
        let repository = try Repository(discovering: task.repositoryPath)
        var reverted: [String] = []
        do {
            for file in task.causalDiff where !file.hunks.isEmpty {
                try revert(file, task: task, repository: repository)
                reverted.append(file.path.string)
            }
        } catch let error as HunkRevertError {
            return AgentRun(ending: .failed(error.description))
        } catch let error as RevertConflict {
            return AgentRun(ending: .failed(error.description))
        }
        let hunks = task.causalDiff.reduce(0) { $0 + $1.hunks.count }
        let summary = "Reverted the \(hunks) causal hunk(s) of \(task.causalHead.short()) in "
            + reverted.map { "`\($0)`" }.joined(separator: ", ") + "."
        return AgentRun(ending: .finished, summary: summary)
    }

    private func revert(_ file: FileDiff, task: AgentTask, repository: Repository) throws {
        let path = file.path.string
        let onDisk = URL(fileURLWithPath: task.workspace).appendingPathComponent(path)
        let deployContent = FileManager.default.contents(atPath: onDisk.path)
        let result: Data
        if task.causalHead == task.deploy {
            result = try HunkReverter.revert(deployContent ?? Data(), hunks: file.hunks, path: path)
        } else {
            let culprit = file.status == .deleted ? Data() : try repository.blob(at: task.causalHead.hex, path: path)
            let theirs = try HunkReverter.revert(culprit, hunks: file.hunks, path: path)
            guard let ours = deployContent else {
                throw RevertConflict(path: path, problem: "the file no longer exists at the deploy commit")
            }
            let merged = try Repository.mergeFile(ancestor: culprit, ours: ours, theirs: theirs, path: path)
            if merged.hasConflicts {
                throw RevertConflict(path: path, problem: "later commits changed the same lines")
            }
            result = merged.content
        }
        if result.isEmpty && file.status == .added {
            try? FileManager.default.removeItem(at: onDisk)
        } else {
            try FileManager.default.createDirectory(at: onDisk.deletingLastPathComponent(), withIntermediateDirectories: true)
            try result.write(to: onDisk)
        }
    }
}

/// A revert that later commits make impossible to apply cleanly.
struct RevertConflict: Error, CustomStringConvertible {
    var path: String
    var problem: String
    var description: String { "\(path): the revert does not merge: \(problem)" }
}
