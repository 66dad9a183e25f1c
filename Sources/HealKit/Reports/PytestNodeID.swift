/// Rebuilds pytest nodeids from what pytest's JUnit writer keeps of them.
///
/// pytest's JUnit writer mangles the nodeid `tests/test_x.py::TestC::test_a[1]` into
/// `classname="tests.test_x.TestC"` and `name="test_a[1]"` (plus, in the xunit1 family,
/// `file="tests/test_x.py"`). A collection error keeps only `name="tests.test_x"`.
struct PytestNodeID {
    /// The id split as the case store keeps it: everything before the name, and the name.
    struct Parts: Equatable {
        var prefix: String
        var name: String
        var file: String?
    }

    let modules: PythonModuleIndex?

    func parts(classname: String, name: String, file: String?) -> Parts {
        if let file, file.hasSuffix(".py") {
            // Byte by byte: Foundation's replacingOccurrences cost more than the rest of a case.
            let dotted = String(decoding: file.utf8.dropLast(3).map { $0 == UInt8(ascii: "/") ? UInt8(ascii: ".") : $0 },
                                as: UTF8.self)
            if classname == dotted || classname.hasPrefix(dotted + ".") {
                let classes = classname.dropFirst(dotted.count).split(separator: ".").map(String.init)
                let repositoryFile = modules?.resolve(classname: dotted)?.module.file ?? file
                return Parts(prefix: ([file] + classes).map { $0 + "::" }.joined(), name: name, file: repositoryFile)
            }
        }
        if classname.isEmpty {
            // A collection error: the name is the module's dotted path.
            if let found = modules?.resolve(classname: name), found.classes.isEmpty {
                return Parts(prefix: "", name: found.module.nodePath, file: found.module.file)
            }
            return Parts(prefix: "", name: name, file: file)
        }
        if let file = modules?.doctestFile(classname: classname, name: name) {
            // A text file's doctest item: its nodeid is `docs/usage.rst::usage.rst`.
            return Parts(prefix: file + "::", name: name, file: file)
        }
        if let found = modules?.resolve(classname: classname) {
            let prefix = ([found.module.nodePath] + found.classes).map { $0 + "::" }.joined()
            return Parts(prefix: prefix, name: name, file: found.module.file)
        }
        return Parts(prefix: classname + "::", name: name, file: file)
    }
}
