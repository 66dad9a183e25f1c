/// Masks what varies between two occurrences of the same error: numbers, ids, hex, UUIDs,
/// quoted values, paths, URLs and e-mail addresses (`KeyError: 'user-42'` and
/// `KeyError: 'user-7'` both become `KeyError: <str>`), so messages group and a masked one
/// says what kind of error it is without the values a log may carry.
enum MessageMask {
    /// Masked messages are cut to this many characters (first line only).
    static let limit = 300

    static func mask(_ message: String) -> String {
        let line = message.prefix { $0 != "\n" && $0 != "\r" }
        var output = ""
        var token = ""
        var characters = Array(line.prefix(limit * 4))[...]
        func flush() {
            if !token.isEmpty { output += maskToken(token) }
            token = ""
        }
        while let character = characters.first {
            characters = characters.dropFirst()
            if isQuote(character), opensQuote(after: token.last ?? output.last),
               let close = closingQuote(for: character, in: characters) {
                flush()
                output += "<str>"
                characters = characters[characters.index(after: close)...]
            } else if character == " " || character == "\t" || character == "," || character == ";"
                        || character == "(" || character == ")" || character == "[" || character == "]"
                        || character == "{" || character == "}" || character == "<" || character == ">"
                        || (character == "=" && !token.contains("://")) {
                flush()
                output.append(character)
            } else {
                token.append(character)
            }
            if output.count > limit { break }
        }
        flush()
        return String(output.prefix(limit))
    }

    private static func isQuote(_ character: Character) -> Bool {
        character == "'" || character == "\"" || character == "`" || character == "‘" || character == "“"
    }

    /// A quote opens a value unless it follows a letter or digit (`can't`, `5'`).
    private static func opensQuote(after previous: Character?) -> Bool {
        guard let previous else { return true }
        return !(previous.isLetter || previous.isNumber)
    }

    private static func closingQuote(for open: Character, in rest: ArraySlice<Character>) -> ArraySlice<Character>.Index? {
        let closers: Set<Character> = switch open {
        case "`": ["`", "'"]
        case "‘": ["’"]
        case "“": ["”"]
        default: [open]
        }
        return rest.prefix(limit).firstIndex { closers.contains($0) }
    }

    private static func maskToken(_ token: String) -> String {
        if token.contains("://") { return "<url>" }
        if let at = token.firstIndex(of: "@"), token[at...].contains("."), at != token.startIndex { return "<email>" }
        if looksLikePath(token) { return "<path>" }
        var output = ""
        var run = ""
        var rest = Substring(token)
        func flushRun() {
            if !run.isEmpty { output += maskRun(run) }
            run = ""
        }
        while let character = rest.first {
            if run.isEmpty, isUUID(rest.prefix(36)) {
                output += "<uuid>"
                rest = rest.dropFirst(36)
                continue
            }
            rest = rest.dropFirst()
            if character.isASCII && (character.isLetter || character.isNumber || character == "_") {
                run.append(character)
            } else {
                flushRun()
                output.append(character)
            }
        }
        flushRun()
        return output
    }

    private static func maskRun(_ run: String) -> String {
        let hasDigit = run.contains { $0.isNumber }
        guard hasDigit else { return run }
        if run.allSatisfy(\.isNumber) { return "<n>" }
        if run.hasPrefix("0x") || run.hasPrefix("0X") || (run.count >= 8 && run.allSatisfy(\.isHexDigit)) { return "<hex>" }
        return "<id>"
    }

    private static func looksLikePath(_ token: String) -> Bool {
        guard token.count > 1 else { return false }
        if token.hasPrefix("/") || token.hasPrefix("./") || token.hasPrefix("../") || token.hasPrefix("~/") { return true }
        let scalars = Array(token.unicodeScalars.prefix(3))
        if scalars.count == 3, scalars[0].properties.isAlphabetic, scalars[1] == ":", scalars[2] == "\\" { return true }
        guard let slash = token.lastIndex(of: "/") ?? token.lastIndex(of: "\\") else { return false }
        return token[slash...].contains(".")
    }

    private static func isUUID(_ text: Substring) -> Bool {
        guard text.count == 36 else { return false }
        for (offset, character) in text.enumerated() {
            if [8, 13, 18, 23].contains(offset) {
                guard character == "-" else { return false }
            } else if !character.isHexDigit {
                return false
            }
        }
        return true
    }
}
