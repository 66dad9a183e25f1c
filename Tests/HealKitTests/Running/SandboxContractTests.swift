import Foundation
import GitKit
@testable import HealKit
import Testing
import TestSupport

/// One contract, run on every sandbox this machine has (bubblewrap on Linux when user
/// namespaces work, sandbox-exec on macOS): what a boxed process can see, write, reach and
/// leave behind. A hostile agent or test suite is played by one shell script that tries it all
/// and reports what worked.
@Suite("Sandbox contract")
struct SandboxContractTests {
    /// The sandboxes that work here.
    static var modes: [HealConfig.Sandbox.Mode] {
        #if os(macOS)
        [.sandboxExec]
        #else
        [.bubblewrap]
        #endif
    }

    /// A repository, a fake home with a secret and a toolchain on PATH, and a scratch directory
    /// inside the git directory (where heal's workspaces are).
    final class Setup {
        let repo: TempRepo
        let home: String
        let workspace: String
        let environment: [String: String]
        let hostPortListener: TCPListener

        init() throws {
            repo = try TempRepo(prefix: "contract")
            try repo.write("src/app.py", "APP = 1\n")
            try repo.commitAll("app")
            home = try TempDir.make(prefix: "contract-home")
            for (path, text) in [(".ssh/id_rsa", "PRIVATE KEY"), ("tools/bin/hello", "#!/bin/sh\necho hello-from-toolchain\n")] {
                let url = URL(fileURLWithPath: home + "/" + path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: url, atomically: true, encoding: .utf8)
            }
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: home + "/tools/bin/hello")
            workspace = try WorkArea(repositoryPath: repo.path).makeDirectory(label: "contract")
            environment = ["HOME": home, "PATH": home + "/tools/bin:/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8",
                           "SECRET_TOKEN": "ghp_contractsecret0123456789abcdefghijkl", "HEAL_VISIBLE": "yes"]
            hostPortListener = try TCPListener()
        }

        deinit { try? FileManager.default.removeItem(atPath: home) }

        /// The script a hostile process runs: each line `name=ok|no` (or a value).
        func script(daemon: String) -> String {
            let common = repo.path + "/.git"
            return """
                try() { name=$1; shift; if ( "$@" ) >/dev/null 2>&1; then echo "$name=ok"; else echo "$name=no"; fi; }
                try read-checkout cat \(repo.path)/src/app.py
                try read-git-config cat \(common)/config
                try read-home-key cat \(home)/.ssh/id_rsa
                try write-checkout sh -c 'echo x > \(repo.path)/planted.txt'
                try write-git-hooks sh -c 'mkdir -p \(common)/hooks && echo x > \(common)/hooks/post-merge'
                try write-home sh -c 'echo x > \(home)/.bashrc'
                try write-workspace sh -c 'echo x > \(workspace)/made.txt'
                try write-tmp sh -c 'echo x > /tmp/contract-tmp-file'
                try run-toolchain hello
                try write-toolchain sh -c 'echo x > \(home)/tools/bin/evil'
                try big-file sh -c 'head -c 3000000 /dev/zero > \(workspace)/big.bin'
                try network python3 -c 'import socket; socket.create_connection(("127.0.0.1", \(hostPortListener.port)), timeout=5)'
                echo "secret=${SECRET_TOKEN:-none}"
                echo "visible=${HEAL_VISIBLE:-none}"
                echo "home=$HOME"
                setsid sleep \(daemon) </dev/null >/dev/null 2>&1 &
                """
        }

        func run(_ mode: HealConfig.Sandbox.Mode, role: Containment.Role, network: HealConfig.Sandbox.Network) async throws -> [String: String] {
            let settings = HealConfig.Sandbox(mode: mode, network: network, fileMiB: 1)
            let containment = try await Containment.resolve(repositoryPath: repo.path, settings: settings, environment: environment)
            let daemon = LiveProcesses.uniqueSleepSeconds()
            let output = workspace + "-out.txt"
            let outcome = try await containment.run(.shell(script(daemon: daemon), workingDirectory: workspace, timeout: .seconds(60),
                                                           stdoutFile: output, stderrFile: output),
                                                    as: role, writable: [workspace])
            #expect(outcome.exitCode == 0, "\(outcome)")
            var results = ["daemon": LiveProcesses.matching("sleep \(daemon)").isEmpty ? "gone" : "alive"]
            for line in try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n") {
                let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
                if parts.count == 2 { results[parts[0]] = parts[1] }
            }
            return results
        }
    }

    @Test(arguments: modes)
    func aProjectCommandSeesWritesAndReachesOnlyWhatItMay(mode: HealConfig.Sandbox.Mode) async throws {
        let setup = try Setup()
        let before = try setup.repo.userStateFingerprint()
        let results = try await setup.run(mode, role: .project, network: .agent)

        for denied in ["read-checkout", "read-git-config", "read-home-key", "write-checkout", "write-git-hooks",
                       "write-toolchain", "big-file", "network"] {
            #expect(results[denied] == "no", "\(denied): \(results)")
        }
        // Home and /tmp are writable, but private: nothing written there reaches the host.
        for allowed in ["write-workspace", "write-tmp", "write-home", "run-toolchain"] {
            #expect(results[allowed] == "ok", "\(allowed): \(results)")
        }
        #expect(results["secret"] == "none")
        #expect(results["visible"] == "yes")
        #expect(results["home"] != setup.home || mode == .bubblewrap, "sandbox-exec gives a scratch home")
        if mode == .bubblewrap {
            // A PID namespace that dies with the run; sandbox-exec has none (the process group
            // is all heal can kill there).
            #expect(results["daemon"] == "gone")
        }
        #expect(!FileManager.default.fileExists(atPath: "/tmp/contract-tmp-file"))
        #expect(!FileManager.default.fileExists(atPath: setup.home + "/.bashrc"))
        #expect(!FileManager.default.fileExists(atPath: setup.repo.path + "/planted.txt"))
        #expect(try setup.repo.userStateFingerprint() == before)
        #expect(FileManager.default.fileExists(atPath: setup.workspace + "/made.txt"))
    }

    @Test(arguments: modes)
    func anAgentReachesTheNetworkOnlyWhenTheConfigurationSaysSo(mode: HealConfig.Sandbox.Mode) async throws {
        let setup = try Setup()
        #expect(try await setup.run(mode, role: .agent, network: .none)["network"] == "no")
        #expect(try await setup.run(mode, role: .agent, network: .agent)["network"] == "ok")
    }
}
