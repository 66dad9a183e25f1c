extension DefaultTemplates {
    /// A Markdown code fence that `text` cannot close early: a run of backticks one longer than
    /// the longest run inside `text`, and at least three (CommonMark closes a fence only with a
    /// run at least as long as the opening one).
    public static func fence(for text: String) -> String {
        var longest = 0
        var current = 0
        for character in text {
            if character == "`" {
                current += 1
                longest = max(longest, current)
            } else {
                current = 0
            }
        }
        return String(repeating: "`", count: max(3, longest + 1))
    }

    /// `text` without the line endings at its end, so a fenced block closes on the next line.
    static func trimmingTrailingNewlines(_ text: String) -> String {
        var text = Substring(text)
        while let last = text.last, last.isNewline { text = text.dropLast() }
        return String(text)
    }
}
