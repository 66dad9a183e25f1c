import Foundation

/// Stages a fix's pull-request body at `<git-common-dir>/heal/pr/<branch>.md`, the branch's `/`
/// made safe, so a later `gh pr create --body-file` (or a human) can pick it up. Staging the
/// same branch again replaces the body: one PR per cause.
public enum PRStaging {
    /// Where the body for `branch` is staged.
    public static func path(healDirectory: HealDirectory, branch: String) -> String {
        healDirectory.path + "/pr/" + FixBranch.fileName(branch) + ".md"
    }

    /// Writes `body` for `branch` and returns its path.
    public static func stage(_ body: String, branch: String, healDirectory: HealDirectory) throws -> String {
        let path = path(healDirectory: healDirectory, branch: branch)
        try FileManager.default.createDirectory(atPath: healDirectory.path + "/pr", withIntermediateDirectories: true)
        try body.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The PR title: `heal: fix <test> [and N more] (regressed in <short deploy>)`.
    public static func title(test: String, others: Int = 0, deploy: String) -> String {
        "heal: fix \(test)" + (others > 0 ? " and \(others) more" : "") + " (regressed in \(deploy.prefix(7)))"
    }
}
