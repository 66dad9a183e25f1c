import Foundation
import Testing
import TestSupport

/// A real agent inside the sandbox: the `aider` CLI (PyPI `aider-chat`), driven end to end
/// against a scripted OpenAI-compatible endpoint on 127.0.0.1 — a test double that answers
/// every chat completion with one fixed edit — with `sandbox.network: agent`, so only the agent
/// reaches it. Proof that containment does not break the agents it exists for.
@Suite("A real agent in the sandbox")
struct AiderAgentTests {
    /// aider's edit, in its `diff` edit format.
    static let reply = """
        calc/ops.py
        ```python
        <<<<<<< SEARCH
            return a - b
        =======
            return a + b
        >>>>>>> REPLACE
        ```
        """

    @Test
    func aiderStagesItsFixThroughTheNetworkOpenedForItAlone() throws {
        let fixture = try HostileFixture()
        let endpoint = try OpenAIEndpointTestDouble(reply: Self.reply, in: fixture.doubles)
        defer { endpoint.stop() }
        let before = try fixture.snapshot()
        let (result, dispatch) = try fixture.fix(network: "agent", agentConfig: """
            fix:
              agent: aider
              timeout: 300
            agents:
              aider:
                args: ["--model", "openai/heal-double", "--openai-api-base", "http://127.0.0.1:\(endpoint.port)/v1",
                       "--openai-api-key", "sk-heal-double", "--map-tokens", "0", "--edit-format", "diff"]
            """, sandboxEnv: ["LITELLM_LOCAL_MODEL_COST_MAP"],
            environment: ["LITELLM_LOCAL_MODEL_COST_MAP": "True"])
        #expect(dispatch["outcome"] as? String == "staged", "\(dispatch)\n\(result.stderr)")
        #expect(endpoint.requests() >= 1, "aider never asked the model")
        #expect(try fixture.repo.git("show", fixture.fixBranch + ":calc/ops.py").contains("return a + b"))
        #expect(try fixture.repo.git("diff", "--name-only", fixture.deploy, fixture.fixBranch) == "calc/ops.py\n",
                "the fix holds aider's edit and nothing of aider's own")
        try fixture.expectContained(before, result)
    }
}

/// An OpenAI-compatible chat-completions endpoint on 127.0.0.1 that answers every request with
/// `reply`: the model a real agent CLI talks to, scripted (an LLM cannot run here).
final class OpenAIEndpointTestDouble: @unchecked Sendable {
    let process = Process()
    let port: Int
    let log: String

    init(reply: String, in directory: String) throws {
        let script = directory + "/openai-endpoint-double.py"
        log = directory + "/openai-endpoint-double.log"
        try Self.server.write(toFile: script, atomically: true, encoding: .utf8)
        try reply.write(toFile: directory + "/reply.txt", atomically: true, encoding: .utf8)
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, directory + "/reply.txt", log]
        process.standardOutput = output
        try process.run()
        let line = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        port = try #require(Int(line.trimmingCharacters(in: .whitespacesAndNewlines)), "the endpoint double said \(line)")
    }

    /// How many chat completions it answered.
    func requests() -> Int {
        ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n").count
    }

    /// SIGKILL: the test process may ignore SIGTERM, and an ignored signal stays ignored
    /// across exec.
    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    static let server = #"""
        import http.server, json, sys
        reply, log = open(sys.argv[1]).read(), sys.argv[2]

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args): pass

            def answer(self, payload):
                body = json.dumps(payload).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):
                self.answer({"object": "list", "data": [{"id": "heal-double", "object": "model"}]})

            def do_POST(self):
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                with open(log, "a") as f: f.write(self.path + "\n")
                self.answer({"id": "heal-double", "object": "chat.completion", "created": 0, "model": "heal-double",
                             "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": reply}}],
                             "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}})

        server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """#
}
