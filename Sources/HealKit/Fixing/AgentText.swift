/// Text an agent wrote about itself (a summary, a last message), made fit to quote: secrets
/// redacted, control characters (terminal escapes, bidi controls) dropped, and at most
/// `maxCharacters` kept. Where it is shown, it is shown fenced, never as Markdown or HTML.
enum AgentText {
    static let maxCharacters = 4_000

    static func clean(_ text: String) -> String {
        let redacted = SecretRedactor.redact(text)
        var kept = String.UnicodeScalarView()
        for scalar in redacted.unicodeScalars {
            let isControl = scalar.properties.generalCategory == .control && scalar != "\n" && scalar != "\t"
            if !isControl && !PathSafety.bidiControls.contains(scalar.value) { kept.append(scalar) }
        }
        var result = String(kept).trimmingCharacters(in: .whitespacesAndNewlines)
        if result.count > maxCharacters { result = String(result.prefix(maxCharacters)) + "\n… (cut at \(maxCharacters) characters)" }
        return result
    }
}
