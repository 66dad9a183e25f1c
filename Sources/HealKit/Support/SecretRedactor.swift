import Foundation

/// Removes secrets from text heal did not write (log lines, traces, agent output) before it
/// reaches a PR body, a ticket, a prompt, the store or JSON: the values of heal's own
/// secret-looking environment variables, passwords in URLs, bearer and basic credentials,
/// values of secret-named keys (`password=…`, `"api_key": "…"`, `X-Api-Key: …`), private key
/// blocks, the token shapes of the common providers (AWS, GitHub, GitLab, Slack, Stripe,
/// OpenAI, Anthropic, Google, JWTs), and e-mail addresses: personal data a log carries, which a
/// PR body (possibly public) has no use for.
///
/// Each secret becomes `[REDACTED]`; the text around it stays, so a reader still sees what
/// happened.
public enum SecretRedactor {
    static let mark = "[REDACTED]"

    /// Every rule: for text that is output or prose (logs, an agent's summary, a reason).
    static func redact(_ text: String) -> String {
        var text = redactEnvironmentValues(text)
        for rule in rules {
            text = text.replacing(rule.pattern) { match in rule.replacement(match) }
        }
        return text
    }

    /// Only what is a secret whatever the context — environment values, private keys,
    /// passwords in URLs, provider tokens — for text that holds code (a diff, a whole PR body),
    /// where `password = read_password()` must stay as written.
    public static func redactTokens(_ text: String) -> String {
        var text = redactEnvironmentValues(text)
        for rule in rules where rule.always {
            text = text.replacing(rule.pattern) { match in rule.replacement(match) }
        }
        return text
    }

    /// Whether `text` holds a secret `redactTokens` would remove.
    static func containsSecret(_ text: String) -> Bool {
        redactTokens(text) != text
    }

    /// Words in the names of environment variables that hold a secret.
    static let secretNameWords = ["TOKEN", "SECRET", "PASSW", "KEY", "CREDENTIAL", "AUTH", "COOKIE", "SESSION",
                                  "PRIVATE", "DSN", "DATABASE_URL", "WEBHOOK"]

    /// The values of the secret-looking variables of heal's environment (eight characters or
    /// more, so `KEY=1` takes no "1" out of every text), longest first.
    static var environmentSecrets: [String] {
        ProcessInfo.processInfo.environment
            .filter { name, value in value.count >= 8 && secretNameWords.contains { name.uppercased().contains($0) } }
            .map(\.value).sorted { $0.count > $1.count }
    }

    static func redactEnvironmentValues(_ text: String) -> String {
        environmentSecrets.reduce(text) { $0.replacingOccurrences(of: $1, with: mark) }
    }

    private struct Rule: @unchecked Sendable {
        var pattern: Regex<AnyRegexOutput>
        /// Whether the match is a secret in any context (`redactTokens` applies it too).
        var always = true
        var replacement: (Regex<AnyRegexOutput>.Match) -> String
    }

    private static let secretKey = #"(?:pass(?:word|wd|phrase)?|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|"#
        + #"private[_-]?key|client[_-]?secret|auth(?:orization)?|credentials?|session[_-]?id|cookie|set-cookie|x-api-key)"#

    private static let rules: [Rule] = [
        // -----BEGIN … PRIVATE KEY----- … -----END … PRIVATE KEY-----
        Rule(pattern: try! Regex(#"-----BEGIN[A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END[A-Z ]*PRIVATE KEY-----|$)"#)) { _ in mark },
        // scheme://user:password@host
        Rule(pattern: try! Regex(#"(?<scheme>[A-Za-z][A-Za-z0-9+.-]*://)(?<user>[^/\s:@]*):(?<password>[^/\s@]+)@"#)) { match in
            "\(match["scheme"]?.substring ?? "")\(match["user"]?.substring ?? ""):\(mark)@"
        },
        // Authorization: Bearer …; Basic …, token … when the value is no plain word.
        Rule(pattern: try! Regex(#"(?i)\b(?<kind>bearer)\s+[A-Za-z0-9._~+/=-]{8,}"#
                                 + #"|\b(?<kind2>basic|token|digest)\s+(?=[A-Za-z]*[0-9._~+/=-])[A-Za-z0-9._~+/=-]{8,}"#)) { match in
            "\(match["kind"]?.substring ?? match["kind2"]?.substring ?? "") \(mark)"
        },
        // "password": "…", password=…, api_key: …, X-Api-Key: …
        Rule(pattern: try! Regex(#"(?i)(?<key>["']?[A-Za-z0-9_.-]*?"# + secretKey + #"(?:[_.-][A-Za-z0-9]+)*["']?\s*[=:]\s*)(?!\[REDACTED\]|(?i:bearer|basic|digest|token)\s)(?<value>"[^"]*"|'[^']*'|[^\s,;&}\]]+)"#), always: false) { match in
            let value = match["value"]?.substring ?? ""
            let quote = value.first == "\"" || value.first == "'" ? String(value.first!) : ""
            return "\(match["key"]?.substring ?? "")\(quote)\(mark)\(quote)"
        },
        // Provider token shapes, anywhere.
        Rule(pattern: try! Regex(
            #"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"#
            + #"|\bgh[pousr]_[A-Za-z0-9]{30,}\b|\bgithub_pat_[A-Za-z0-9_]{30,}\b"#
            + #"|\bglpat-[A-Za-z0-9_-]{20,}\b"#
            + #"|\bxox[abposr]-[A-Za-z0-9-]{10,}\b"#
            + #"|\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,}\b"#
            + #"|\bsk-(?:ant-)?[A-Za-z0-9_-]{20,}\b"#
            + #"|\bAIza[0-9A-Za-z_-]{35}\b"#
            + #"|\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"#)) { _ in mark },
        // name@example.com, but not the user of a URL (`postgres://shop@db.internal`). Personal
        // data in a log, yet a commit's author in what heal writes itself: not in `redactTokens`.
        Rule(pattern: try! Regex(#"(?<before>^|[^A-Za-z0-9._%+/:-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b"#), always: false) { match in
            "\(match["before"]?.substring ?? "")\(mark)"
        },
    ]
}
