/// The environment a boxed process gets: an allow-list of heal's own, nothing else — no tokens,
/// no keys, no cloud credentials, unless `sandbox.env` names them.
enum SandboxEnvironment {
    /// Passed through by name.
    static let names: Set<String> = ["PATH", "LANG", "LANGUAGE", "TERM", "TZ", "USER", "LOGNAME", "COLORTERM", "NO_COLOR"]
    /// Where toolchains live (paths, never secrets): passed through, and exposed when they lie in
    /// a hidden directory.
    static let toolchainNames: Set<String> = [
        "PYENV_ROOT", "PYENV_VERSION", "VIRTUAL_ENV", "CONDA_PREFIX", "GOPATH", "GOROOT", "GOMODCACHE",
        "JAVA_HOME", "CARGO_HOME", "RUSTUP_HOME", "RUSTUP_TOOLCHAIN", "NVM_DIR", "NVM_BIN", "VOLTA_HOME",
        "GEM_HOME", "GEM_PATH", "RBENV_ROOT", "ASDF_DIR", "ASDF_DATA_DIR", "SDKMAN_DIR",
    ]

    /// The variables of `environment` a boxed process gets: the allow-list, `LC_*`, `HEAL_*`
    /// and the names the user added.
    static func allowed(_ environment: [String: String], extra: [String]) -> [String: String] {
        let extra = Set(extra)
        return environment.filter { name, _ in
            names.contains(name) || toolchainNames.contains(name) || extra.contains(name)
                || name.hasPrefix("LC_") || name.hasPrefix("HEAL_")
        }
    }
}
