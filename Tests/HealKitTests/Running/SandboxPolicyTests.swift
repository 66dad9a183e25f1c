import Foundation
@testable import HealKit
import Testing
import TestSupport

/// The pure parts of the sandbox: bubblewrap's options, the Seatbelt profile, which toolchains
/// stay visible, the environment allow-list, and what a configuration may not expose.
@Suite("Sandbox policy")
struct SandboxPolicyTests {
    let policy = SandboxPolicy(
        hidden: ["/work/repo", "/work/repo/.git", "/home/dev"], home: "/home/dev",
        readOnly: ["/home/dev/.pyenv", "/work/repo/.git/heal/work/fix-1/inputs"], masked: ["/home/dev/.cargo/credentials.toml"],
        writable: ["/work/repo/.git/heal/work/fix-1/workspace"], network: false,
        environment: ["PATH": "/usr/bin:/bin"], tmpBytes: 64 << 20, fileBytes: 1 << 20)

    @Test func bubblewrapHidesFirstBindsBackThenMakesTheHiddenReadOnly() {
        let arguments = Bubblewrap.arguments(policy, workingDirectory: "/work/repo/.git/heal/work/fix-1/workspace", asRoot: true)
        let text = arguments.joined(separator: " ")
        #expect(text.hasPrefix("--ro-bind / / --dev /dev --proc /proc --size 67108864 --tmpfs /tmp"))
        // The git directory inside the checkout is hidden with it; home is a private, writable, sized tmpfs.
        #expect(!text.contains("--tmpfs /work/repo/.git"))
        #expect(text.contains("--size 67108864 --tmpfs /home/dev --tmpfs /work/repo "))
        let order = ["--tmpfs /work/repo", "--ro-bind-try /home/dev/.pyenv", "--ro-bind-try /dev/null /home/dev/.cargo/credentials.toml",
                     "--bind /work/repo/.git/heal/work/fix-1/workspace", "--remount-ro /work/repo"].map { text.range(of: $0)!.lowerBound }
        #expect(order == order.sorted())
        #expect(!text.contains("--remount-ro /home/dev"))
        #expect(text.hasSuffix("--chdir /work/repo/.git/heal/work/fix-1/workspace --unshare-all --die-with-parent --new-session --as-pid-1 --cap-drop ALL"))

        var agent = policy
        agent.network = true
        let agentText = Bubblewrap.arguments(agent, workingDirectory: nil, asRoot: false).joined(separator: " ")
        #expect(agentText.contains("--unshare-all --share-net"))
        #expect(!agentText.contains("--cap-drop"))
    }

    @Test func bubblewrapRunsTheCommandUnderAFileSizeLimitWithExactlyThePolicysEnvironment() throws {
        let spec = try Bubblewrap(executable: "/usr/bin/bwrap", asRoot: false)
            .wrap(ProcessSpec("pytest", arguments: ["-q"], workingDirectory: "/w", timeout: .seconds(5)), in: policy)
        #expect(spec.executable == "/usr/bin/bwrap")
        let command = Array(spec.arguments.drop { $0 != "--" })
        #expect(command == ["--", "/bin/sh", "-c", "ulimit -f 2048 2>/dev/null; exec \"$@\"", "heal-sandbox", "pytest", "-q"])
        #expect(!spec.inheritsEnvironment)
        #expect(spec.environment == ["PATH": "/usr/bin:/bin", "HOME": "/home/dev", "TMPDIR": "/tmp"])
        #expect(spec.timeout == .seconds(5))
    }

    @Test func theSeatbeltProfileDeniesByDefaultHidesThenAllowsBack() throws {
        var withScratch = policy
        withScratch.scratch = "/work/repo/.git/heal/work/sandbox-1"
        let profile = SandboxExec.profile(withScratch)
        let lines = profile.split(separator: "\n").map(String.init)
        #expect(lines.prefix(2) == ["(version 1)", "(deny default)"])
        let position = { (line: String) in lines.firstIndex(of: line)! }
        let hide = position("(deny file-read* (subpath \"/home/dev\"))")
        let back = position("(allow file-read* (subpath \"/home/dev/.pyenv\"))")
        let write = position("(allow file-read* file-write* (subpath \"/work/repo/.git/heal/work/fix-1/workspace\"))")
        #expect(position("(allow file-read*)") < hide && hide < back && back < write)
        #expect(lines.contains("(deny file-read* (literal \"/home/dev/.cargo/credentials.toml\"))"))
        #expect(lines.contains("(allow file-read* file-write* (subpath \"/work/repo/.git/heal/work/sandbox-1\"))"))
        #expect(!profile.contains("network"))
        withScratch.network = true
        #expect(SandboxExec.profile(withScratch).contains("(allow network*)"))
        #expect(SandboxExec.quote("/a \"b\"\\c") == "\"/a \\\"b\\\"\\\\c\"")

        let spec = try SandboxExec().wrap(ProcessSpec("make"), in: withScratch)
        #expect(spec.executable == "/usr/bin/sandbox-exec")
        #expect(spec.arguments.prefix(2) == ["-p", SandboxExec.profile(withScratch)])
        #expect(spec.environment["HOME"] == "/work/repo/.git/heal/work/sandbox-1/home")
        #expect(throws: SandboxError.self) { try SandboxExec().wrap(ProcessSpec("make"), in: policy) }
    }

    @Test func toolchainsInAHiddenDirectoryStayVisibleNothingElse() {
        let roots = ToolchainPaths.roots(
            for: ["/home/dev/.pyenv/shims", "/home/dev/.pyenv/plugins/x/shims", "/home/dev/.local/bin", "/usr/bin",
                  "/home/dev", "/work/repo/.venv/bin", "/work/repo/.git/heal/bin", "relative/bin"],
            hidden: ["/home/dev", "/work/repo", "/work/repo/.git"], gitDirectories: ["/work/repo/.git"])
        #expect(roots == ["/home/dev/.local/bin", "/home/dev/.pyenv", "/work/repo/.venv"])
    }

    @Test func theEnvironmentIsAnAllowList() {
        let allowed = SandboxEnvironment.allowed(
            ["PATH": "/bin", "LANG": "C", "LC_ALL": "C", "HEAL_X": "1", "PYENV_ROOT": "/p", "GITHUB_TOKEN": "t",
             "AWS_SECRET_ACCESS_KEY": "s", "ANTHROPIC_API_KEY": "k", "SSH_AUTH_SOCK": "/s", "DATABASE_URL": "d"],
            extra: ["ANTHROPIC_API_KEY"])
        #expect(allowed.keys.sorted() == ["ANTHROPIC_API_KEY", "HEAL_X", "LANG", "LC_ALL", "PATH", "PYENV_ROOT"])
    }

    @Test func aConfigurationCannotExposeTheGitDirectoryOrAWholeCheckoutOrHome() async throws {
        let repo = try TempRepo(prefix: "expose")
        let home = try TempDir.make(prefix: "expose-home")
        for (key, path) in [("expose", repo.path + "/.git"), ("expose", repo.path + "/.git/hooks"), ("writable", repo.path),
                            ("expose", "~"), ("writable", (repo.path as NSString).deletingLastPathComponent), ("expose", "tools")] {
            var settings = HealConfig.Sandbox(mode: .off)
            if key == "expose" { settings.expose = [path] } else { settings.writable = [path] }
            await #expect(throws: SandboxError.self, "\(key) \(path)") {
                try await Containment.resolve(repositoryPath: repo.path, settings: settings, environment: ["HOME": home])
            }
        }
        var fine = HealConfig.Sandbox(mode: .off)
        fine.expose = ["~/.claude", repo.path + "/vendor"]
        _ = try await Containment.resolve(repositoryPath: repo.path, settings: fine, environment: ["HOME": home])
    }

    @Test func externalAgentsNeedASandboxUnlessTheUserTurnedItOff() async throws {
        let repo = try TempRepo(prefix: "refusal")
        let off = try await Containment.resolve(repositoryPath: repo.path, settings: HealConfig.Sandbox(mode: .off))
        #expect(off.agentRefusal == nil)
        #expect(off.unboxedReason?.contains("sandbox: off") == true)
        let unboxed = Containment(settings: HealConfig.Sandbox(mode: .auto), sandbox: nil, unboxedReason: "bubblewrap is not installed",
                                  hidden: [], home: nil, gitDirectories: [], exposed: [], masked: [], writable: [],
                                  environment: [:], repositoryPath: repo.path)
        let refusal = try #require(unboxed.agentRefusal)
        #expect(refusal.description.contains("bubblewrap is not installed"))
        #expect(refusal.description.contains("sandbox: off"))
    }

    @Test func theSandboxSectionReadsAsAScalarOrAMapping() throws {
        let scalar = try HealConfig.parse(yaml: "sandbox: off\n", file: ".heal.yml")
        #expect(scalar.sandbox == HealConfig.Sandbox(mode: .off))
        let mapping = try HealConfig.parse(yaml: """
            sandbox:
              mode: bubblewrap
              network: agent
              env: [ANTHROPIC_API_KEY]
              expose: ["~/.claude"]
              writable: ["~/.cache/pip"]
              tmp-size: 256
              file-size: 64
            """, file: ".heal.yml")
        #expect(mapping.sandbox == HealConfig.Sandbox(mode: .bubblewrap, network: .agent, environment: ["ANTHROPIC_API_KEY"],
                                                      expose: ["~/.claude"], writable: ["~/.cache/pip"], tmpMiB: 256, fileMiB: 64))
        #expect(throws: ConfigError.self) { try HealConfig.parse(yaml: "sandbox: maybe\n", file: ".heal.yml") }
        #expect(throws: ConfigError.self) { try HealConfig.parse(yaml: "sandbox:\n  network: everyone\n", file: ".heal.yml") }
        let rendered = try HealConfig.parse(yaml: mapping.renderYAML(), file: ".heal.yml")
        #expect(rendered.sandbox == mapping.sandbox)
    }
}
