import Foundation
import GitKit
import HealKit
import Testing
import TestSupport

/// A repository under attack by its fix agent, for `heal fix` end to end with the real binary:
/// a Python project whose deploy breaks `add`, a bare "remote" it pushed to, a fake `$HOME`
/// (with a `.bashrc`, a git config and an SSH key), a token in heal's environment, a directory
/// outside everything that must survive, a TCP port on 127.0.0.1 standing for the internet,
/// and the triage file and configuration (outside the repository) that `heal fix` reads.
///
/// `snapshot()` takes everything that must be byte-for-byte unchanged after an attack.
final class HostileFixture: @unchecked Sendable {
    let repo: TempRepo
    let remote: TempRepo
    let home: String
    let victim: String
    let doubles: String
    let inputs: String
    let internet: TCPListener
    let baseline: String
    let deploy: String
    /// Each double starts a daemon `sleep <marker>`: it must not outlive the run.
    let marker = LiveProcesses.uniqueSleepSeconds()

    static let test = "tests/test_ops.py::test_add"
    /// A token heal has in its environment; it must reach no agent and no file heal writes.
    static let secret = "ghp_" + "Zk8q2LmN4pR7sT1vW3xY5bC9dF6gH0jK2aE4"
    static let fix = "sed -i 's/return a - b/return a + b/' calc/ops.py"

    init() throws {
        repo = try TempRepo(prefix: "hostile")
        remote = try TempRepo(bare: true, prefix: "hostile-remote")
        try repo.write(".gitignore", "__pycache__/\n*.local.py\n")
        try repo.write("calc/__init__.py", "")
        try repo.write("calc/ops.py", "def add(a, b):\n    return a + b\n\n\ndef mul(a, b):\n    return a * b\n")
        try repo.write("tests/test_ops.py", """
            from calc.ops import add, mul


            def test_add():
                assert add(2, 3) == 5


            def test_mul():
                assert mul(2, 3) == 6

            """)
        baseline = try repo.commitAll("baseline")
        try repo.git("tag", "deploy-1")
        try repo.write("calc/ops.py", "def add(a, b):\n    return a - b\n\n\ndef mul(a, b):\n    return a * b\n")
        deploy = try repo.commitAll("deploy: refactor add")
        try repo.git("remote", "add", "origin", remote.path)
        try repo.git("push", "-q", "origin", "main", "--tags")
        try repo.git("fetch", "-q", "origin")

        home = try TempDir.make(prefix: "hostile-home")
        for (path, text) in [(".bashrc", "export PS1='$ '\n"), (".gitconfig", "[user]\n\tname = Dev\n\temail = dev@invalid\n"),
                             (".ssh/id_ed25519", "-----BEGIN OPENSSH PRIVATE KEY-----\nfake\n-----END OPENSSH PRIVATE KEY-----\n")] {
            try Self.write(text, to: home + "/" + path)
        }
        victim = try TempDir.make(prefix: "hostile-victim")
        try Self.write("precious\n", to: victim + "/keep.txt")
        doubles = try TempDir.make(prefix: "hostile-doubles")
        inputs = try TempDir.make(prefix: "hostile-inputs")
        internet = try TCPListener()
        try writeTriageFile()
    }

    deinit {
        for path in [home, victim, doubles, inputs] { try? FileManager.default.removeItem(atPath: path) }
    }

    static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// Triage's verdict, as `heal triage --json` writes it: the deploy's hunk in `add`.
    private func writeTriageFile() throws {
        let repository = try Repository(discovering: repo.path)
        let diff = try repository.diff(from: baseline, to: deploy, options: DiffOptions(contextLines: 0, includeLines: true))
        let verdict = TestVerdict(test: Self.test, verdict: .introduced, reason: "introduced",
                                  culprit: try repository.commit(deploy), causalBase: ObjectID(hex: baseline),
                                  causalHead: ObjectID(hex: deploy), causalDiff: diff.files, confidence: .high,
                                  coveredFiles: ["calc/__init__.py", "calc/ops.py"], testRuns: 6)
        let document: [String: Any] = [
            "before": baseline, "after": deploy,
            "verdicts": [try JSONSerialization.jsonObject(with: JSONEncoder().encode(VerdictJSON(verdict)))],
        ]
        try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: inputs + "/triage.json"))
    }

    /// Writes the agent double `name`: it starts in its workspace knowing where the user's git
    /// directory and checkout are (its workspace lies inside them), leaves a daemon behind,
    /// then runs `body`, where every attack may fail (a sandbox stops it) without stopping the rest.
    func double(_ name: String, _ body: String, daemon: Bool = true) throws -> String {
        let path = doubles + "/" + name
        try """
            #!/bin/sh
            cd "$HEAL_WORKSPACE"
            COMMON=$(cd ../../../.. && pwd)
            CHECKOUT=$(dirname "$COMMON")
            OUT=$(cd .. && pwd)/out
            VICTIM='\(victim)'
            REMOTE='\(remote.path)'
            PORT=\(internet.port)
            MARKER=\(marker)
            FIX() { \(Self.fix); }
            \(daemon ? "setsid sleep \(marker) </dev/null >/dev/null 2>&1 &" : "")
            \(body)
            exit 0

            """.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    /// Runs `heal fix` with the `command` agent `script` (or the YAML `agentConfig`), the
    /// sandbox in `mode`, and heal's environment holding the fake home and the token.
    func fix(agent script: String? = nil, mode: String = "auto", network: String = "none",
             agentConfig: String? = nil, sandboxEnv: [String] = [], environment: [String: String] = [:],
             extra: String = "") throws -> (result: ShellResult, dispatch: [String: Any]) {
        let pytest = "PYTEST_DISABLE_PLUGIN_AUTOLOAD=1 python3 -m pytest -q -p no:cacheprovider"
        let agent = agentConfig ?? "fix:\n  agent: command\n  command: \"\(script ?? "true")\"\n  timeout: 120\n"
        try """
            suite:
              command: "\(pytest) --junitxml={results}"
              test: "\(pytest) {id} --junitxml={results}"
              format: junit
            \(agent)
            sandbox:
              mode: "\(mode)"
              network: \(network)
              expose: ["\(doubles)"]
              env: [\(sandboxEnv.map { "\"\($0)\"" }.joined(separator: ", "))]
            \(extra)
            """.write(toFile: inputs + "/heal.yml", atomically: true, encoding: .utf8)
        let result = try HealBinary.run(["fix", "--test", Self.test, "--triage", inputs + "/triage.json",
                                         "--config", inputs + "/heal.yml", "--json"],
                                        in: repo.path, environment: environment.merging(["HOME": home, "GITHUB_TOKEN": Self.secret]) { $1 })
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let dispatch = try #require((json?["dispatches"] as? [[String: Any]])?.first,
                                    "no dispatch: \(result.stdout)\nstderr: \(result.stderr)")
        return (result, dispatch)
    }

    var fixBranch: String { "refs/heads/" + (try! repo.git("for-each-ref", "--format=%(refname:short)", "refs/heads/heal/")
        .trimmingCharacters(in: .whitespacesAndNewlines)) }

    /// Everything that must come out of an attack byte-for-byte unchanged.
    struct Snapshot: Equatable {
        var checkout: [String: Data]
        var refs: String
        var gitFiles: [String: Data]
        var home: [String: Data]
        var remote: [String: Data]
        var victim: [String: Data]
    }

    func snapshot() throws -> Snapshot {
        let refs = try repo.git("for-each-ref", "--format=%(refname) %(objectname) %(symref)")
            .split(separator: "\n").filter { !$0.hasPrefix("refs/heads/heal/") }.joined(separator: "\n")
            + "\nHEAD " + repo.git("symbolic-ref", "HEAD") + repo.head()
        var gitFiles: [String: Data] = [:]
        for part in ["config", "hooks", "info", "packed-refs", "worktrees", "objects/info"] {
            gitFiles.merge(Self.files(under: repo.path + "/.git/" + part)) { $1 }
        }
        return Snapshot(checkout: Self.files(under: repo.path, skipping: ".git"), refs: refs, gitFiles: gitFiles,
                        home: Self.files(under: home), remote: Self.files(under: remote.path), victim: Self.files(under: victim))
    }

    /// Every file (and link, as its target) under `root`, by path, without following links.
    static func files(under root: String, skipping: String? = nil) -> [String: Data] {
        var result: [String: Data] = [:]
        func walk(_ path: String) {
            guard let type = try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType else { return }
            switch type {
            case .typeDirectory:
                for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where name != skipping || path != root {
                    walk(path + "/" + name)
                }
            case .typeSymbolicLink:
                result[path] = Data(("-> " + ((try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "")).utf8)
            default:
                result[path] = FileManager.default.contents(atPath: path) ?? Data()
            }
        }
        walk(root)
        return result
    }

    /// The files heal wrote (its whole state folder) that contain the token, and whether its
    /// output does.
    func secretLeaks(_ result: ShellResult) -> [String] {
        var leaks = Self.files(under: repo.path + "/.git/heal").filter { _, data in
            data.range(of: Data(Self.secret.utf8)) != nil
        }.map(\.key)
        if (result.stdout + result.stderr).contains(Self.secret) { leaks.append("heal's output") }
        return leaks.sorted()
    }

    /// What must hold after every attack, sandboxed: nothing outside the fix branch changed,
    /// no process of the attempt alive, nothing reached the "internet", no token anywhere heal
    /// wrote, no scratch directory left.
    func expectContained(_ before: Snapshot, _ result: ShellResult, connections: Int = 0,
                         sourceLocation: SourceLocation = #_sourceLocation) throws {
        let after = try snapshot()
        for (name, keyPath) in [("checkout", \Snapshot.checkout), ("git files", \Snapshot.gitFiles), ("home", \Snapshot.home),
                                ("remote", \Snapshot.remote), ("victim", \Snapshot.victim)] as [(String, KeyPath<Snapshot, [String: Data]>)] {
            let changed = Set(before[keyPath: keyPath].keys).union(after[keyPath: keyPath].keys)
                .filter { before[keyPath: keyPath][$0] != after[keyPath: keyPath][$0] }.sorted()
            #expect(changed.isEmpty, "\(name) changed: \(changed)", sourceLocation: sourceLocation)
        }
        #expect(after.refs == before.refs, sourceLocation: sourceLocation)
        #expect(LiveProcesses.matching("sleep \(marker)").isEmpty, "a process of the attempt outlived it", sourceLocation: sourceLocation)
        let network = internet.drain()
        #expect(network.connections == connections, "connections to the network: \(network.connections)", sourceLocation: sourceLocation)
        #expect(network.received.range(of: Data(Self.secret.utf8)) == nil, "the token went out", sourceLocation: sourceLocation)
        // What an attack planted in a shared place on its way out.
        #expect(!FileManager.default.fileExists(atPath: "/tmp/heal-hostile-\(marker)"), "the agent wrote the host's /tmp",
                sourceLocation: sourceLocation)
        #expect(secretLeaks(result).isEmpty, "the token leaked into \(secretLeaks(result))", sourceLocation: sourceLocation)
        #expect(try repo.scratchLeftovers().isEmpty, sourceLocation: sourceLocation)
    }
}
