import Foundation
import GitKit

/// One attempt's scratch directory, `<git-common-dir>/heal/work/fix-<id>/`:
///
/// - `workspace/`: where the agent works — the deploy's tree as plain files and, for external
///   agents, a standalone repository of it (one commit, no remote, no hooks, no path back), so
///   agents that expect git find one. Its `.git` is the agent's: heal never reads it.
/// - `inputs/`: the prompt, failure output and causal diff the agent reads.
/// - `out/`: where an agent may leave a report of its own (codex's last message).
///
/// The whole directory is removed after the attempt, with `SafeRemoval`.
struct AgentWorkspace {
    let root: String
    let deploy: Commit
    /// What heal wrote in `workspace/`, to tell untouched files from edited ones.
    let export: TreeSync
    /// The deploy's files by path.
    let deployEntries: [String: TreeEntry]

    var workspace: String { root + "/workspace" }
    var inputs: String { root + "/inputs" }
    var out: String { root + "/out" }

    /// Makes the directories and writes the deploy's tree into `workspace/`.
    static func create(in area: WorkArea, repository: Repository, deploy: Commit, withGit: Bool) throws -> AgentWorkspace {
        let root = try area.makeDirectory(label: "fix")
        for name in ["workspace", "inputs", "out"] {
            try FileManager.default.createDirectory(atPath: root + "/" + name, withIntermediateDirectories: false)
        }
        let export = TreeSync(directory: root + "/workspace")
        try export.sync(to: deploy.treeID, in: repository)
        if withGit {
            try Repository.createStandalone(in: root + "/workspace", tree: deploy.treeID, from: repository,
                                            message: "The deploy \(deploy.id.hex) heal is fixing\n",
                                            author: Signature(name: HealConfig.CommitAuthor.heal.name,
                                                              email: HealConfig.CommitAuthor.heal.email, time: Date()))
        }
        var entries: [String: TreeEntry] = [:]
        for entry in try repository.treeEntries(deploy.treeID) { entries[entry.path.string] = entry }
        return AgentWorkspace(root: root, deploy: deploy, export: export, deployEntries: entries)
    }

    /// Reads the workspace back (see `WorkspaceReader`), judging new paths by the deploy's
    /// committed `.gitignore` files and `ignoreRules` only.
    func readBack(repository: Repository, ignoreRules: [String], area: WorkArea) throws -> WorkspaceReader.Contents {
        // A fresh directory of its own: nothing the agent could have planted beside its
        // workspace takes part in the judgement.
        let judgeDirectory = try area.makeDirectory(label: "judge")
        defer { try? area.remove(judgeDirectory) }
        var ignoreFiles: [String: Data] = [:]
        for (path, entry) in deployEntries where (path as NSString).lastPathComponent == ".gitignore" && entry.mode == .regular {
            ignoreFiles[path] = try repository.blob(entry.id)
        }
        let judge = try Repository.ignoreJudge(in: judgeDirectory, ignoreFiles: ignoreFiles, rules: ignoreRules)
        return try WorkspaceReader(root: workspace, deploy: deployEntries, written: export.written, judge: judge).read()
    }
}
