/// Substitutes `{placeholder}`s in a configured shell command so that each becomes exactly its
/// value, whatever quoting the user wrote around it: a bare placeholder is shell-quoted, one
/// inside double quotes (`"{id}"`) is escaped for double quotes, one inside single quotes
/// (`'{id}'`) closes and reopens them around the value. A test id with spaces, brackets, quotes
/// or `$` reaches the runner as one intact word either way.
public enum CommandTemplate {
    /// Replaces each `{key}` of `values` in `template`; other braces (`${HOME}`, `{a,b}`) stay.
    public static func render(_ template: String, _ values: [String: String]) -> String {
        var result = ""
        var context = ShellQuoteContext.bare
        var characters = template[...]
        while let character = characters.first {
            if character == "{", result.last != "$",
               let close = characters.firstIndex(of: "}"),
               let value = values[String(characters[characters.index(after: characters.startIndex)..<close])] {
                result += context.word(for: value)
                characters = characters[characters.index(after: close)...]
                continue
            }
            characters.removeFirst()
            result.append(character)
            if character == "\\", context != .single, let escaped = characters.first {
                // The escaped character is literal: it neither opens nor closes a quote.
                characters.removeFirst()
                result.append(escaped)
                continue
            }
            context = context.after(character)
        }
        return result
    }

    /// A POSIX shell word that stands for exactly `value`.
    public static func quote(_ value: String) -> String {
        ShellQuoteContext.bare.word(for: value)
    }
}

/// Where the shell would read a character of a command: bare, inside `'…'`, or inside `"…"`.
enum ShellQuoteContext: Equatable {
    case bare, single, double

    /// The context after reading `character` (escapes are handled by the caller).
    func after(_ character: Character) -> ShellQuoteContext {
        switch (self, character) {
        case (.bare, "'"): .single
        case (.bare, "\""): .double
        case (.single, "'"), (.double, "\""): .bare
        default: self
        }
    }

    /// Text that, written in this context, the shell reads as exactly `value`.
    func word(for value: String) -> String {
        switch self {
        case .bare:
            let safe = !value.isEmpty && value.unicodeScalars.allSatisfy {
                ($0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil))
                    || "@%+=:,./-_".unicodeScalars.contains($0)
            }
            return safe ? value : "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
        case .single:
            // Nothing escapes inside single quotes: end them, add an escaped quote, reopen.
            return value.replacingOccurrences(of: "'", with: "'\\''")
        case .double:
            // Inside double quotes only these four keep a meaning; a backslash makes them literal.
            var escaped = ""
            for character in value {
                if "\\$`\"".contains(character) { escaped.append("\\") }
                escaped.append(character)
            }
            return escaped
        }
    }
}
