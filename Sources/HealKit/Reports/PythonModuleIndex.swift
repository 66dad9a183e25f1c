import Foundation

/// The Python files of a repository by dotted module name, so pytest's dotted JUnit
/// `classname` (`tests.test_x.TestC`) can be turned back into a nodeid
/// (`tests/test_x.py::TestC`).
///
/// Every file is indexed under each dotted suffix of its path: pytest's rootdir (which nodeids
/// are relative to) may be a sub-folder of the repository (`backend/tests/test_x.py` is
/// `tests.test_x` when pytest ran in `backend/`). Folders with dots in their names work because
/// the index maps files to names, never names to guessed paths.
final class PythonModuleIndex: @unchecked Sendable {
    struct Module: Equatable {
        /// Repository-relative path of the file.
        var file: String
        /// The path as pytest's nodeid has it (relative to the rootdir it implies).
        var nodePath: String
    }

    private let root: String
    /// Built on first use: most reports never need it.
    private var modules: [String: [Module]]?
    private var resolved: [String: (module: Module, classes: [String])?] = [:]
    private let lock = NSLock()

    init(root: String) {
        self.root = root
    }

    private static func index(root: String) -> [String: [Module]] {
        var modules: [String: [Module]] = [:]
        for file in pythonFiles(under: root) {
            let parts = file.dropLast(3).split(separator: "/").map(String.init)
            for start in parts.indices {
                let key = parts[start...].joined(separator: ".")
                let nodePath = parts[start...].joined(separator: "/") + ".py"
                modules[key, default: []].append(Module(file: file, nodePath: nodePath))
            }
        }
        return modules
    }

    /// The module file a dotted classname starts with, and the class path after it; nil when
    /// no file matches, or several do equally well.
    func resolve(classname: String) -> (module: Module, classes: [String])? {
        lock.lock()
        defer { lock.unlock() }
        if let cached = resolved[classname] { return cached }
        let answer = lookUp(classname)
        resolved[classname] = answer
        return answer
    }

    /// A text file that pytest collected doctests from (`--doctest-glob`): xunit2 names the item
    /// `usage.rst` with classname `docs.usage.rst`, so the file is `docs/usage.rst` when it exists.
    func doctestFile(classname: String, name: String) -> String? {
        guard !name.hasSuffix(".py"), name.contains("."), classname == name || classname.hasSuffix("." + name) else {
            return nil
        }
        let folder = classname.dropLast(name.count).split(separator: ".").joined(separator: "/")
        let path = folder.isEmpty ? name : folder + "/" + name
        return FileManager.default.fileExists(atPath: root + "/" + path) ? path : nil
    }

    private func lookUp(_ classname: String) -> (module: Module, classes: [String])? {
        let modules = self.modules ?? Self.index(root: root)
        self.modules = modules
        let parts = classname.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        for length in stride(from: parts.count, through: 1, by: -1) {
            guard let candidates = modules[parts[..<length].joined(separator: ".")] else { continue }
            // The repository root as pytest's rootdir is the common case; otherwise the match
            // must be unique.
            let atRoot = candidates.filter { $0.file == $0.nodePath }
            let chosen = atRoot.count == 1 ? atRoot : candidates
            guard chosen.count == 1 else { return nil }
            return (chosen[0], Array(parts[length...]))
        }
        return nil
    }

    /// Repository-relative paths of `.py` files, skipping hidden folders, virtualenvs and
    /// installed packages, which are not the project's tests.
    private static func pythonFiles(under root: String) -> [String] {
        let rootURL = URL(fileURLWithPath: root).standardizedFileURL
        guard let enumerator = FileManager.default.enumerator(
            at: rootURL, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles]) else { return [] }
        let skipped: Set<String> = ["node_modules", "site-packages", "__pycache__", "dist-packages"]
        let rootPath = rootURL.path.hasSuffix("/") ? rootURL.path : rootURL.path + "/"
        var files: [String] = []
        for case let url as URL in enumerator {
            let name = url.lastPathComponent
            if (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true {
                if skipped.contains(name)
                    || FileManager.default.fileExists(atPath: url.appendingPathComponent("pyvenv.cfg").path) {
                    enumerator.skipDescendants()
                }
                continue
            }
            guard name.hasSuffix(".py") else { continue }
            let path = url.standardizedFileURL.path
            if path.hasPrefix(rootPath) { files.append(String(path.dropFirst(rootPath.count))) }
        }
        return files.sorted()
    }
}
