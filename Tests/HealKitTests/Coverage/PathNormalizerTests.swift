import Foundation
import HealKit
import Testing

@Suite("Coverage path normalization")
struct PathNormalizerTests {
    static let files: Set<String> = ["src/calc.py", "src/util/io.py", "main.go", "pkg/main.go"]
    static let paths = PathNormalizer(repositoryRoot: "/repo") { files.contains($0) }

    @Test("relative paths lose ./ and keep their place")
    func relative() {
        #expect(Self.paths.normalize("./src/calc.py") == "src/calc.py")
        #expect(Self.paths.normalize("src/./util/../calc.py") == "src/calc.py")
        #expect(Self.paths.normalize("src/deleted.py") == "src/deleted.py")
    }

    @Test("absolute paths under the root are cut to the part after it, even for files that are gone")
    func underRoot() {
        #expect(Self.paths.normalize("/repo/src/calc.py") == "src/calc.py")
        #expect(Self.paths.normalize("/repo/src/gone.py") == "src/gone.py")
        #expect(Self.paths.normalize("/repo") == nil)
        #expect(Self.paths.normalize("/repository/src/calc.py") == "src/calc.py")
    }

    @Test("another checkout's prefix is matched by the longest existing suffix")
    func foreignCheckout() {
        #expect(Self.paths.normalize("/home/runner/work/proj/proj/src/util/io.py") == "src/util/io.py")
        #expect(Self.paths.normalize("/build/pkg/main.go") == "pkg/main.go")
        #expect(Self.paths.normalize("/build/other/main.go") == "main.go")
        #expect(Self.paths.normalize("github.com/acme/proj/pkg/main.go") == "pkg/main.go")
        #expect(Self.paths.normalize("/usr/lib/python3/json/decoder.py") == nil)
        #expect(Self.paths.normalize("../outside/src/calc.py") == "src/calc.py")
    }

    @Test("Windows paths and file URLs are understood")
    func windowsAndURLs() {
        #expect(Self.paths.normalize("C:\\agent\\_work\\1\\s\\src\\calc.py") == "src/calc.py")
        #expect(Self.paths.normalize("file:///repo/src/calc.py") == "src/calc.py")
    }

    @Test("bases are tried first, and only count when they lead to a file")
    func bases() {
        #expect(Self.paths.normalize("util/io.py", bases: ["/ci/checkout/src"]) == "src/util/io.py")
        #expect(Self.paths.normalize("calc.py", bases: ["/nowhere", "src"]) == "src/calc.py")
    }

    @Test("a root reached through a symlink matches paths through the real directory")
    func symlinkedRoot() throws {
        let real = try CoverageFixtures.root(["src/calc.py": ""])
        let link = real + "-link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        defer { try? FileManager.default.removeItem(atPath: link) }
        let paths = PathNormalizer(repositoryRoot: link)
        #expect(paths.normalize(real + "/src/calc.py") == "src/calc.py")
        #expect(paths.normalize(link + "/src/new.py") == "src/new.py")
    }
}
