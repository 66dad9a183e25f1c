extension TemplateLibrary {
    /// Renders the fix agent's prompt from the `agent-prompt` template (or the repository's
    /// override of it).
    public func renderAgentPrompt(_ input: AgentPromptInput) throws(TemplateError) -> String {
        try render(name: DefaultTemplates.Name.agentPrompt, context: AgentPromptContext(input))
    }
}

/// The values the `agent-prompt` template sees: the input plus fences and joined lists, which
/// Mustache cannot compute.
struct AgentPromptContext {
    struct Scope {
        var editableFiles: [String]
        var hasEditableFiles: Bool
        var allowGlobs: String?
        var testGlobs: String
        var offLimits: String
        var maxChangedLines: Int
        var maxChangedFiles: Int
    }

    /// Named apart from the representative's `failureOutput` and `failureFence`: Mustache would
    /// fall back on those for a test whose output is not shown.
    struct OtherTest {
        var id: String
        var file: String?
        var output: String?
        var outputFence: String
    }

    var test: AgentPromptInput.FailingTest
    var otherTests: [OtherTest]
    var hasOtherTests: Bool
    var otherCount: Int
    var branch: String
    var failureOutput: String
    var failureFence: String
    var causalDiff: String
    var causalDiffFence: String
    var instruction: String?
    var scope: Scope
    var productionError: String?
    var errorType: String?
    var testModuleExamples = TestModuleName.examples.split(separator: ", ").map { "`\($0)`" }.joined(separator: ", ")

    init(_ input: AgentPromptInput) {
        test = input.test
        otherTests = input.otherTests.map { other in
            let output = other.failureOutput.map(DefaultTemplates.trimmingTrailingNewlines)
            return OtherTest(id: other.id, file: other.file, output: output, outputFence: DefaultTemplates.fence(for: output ?? ""))
        }
        hasOtherTests = !otherTests.isEmpty
        otherCount = otherTests.count
        branch = input.branch
        failureOutput = DefaultTemplates.trimmingTrailingNewlines(input.failureOutput)
        failureFence = DefaultTemplates.fence(for: failureOutput)
        causalDiff = DefaultTemplates.trimmingTrailingNewlines(input.causalDiff)
        causalDiffFence = DefaultTemplates.fence(for: causalDiff)
        instruction = input.instruction.map(DefaultTemplates.trimmingTrailingNewlines).flatMap { $0.isEmpty ? nil : $0 }
        productionError = input.productionError
        errorType = input.errorType
        scope = Scope(
            editableFiles: input.scope.editableFiles,
            hasEditableFiles: !input.scope.editableFiles.isEmpty,
            allowGlobs: input.scope.allowGlobs.isEmpty ? nil : Self.codeList(input.scope.allowGlobs),
            testGlobs: Self.codeList(input.scope.testGlobs),
            offLimits: Self.codeList(input.scope.offLimits),
            maxChangedLines: input.scope.maxChangedLines,
            maxChangedFiles: input.scope.maxChangedFiles)
    }

    /// `a`, `b`, `c` — each item in a code span.
    static func codeList(_ items: [String]) -> String {
        items.isEmpty ? "(none)" : items.map { "`\($0)`" }.joined(separator: ", ")
    }
}
