import Foundation
import GitKit
@testable import HealKit
import Testing
import TestSupport

@Suite struct HookInstallerTests {
    /// A stand-in for the `heal` binary that records the arguments the hooks pass
    /// (a test double: the real `heal run` is exercised by the pipeline tests).
    func recordingHealDouble() throws -> (script: String, log: String) {
        let dir = try TempDir.make(prefix: "heal-double")
        let log = dir + "/calls.log"
        let script = dir + "/heal-double-recorder"
        try """
        #!/bin/sh
        echo "$HEAL_TRIGGER $*" >> "\(log)"
        """.write(toFile: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        return (script, log)
    }

    /// Waits for the detached hook job to write its line; the hook returns before the job runs.
    func lines(of log: String, atLeast count: Int) throws -> [String] {
        for _ in 0..<3000 {
            if let text = try? String(contentsOfFile: log, encoding: .utf8) {
                let lines = text.split(separator: "\n").map(String.init)
                if lines.count >= count { return lines }
            }
            usleep(10_000)
        }
        return (try? String(contentsOfFile: log, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
    }

    @Test func embeddedScriptsEqualTheFilesInHooks() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
        for hook in HealHook.allCases {
            let file = try String(contentsOfFile: root + "/hooks/" + hook.rawValue, encoding: .utf8)
            #expect(file == hook.template + "\n", "hooks/\(hook.rawValue) and HookScripts differ")
        }
    }

    @Test func installChainsAnExistingHookAndUninstallRestoresIt() throws {
        let repo = try TempRepo()
        let repository = try Repository(discovering: repo.path)
        let hooks = repository.commonDirectory + "/hooks"
        try FileManager.default.createDirectory(atPath: hooks, withIntermediateDirectories: true)
        let original = "#!/bin/sh\necho mine\n"
        try original.write(toFile: hooks + "/post-merge", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o751], ofItemAtPath: hooks + "/post-merge")

        let installer = HookInstaller(repository: repository, healBinary: "/opt/heal/bin/heal", deployTags: "deploy-*")
        let status = try installer.install()
        #expect(status.map(\.state) == [.installed, .installed])
        #expect(status.first { $0.hook == .postMerge }?.chainsLegacy == true)
        #expect(try String(contentsOfFile: hooks + "/post-merge.legacy", encoding: .utf8) == original)
        let script = try String(contentsOfFile: hooks + "/reference-transaction", encoding: .utf8)
        #expect(script.contains("heal_bin=\"/opt/heal/bin/heal\"") && script.contains("pattern=\"deploy-*\""))
        #expect(try installer.install().map(\.state) == [.installed, .installed], "reinstalling updates in place")
        #expect(!FileManager.default.fileExists(atPath: hooks + "/post-merge.legacy.legacy"))

        let after = try installer.uninstall()
        #expect(after.map(\.state) == [.foreign, .absent])
        #expect(try String(contentsOfFile: hooks + "/post-merge", encoding: .utf8) == original)
        let mode = try FileManager.default.attributesOfItem(atPath: hooks + "/post-merge")[.posixPermissions] as? Int
        #expect(mode == 0o751)
        #expect(!FileManager.default.fileExists(atPath: hooks + "/post-merge.legacy"))
    }

    @Test func honoursCoreHooksPathAndRefusesWhatItWouldLose() throws {
        let repo = try TempRepo()
        try repo.git("config", "core.hooksPath", ".githooks")
        let repository = try Repository(discovering: repo.path)
        #expect(repository.hooksDirectory == repo.path + "/.githooks")
        try FileManager.default.createDirectory(atPath: repo.path + "/.githooks", withIntermediateDirectories: true)
        try "#!/bin/sh\n".write(toFile: repo.path + "/elsewhere", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: repo.path + "/.githooks/post-merge", withDestinationPath: repo.path + "/elsewhere")

        let installer = HookInstaller(repository: repository, healBinary: "/usr/bin/heal", deployTags: "v*")
        #expect(throws: HookInstallError.self) { try installer.install() }
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/.githooks/reference-transaction"), "a refused install writes nothing")
        let forced = try installer.install(force: true)
        #expect(forced.map(\.state) == [.installed, .installed])
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: repo.path + "/.githooks/post-merge.heal-backup")) != nil)
    }

    @Test func mergePullAndDeployTagFireTheHooksWithTheRightRange() throws {
        let (double, log) = try recordingHealDouble()
        let origin = try TempRepo(prefix: "origin")
        try origin.write("app.py", "v = 0\n")
        let first = try origin.commitAll("first")
        try origin.git("tag", "deploy-1")

        let clonePath = try TempDir.make(prefix: "clone") + "/work"
        try Shell.check(["git", "clone", "-q", origin.path, clonePath])
        let clone = TempRepo(existing: clonePath)
        try clone.git("config", "user.name", "Heal Test")
        try clone.git("config", "user.email", "test@heal.invalid")
        let installer = HookInstaller(repository: try Repository(discovering: clone.path), healBinary: double, deployTags: "deploy-*")
        try installer.install()

        try origin.write("app.py", "v = 1\n")
        let second = try origin.commitAll("second")
        try clone.git("pull", "-q", "--ff-only")
        #expect(try lines(of: log, atLeast: 1) == ["post-merge run --before \(first) --after \(second)"])

        try clone.git("checkout", "-q", "-b", "topic", first)
        try clone.write("other.py", "x = 1\n")
        try clone.commitAll("topic")
        try clone.git("checkout", "-q", "main")
        try clone.git("merge", "-q", "--no-edit", "topic")
        let merged = try clone.head()
        #expect(try lines(of: log, atLeast: 2).last == "post-merge run --before \(second) --after \(merged)")

        try clone.git("tag", "not-a-deploy")
        try clone.git("tag", "-a", "deploy-2", "-m", "deploy 2")
        let calls = try lines(of: log, atLeast: 3)
        #expect(calls.count == 3)
        #expect(calls.last == "tag:deploy-2 run --before deploy-1 --after \(merged)")

        try clone.git("checkout", "-q", "topic")
        try clone.write("other.py", "x = 2\n")
        try clone.commitAll("topic again")
        try clone.git("checkout", "-q", "main")
        try clone.git("merge", "-q", "--no-edit", "topic", environment: ["HEAL_SKIP": "1"])
        try clone.git("tag", "deploy-3", environment: ["HEAL_SKIP": "1"])
        usleep(200_000)
        #expect(try lines(of: log, atLeast: 3).count == 3, "HEAL_SKIP=1 disables both hooks")
    }
}
