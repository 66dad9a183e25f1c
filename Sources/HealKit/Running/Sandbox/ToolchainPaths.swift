/// Which parts of a hidden directory a boxed process still needs: the toolchains it runs.
///
/// Home is hidden, yet a toolchain often lives there (pyenv's Python, rustup, a user-installed
/// CLI) and is on `PATH`; a project's virtualenv may live in the checkout. So the directory
/// right below the hidden one that holds a `PATH` entry or a toolchain variable's path is
/// exposed read-only (`~/.pyenv` for `~/.pyenv/shims`; below `~/.local` one level deeper, so
/// `~/.local/share` stays hidden), plus the usual toolchain homes that tools find through
/// `HOME` rather than `PATH`. Nothing that is, holds or lies in a git directory is ever exposed.
enum ToolchainPaths {
    /// Toolchain homes found through `HOME`, exposed when they exist.
    static let knownInHome = [".rustup", ".cargo", ".pyenv", ".rbenv", ".nvm", ".volta", ".asdf", ".sdkman",
                              ".local/bin", ".local/lib", "go/pkg/mod"]
    /// Credentials kept inside exposed toolchain homes, blanked.
    static let credentialsInHome = [".cargo/credentials", ".cargo/credentials.toml"]

    /// The directories to expose for the `PATH` entries and toolchain variables in `paths`.
    static func roots(for paths: [String], hidden: [String], gitDirectories: [String]) -> [String] {
        var roots: Set<String> = []
        for path in paths where path.hasPrefix("/") {
            guard let base = hidden.filter({ Bubblewrap.isInside(path, $0) && path != $0 }).max(by: { $0.count < $1.count })
            else { continue }
            let rest = path.dropFirst(base.count + 1).split(separator: "/").map(String.init)
            guard let first = rest.first else { continue }
            let depth = first == ".local" && rest.count > 1 ? 2 : 1
            roots.insert(base + "/" + rest.prefix(depth).joined(separator: "/"))
        }
        return roots.filter { root in
            !gitDirectories.contains { Bubblewrap.isInside(root, $0) || Bubblewrap.isInside($0, root) }
        }.sorted()
    }
}
