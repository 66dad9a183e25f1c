/// Maps the file a stack frame names (a server path, a path relative to where the service
/// ran, a Java package path) to a file of the repository, or to nothing when the frame lies
/// outside it.
///
/// With `path-prefixes`, a path under one of them is cut to the rest and must then name a
/// repository file exactly. Otherwise heal picks the repository file with the longest
/// matching suffix, counted in whole path components, and accepts it only when the match is
/// telling: at least two components, or the whole of the repository path, or the whole of a
/// relative frame path. Under an installed-packages folder (`site-packages/`,
/// `node_modules/`, Go's module cache and standard library, gem folders) only the part after
/// that folder counts, and it must match whole — so a frame of `requests/models.py` never lands
/// on the repository's own `models.py`, while the project's own package installed into a
/// virtualenv still maps back to its source. Two repository files that match equally well
/// make the frame unmapped rather than a guess.
struct FramePathMapper: Sendable {
    private let files: Set<String>
    private let byName: [Substring: [[Substring]]]
    private let prefixes: [String]

    init(repositoryFiles: some Sequence<String>, pathPrefixes: [String] = []) {
        files = Set(repositoryFiles)
        var byName: [Substring: [[Substring]]] = [:]
        for file in files {
            let components = file.split(separator: "/")
            if let name = components.last { byName[name, default: []].append(components) }
        }
        self.byName = byName
        prefixes = pathPrefixes.map { $0.hasSuffix("/") ? $0 : $0 + "/" }.sorted { $0.count > $1.count }
    }

    /// The repository-relative path of `raw`, or nil.
    func map(_ raw: String) -> String? {
        var path = Self.clean(raw)
        guard !path.isEmpty, !path.hasPrefix("node:"), !path.hasPrefix("<") else { return nil }
        for prefix in prefixes where path.hasPrefix(prefix) {
            let rest = String(path.dropFirst(prefix.count))
            return files.contains(rest) ? rest : nil
        }
        var mustMatchWhole = !path.hasPrefix("/")
        if let cut = Self.installedPackagesCut(path) {
            path = String(path[cut...])
            mustMatchWhole = true
        }
        let components = path.split(separator: "/").filter { $0 != "." && $0 != ".." }
        guard let name = components.last, let candidates = byName[name] else { return nil }
        var best = 0
        var winners: [[Substring]] = []
        for candidate in candidates {
            let common = zip(components.reversed(), candidate.reversed()).prefix { $0 == $1 }.count
            if common > best {
                best = common
                winners = [candidate]
            } else if common == best {
                winners.append(candidate)
            }
        }
        guard winners.count == 1, let winner = winners.first else { return nil }
        let telling = mustMatchWhole ? best == components.count
            : best >= 2 || best == winner.count
        return telling ? winner.joined(separator: "/") : nil
    }

    /// Folders that hold installed third-party code (and language runtimes), and where the
    /// package's own path starts after them.
    static let installedPackageMarkers = [
        "/site-packages/", "/dist-packages/", "/node_modules/", "/pkg/mod/", "/go/src/", "/gems/", "/rubygems/",
        "/vendor/bundle/",
    ]

    /// The index just after the last installed-packages folder in `path`, also for a
    /// Python (`/lib/python3.12/`) or Ruby (`/lib/ruby/3.3.0/`) standard library.
    static func installedPackagesCut(_ path: String) -> String.Index? {
        var cut: String.Index?
        for marker in installedPackageMarkers {
            if let range = path.range(of: marker, options: .backwards), cut.map({ range.upperBound > $0 }) ?? true {
                cut = range.upperBound
            }
        }
        if cut == nil {
            for library in ["/lib/python", "/lib/ruby/"] {
                guard let range = path.range(of: library, options: .backwards),
                      let slash = path[range.upperBound...].firstIndex(of: "/") else { continue }
                cut = path.index(after: slash)
            }
        }
        return cut
    }

    private static func clean(_ raw: String) -> String {
        var path = raw.trimmingCharacters(in: .whitespaces)
        for scheme in ["file://", "webpack:///", "webpack://"] where path.hasPrefix(scheme) {
            path.removeFirst(scheme.count)
        }
        if path.contains("\\") { path = path.replacingOccurrences(of: "\\", with: "/") }
        let scalars = Array(path.unicodeScalars.prefix(3))
        if scalars.count == 3, scalars[0].properties.isAlphabetic, scalars[1] == ":", scalars[2] == "/" {
            path = String(path.dropFirst(2))
        }
        return path
    }
}
