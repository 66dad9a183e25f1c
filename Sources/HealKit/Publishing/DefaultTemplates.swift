/// heal's built-in templates, compiled into the binary so it works when copied on its own.
///
/// `templates/<name>.mustache` in heal's source tree is the readable canonical copy of each;
/// a test keeps the embedded text identical to it. Repositories override a template with
/// `.heal/templates/<name>.mustache` (see `TemplateLibrary`).
public enum DefaultTemplates {
    /// Template names, as used in `TemplateLibrary.render(name:context:)` and override files.
    public enum Name {
        public static let agentPrompt = "agent-prompt"
        public static let prBody = "pr-body"
    }

    /// Every built-in template by name.
    public static let all: [String: String] = [
        Name.agentPrompt: agentPrompt,
        Name.prBody: prBody,
        EscalationTicket.templateName: EscalationTicket.defaultTemplate,
    ]
}
