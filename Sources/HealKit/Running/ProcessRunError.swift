/// A process that could not be started at all (as opposed to one that ran and failed).
public enum ProcessRunError: UserInputError, Equatable {
    /// No executable of this name on `PATH`, or the path does not exist or is not executable.
    case executableNotFound(executable: String, searchPath: String)
    /// The working directory does not exist or cannot be entered.
    case badWorkingDirectory(String)
    /// An output file could not be created.
    case cannotCreateOutputFile(path: String, reason: String)
    /// The operating system refused to start the process.
    case launchFailed(executable: String, reason: String)

    public var description: String {
        switch self {
        case .executableNotFound(let executable, let searchPath):
            "cannot run `\(executable)`: no such executable (searched PATH=\(searchPath)); "
                + "install it or give its full path in .heal.yml"
        case .badWorkingDirectory(let path):
            "cannot start a process in \(path): the directory does not exist or is not accessible"
        case .cannotCreateOutputFile(let path, let reason):
            "cannot create output file \(path): \(reason); check that its folder exists and is writable"
        case .launchFailed(let executable, let reason):
            "cannot start `\(executable)`: \(reason)"
        }
    }
}
