import Foundation
import GitKit
import Mustache

/// Loads heal's Mustache templates by name and renders them as plain text.
///
/// A repository can override any template by committing `.heal/templates/<name>.mustache`;
/// the override is read from a commit's tree (the deploy heal works on), never from the working
/// checkout, where anything that ran there — an agent without a sandbox, a test — could have
/// left one. Otherwise the default embedded in the binary is used, so a `heal` binary copied on
/// its own still has every template. `templates/` in heal's source tree is the readable copy of
/// the defaults.
///
/// Everything heal renders is Markdown or plain text, never HTML, so `{{x}}` is not HTML-escaped:
/// a diff renders with its `<` and `&` intact. A template can still opt back into escaping with
/// `{{% CONTENT_TYPE: HTML}}`.
public struct TemplateLibrary: Sendable {
    /// Where repository overrides live, relative to the repository root.
    public static let overrideDirectory = ".heal/templates"

    /// The repository whose committed `.heal/templates/` may override defaults; nil for
    /// defaults only.
    public let repositoryPath: String?
    /// The commit whose tree holds the overrides.
    public let revision: String
    /// The embedded defaults by name.
    public let defaults: [String: String]

    /// - Parameters:
    ///   - repositoryPath: any path inside the repository to read overrides from, or nil.
    ///   - revision: the commit whose tree holds them (the deploy heal works on).
    ///   - defaults: the templates to fall back on, by name.
    public init(repositoryPath: String?, revision: String = "HEAD", defaults: [String: String] = DefaultTemplates.all) {
        self.repositoryPath = repositoryPath
        self.revision = revision
        self.defaults = defaults
    }

    /// The template text for `name` and where it came from: the committed override when the
    /// revision has one, else the embedded default.
    public func source(name: String) throws(TemplateError) -> TemplateSource {
        if let origin = overridePath(name: name), let repositoryPath,
           let data = try? Repository(discovering: repositoryPath).blob(at: revision, path: Self.overrideDirectory + "/" + name + ".mustache") {
            guard let text = String(data: data, encoding: .utf8) else {
                throw TemplateError(name: name, file: origin, line: nil, column: nil,
                                    problem: "the file is not valid UTF-8",
                                    fix: "commit it as UTF-8, or delete it to use the default template")
            }
            return TemplateSource(name: name, text: text, overridePath: origin)
        }
        guard let text = defaults[name] else {
            let known = defaults.keys.sorted().joined(separator: ", ")
            throw TemplateError(name: name, file: nil, line: nil, column: nil,
                                problem: "there is no template with this name",
                                fix: "use one of: \(known)")
        }
        return TemplateSource(name: name, text: text, overridePath: nil)
    }

    /// Renders the template `name` with `context` (a struct, a `[String: Any]`, or anything
    /// swift-mustache can read by reflection).
    public func render(name: String, context: Any) throws(TemplateError) -> String {
        let source = try source(name: name)
        return try Self.compile(source).render(context)
    }

    /// Where the override for `name` would be, as `<revision>:<path>`, if there is a repository.
    public func overridePath(name: String) -> String? {
        guard repositoryPath != nil else { return nil }
        return revision + ":" + Self.overrideDirectory + "/" + name + ".mustache"
    }

    /// The line put in front of every template so variables are not HTML-escaped. It stands
    /// alone on its line, so Mustache drops it whole and the template's own first line keeps its
    /// standalone-tag whitespace rules.
    private static let textPragma = "{{% CONTENT_TYPE: TEXT}}\n"

    private static func compile(_ source: TemplateSource) throws(TemplateError) -> MustacheTemplate {
        do {
            return try MustacheTemplate(string: textPragma + source.text)
        } catch let error as MustacheTemplate.ParserError {
            // The pragma line shifts every line by one; report lines of the user's text.
            let line = max(error.context.lineNumber - 1, 1)
            throw TemplateError(name: source.name, file: source.origin, line: line, column: error.context.columnNumber,
                                problem: "invalid Mustache: \(Self.describe(error.error)) near `\(error.context.line)`",
                                fix: "correct the tag; see https://mustache.github.io/mustache.5.html")
        } catch {
            throw TemplateError(name: source.name, file: source.origin, line: nil, column: nil,
                                problem: "invalid Mustache: \(error)",
                                fix: "correct the template; see https://mustache.github.io/mustache.5.html")
        }
    }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with a different name than it was opened with"
        case .unfinishedName: return "a tag is not closed"
        case .expectedSectionEnd: return "a section is never closed"
        case .invalidSetDelimiter: return "a set-delimiter tag is malformed"
        case .transformAppliedToInheritanceSection: return "a transform is applied to an inheritance section"
        case .illegalTokenInsideInheritSection: return "an inheritance section contains an illegal tag"
        case .textInsideInheritSection: return "an inheritance section contains text"
        case .invalidConfigVariableSyntax: return "a `{{% … }}` pragma is malformed"
        case .unrecognisedConfigVariable: return "a `{{% … }}` pragma names an unknown setting"
        }
    }
}

/// A template's text and origin.
public struct TemplateSource: Sendable, Equatable {
    /// The template's name (`pr-body`).
    public var name: String
    /// The Mustache text.
    public var text: String
    /// The repository override's path, or nil for the embedded default.
    public var overridePath: String?

    /// Where the text came from, for messages: the override's path or `built-in <name>`.
    public var origin: String { overridePath ?? "built-in template \(name)" }
}

/// A template that cannot be found, read or parsed. Says which file, where, and how to fix it.
public struct TemplateError: UserInputError, Equatable {
    public var name: String
    /// The override file, or nil when the problem is with the name itself.
    public var file: String?
    public var line: Int?
    public var column: Int?
    public var problem: String
    public var fix: String

    public var description: String {
        var location = file ?? "template \(name)"
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return "\(location): template \(name): \(problem). \(fix)."
    }
}
