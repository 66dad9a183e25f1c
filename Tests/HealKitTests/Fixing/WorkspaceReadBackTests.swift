import Foundation
import GitKit
@testable import HealKit
import Testing
import TestSupport

/// What heal reads back from an agent's workspace and builds the candidate tree from.
@Suite("Workspace read-back")
struct WorkspaceReadBackTests {
    /// A deploy with a `.gitignore`, code, a test and an executable script, and a workspace of it.
    final class Setup {
        let repo: TempRepo
        let deploy: Commit
        let area: WorkArea
        let workspace: AgentWorkspace

        init(withGit: Bool = true) throws {
            repo = try TempRepo(prefix: "read-back")
            try repo.write(".gitignore", "build/\n*.log\n")
            try repo.write("src/calc.py", "def add(a, b):\n    return a - b\n")
            try repo.write("tests/test_calc.py", "def test_add():\n    pass\n")
            try repo.write("run.sh", "#!/bin/sh\n")
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: repo.path + "/run.sh")
            let repository = try Repository(discovering: repo.path)
            deploy = try repository.commit(try repo.commitAll("deploy"))
            area = try WorkArea(repositoryPath: repo.path)
            workspace = try AgentWorkspace.create(in: area, repository: repository, deploy: deploy, withGit: withGit)
        }

        func write(_ path: String, _ text: String) throws {
            let url = URL(fileURLWithPath: workspace.workspace).appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: false, encoding: .utf8)
        }

        func readBack(rules: [String] = RunnerArtefacts.defaults) throws -> (WorkspaceReader.Contents, CandidateTree) {
            let repository = try Repository(discovering: repo.path)
            let contents = try workspace.readBack(repository: repository, ignoreRules: rules, area: area)
            return (contents, try CandidateTree(contents, deployTree: deploy.treeID, in: repository))
        }

        deinit { try? area.remove(workspace.root) }
    }

    @Test func anUntouchedWorkspaceIsTheDeploysTreeUnread() throws {
        let setup = try Setup()
        let (contents, candidate) = try setup.readBack()
        #expect(candidate.id == setup.deploy.treeID)
        #expect(candidate.change.isEmpty)
        #expect(contents.entries.values.allSatisfy { if case .unchanged = $0 { true } else { false } })
        #expect(contents.violations.isEmpty)
    }

    @Test func editsNewFilesDeletionsAndModesAreTheChangeIgnoredNewFilesAreNot() throws {
        let setup = try Setup()
        try setup.write("src/calc.py", "def add(a, b):\n    return a + b\n")
        try setup.write("src/new.py", "X = 1\n")
        try setup.write("build/out.o", "binary")
        try setup.write("debug.log", "log")
        try setup.write("src/__pycache__/calc.cpython-311.pyc", "pyc")
        try FileManager.default.removeItem(atPath: setup.workspace.workspace + "/tests/test_calc.py")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: setup.workspace.workspace + "/run.sh")
        // The agent's own ignore rules and index play no part.
        try "src/new.py\n".write(toFile: setup.workspace.workspace + "/.git/info/exclude", atomically: true, encoding: .utf8)
        try Shell.check(["git", "add", "-f", "build/out.o"], in: setup.workspace.workspace)

        let (contents, candidate) = try setup.readBack()
        let changed = Dictionary(uniqueKeysWithValues: candidate.change.files.map { ($0.path, $0) })
        #expect(changed.keys.sorted() == ["run.sh", "src/calc.py", "src/new.py", "tests/test_calc.py"])
        #expect(changed["run.sh"]?.newMode == .regular)
        #expect(changed["tests/test_calc.py"]?.status == .deleted)
        #expect(Set(contents.ignored) == ["build/", "debug.log", "src/__pycache__/"])
        #expect(contents.violations.isEmpty)
    }

    @Test func aFileRewrittenWithTheSameBytesIsNoChange() throws {
        let setup = try Setup()
        try setup.write("src/calc.py", "def add(a, b):\n    return a - b\n")
        let (_, candidate) = try setup.readBack()
        #expect(candidate.change.isEmpty)
    }

    @Test func linksNestedGitDirectoriesSpecialFilesAndUnsafeNamesAreRefusedOrJudged() throws {
        let setup = try Setup()
        try FileManager.default.createSymbolicLink(atPath: setup.workspace.workspace + "/src/link.py", withDestinationPath: "/etc/passwd")
        try setup.write("src/.git/config", "[core]\n")
        try setup.write("src/we\u{202E}ird.py", "X = 1\n")
        try setup.write("src/tick`.py", "X = 1\n")
        try setup.write("src/ctl\u{1}.py", "X = 1\n")
        #expect(mkfifo(setup.workspace.workspace + "/src/pipe", 0o644) == 0)

        let (contents, candidate) = try setup.readBack()
        let rules = contents.violations.map { "\($0.path ?? ""): \($0.rule.rawValue)" }.sorted()
        #expect(rules == ["src/.git: path-escape", "src/ctl\u{1}.py: unsafe-path", "src/pipe: special-file",
                          "src/tick`.py: unsafe-path", "src/we\u{202E}ird.py: unsafe-path"])
        let link = try #require(candidate.change.files.first { $0.path == "src/link.py" })
        #expect(link.newMode == .symlink)
        #expect(ScopeGuard.check(candidate.change, rules: ScopeRules(coverageArea: ["src/link.py"])).map(\.rule) == [.symlink])
    }

    @Test func aFileOverTheLimitIsRefusedUnread() throws {
        let setup = try Setup(withGit: false)
        try setup.write("src/calc.py", String(repeating: "x", count: 2048))
        let judgeDirectory = try setup.area.makeDirectory(label: "judge")
        let judge = try Repository.ignoreJudge(in: judgeDirectory, ignoreFiles: [:], rules: [])
        var reader = WorkspaceReader(root: setup.workspace.workspace, deploy: setup.workspace.deployEntries,
                                     written: setup.workspace.export.written, judge: judge)
        reader.limits.maxFileBytes = 1024
        let contents = try reader.read()
        #expect(contents.violations.map(\.rule) == [.tooLarge])
        #expect(contents.entries["src/calc.py"] == nil)
    }
}
