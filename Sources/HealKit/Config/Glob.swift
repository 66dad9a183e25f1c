/// A path pattern like those in `scope.tests` and `scope.allow`, matched against
/// repository-relative paths with `/` separators.
///
/// fnmatch-like with `**`: `*` matches within one path segment, `?` one character of a segment,
/// `[abc]`, `[a-z]`, `[!abc]` (or `[^abc]`) one character from a set, `\` escapes the next
/// character, and `**` crosses directories — `**/` is zero or more leading directories (so
/// `**/test_*.py` matches `test_a.py` and `a/b/test_a.py`), `dir/**` is everything under `dir`.
/// A pattern ending in `/` means everything under that directory. Patterns are anchored at the
/// repository root: a pattern without `/` matches only top-level paths. A leading `./` or `/`
/// is ignored, on patterns and paths alike. An unclosed `[` is a literal.
public struct Glob: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    public let pattern: String
    private let tokens: [Token]

    private enum Token: Sendable, Hashable {
        case literal(Character)
        /// `?`: one character other than `/`.
        case one
        /// `*`: any run of characters other than `/`.
        case star
        /// `**` not followed by `/`: any run of characters, `/` included.
        case anything
        /// `**/`: nothing, or any run of whole directories each ending in `/`.
        case directories
        case set(negated: Bool, items: [ClosedRange<Character>])
    }

    /// Compiles `pattern`; every string is a valid pattern.
    public init(_ pattern: String) {
        self.pattern = pattern
        var normalized = Glob.stripRoot(pattern)
        if normalized.hasSuffix("/") { normalized += "**" }
        tokens = Glob.tokenize(Array(normalized))
    }

    public var description: String { pattern }

    /// Whether `path` (repository-relative) matches the whole pattern.
    public func matches(_ path: String) -> Bool {
        let characters = Array(Glob.stripRoot(path))
        var memo = [Bool?](repeating: nil, count: (tokens.count + 1) * (characters.count + 1))
        return match(0, 0, characters, &memo)
    }

    private func match(_ t: Int, _ p: Int, _ path: [Character], _ memo: inout [Bool?]) -> Bool {
        let key = t * (path.count + 1) + p
        if let known = memo[key] { return known }
        let result: Bool
        if t == tokens.count {
            result = p == path.count
        } else {
            switch tokens[t] {
            case .literal(let character):
                result = p < path.count && path[p] == character && match(t + 1, p + 1, path, &memo)
            case .one:
                result = p < path.count && path[p] != "/" && match(t + 1, p + 1, path, &memo)
            case .set(let negated, let items):
                result = p < path.count && path[p] != "/"
                    && items.contains { $0.contains(path[p]) } != negated
                    && match(t + 1, p + 1, path, &memo)
            case .star:
                var end = p
                var found = match(t + 1, end, path, &memo)
                while !found, end < path.count, path[end] != "/" {
                    end += 1
                    found = match(t + 1, end, path, &memo)
                }
                result = found
            case .anything:
                result = (p...path.count).contains { match(t + 1, $0, path, &memo) }
            case .directories:
                result = match(t + 1, p, path, &memo)
                    || (p..<path.count).contains { path[$0] == "/" && match(t + 1, $0 + 1, path, &memo) }
            }
        }
        memo[key] = result
        return result
    }

    private static func stripRoot(_ text: String) -> String {
        var rest = Substring(text)
        while true {
            if rest.hasPrefix("./") { rest = rest.dropFirst(2) } else if rest.hasPrefix("/") { rest = rest.dropFirst() } else { break }
        }
        return String(rest)
    }

    private static func tokenize(_ characters: [Character]) -> [Token] {
        var tokens: [Token] = []
        var i = 0
        while i < characters.count {
            let character = characters[i]
            switch character {
            case "\\" where i + 1 < characters.count:
                tokens.append(.literal(characters[i + 1]))
                i += 2
            case "?":
                tokens.append(.one)
                i += 1
            case "*":
                var end = i
                while end < characters.count, characters[end] == "*" { end += 1 }
                let startsSegment = i == 0 || characters[i - 1] == "/"
                if end - i >= 2, startsSegment, end < characters.count, characters[end] == "/" {
                    tokens.append(.directories)
                    end += 1
                } else {
                    tokens.append(end - i >= 2 ? .anything : .star)
                }
                i = end
            case "[":
                if let (set, next) = parseSet(characters, from: i) {
                    tokens.append(set)
                    i = next
                } else {
                    tokens.append(.literal("["))
                    i += 1
                }
            default:
                tokens.append(.literal(character))
                i += 1
            }
        }
        return tokens
    }

    /// Parses `[...]` starting at `start`; nil when it never closes.
    private static func parseSet(_ characters: [Character], from start: Int) -> (Token, Int)? {
        var i = start + 1
        var negated = false
        if i < characters.count, characters[i] == "!" || characters[i] == "^" {
            negated = true
            i += 1
        }
        var items: [ClosedRange<Character>] = []
        var first = true
        while i < characters.count {
            let character = characters[i]
            if character == "]", !first {
                return (.set(negated: negated, items: items), i + 1)
            }
            first = false
            if i + 2 < characters.count, characters[i + 1] == "-", characters[i + 2] != "]" {
                let upper = characters[i + 2]
                if character <= upper { items.append(character...upper) }
                i += 3
            } else {
                items.append(character...character)
                i += 1
            }
        }
        return nil
    }
}

extension Sequence where Element == Glob {
    /// Whether any of the patterns matches `path`.
    public func anyMatches(_ path: String) -> Bool {
        contains { $0.matches(path) }
    }
}
