/// A change that adds a secret — a token of a known shape, a private key, a password in a URL,
/// or the value of one of heal's secret-looking environment variables — is never committed:
/// heal would push it and quote it in the PR body.
enum SecretScan {
    static func violations(in change: ProposedChange) -> [ScopeViolation] {
        change.files.flatMap { file in
            file.addedLines.filter { SecretRedactor.containsSecret($0.text) }.map { line in
                ScopeViolation(rule: .secret, path: file.path, line: line.number,
                               message: "adds what looks like a secret (\(SecretRedactor.redactTokens(line.text).trimmingCharacters(in: .whitespaces))); "
                                   + "fixes may not carry credentials")
            }
        }
    }
}
