extension DefaultTemplates {
    /// A Markdown code fence that `text` cannot close early: a run of backticks one longer than
    /// the longest run inside `text`, and at least three (CommonMark closes a fence only with a
    /// run at least as long as the opening one).
    public static func fence(for text: String) -> String {
        String(repeating: "`", count: max(3, longestBacktickRun(in: text) + 1))
    }

    /// A title for a Markdown heading, with `code` (a test or error id, which for a production
    /// error comes from a log) inside inline code wherever it occurs, so an id can never turn
    /// into a link, an HTML tag or a mention.
    static func heading(_ title: String, code: String) -> String {
        code.isEmpty ? title : title.replacingOccurrences(of: code, with: inlineCode(code))
    }

    /// Inline code that `text` cannot end early: a backtick run longer than any inside it, and
    /// spaces inside when `text` starts or ends with a backtick (CommonMark strips one each side).
    static func inlineCode(_ text: String) -> String {
        let ticks = String(repeating: "`", count: longestBacktickRun(in: text) + 1)
        let pad = text.hasPrefix("`") || text.hasSuffix("`") ? " " : ""
        return ticks + pad + text.replacingOccurrences(of: "\n", with: " ") + pad + ticks
    }

    private static func longestBacktickRun(in text: String) -> Int {
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
        return longest
    }

    /// `text` without the line endings at its end, so a fenced block closes on the next line.
    static func trimmingTrailingNewlines(_ text: String) -> String {
        var text = Substring(text)
        while let last = text.last, last.isNewline { text = text.dropLast() }
        return String(text)
    }
}
