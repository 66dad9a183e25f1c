extension HealConfig {
    /// `fix.author`: the identity on heal's fix commits, `Name <email>`.
    public struct CommitAuthor: Sendable, Equatable, CustomStringConvertible {
        public var name: String
        public var email: String

        /// heal's own identity: a reviewer sees at once that heal made the commit.
        public static let heal = CommitAuthor(name: "heal", email: "heal@localhost.invalid")

        public init(name: String, email: String) {
            self.name = name
            self.email = email
        }

        /// Parses `Name <email>`; nil when either part is missing or holds a bracket or newline.
        public init?(_ text: String) {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") else { return nil }
            let name = trimmed[..<open].trimmingCharacters(in: .whitespaces)
            let email = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            let forbidden: Set<Character> = ["<", ">", "\n", "\r"]
            guard !name.isEmpty, !email.isEmpty, !name.contains(where: forbidden.contains),
                  !email.contains(where: forbidden.contains) else { return nil }
            self.init(name: name, email: email)
        }

        public var description: String { "\(name) <\(email)>" }
    }
}
