import Foundation

/// What a run that produced no verdict leaves for a human: the exact command and the last
/// lines the runner printed ("no tests to run", "test name does not match pattern"), so a
/// message never hides the runner's own words behind "could not run".
struct RunnerEvidence {
    /// The command as the shell ran it.
    var command: String
    /// The file the run's stdout and stderr went to.
    var log: String
    /// At most this many of the log's last lines are quoted.
    var lineLimit = 12

    /// `reason`, the command and the quoted end of the runner's output.
    func explain(_ reason: String) -> String {
        var text = "\(reason); command: \(command)"
        let tail = outputTail()
        text += tail.isEmpty ? "; it printed nothing" : "; it printed (last lines, full log \(log)):\n" + tail
        return text
    }

    /// The log's last lines, each indented, bounded in size.
    func outputTail() -> String {
        guard let handle = FileHandle(forReadingAtPath: log) else { return "" }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        try? handle.seek(toOffset: size > 4_096 ? size - 4_096 : 0)
        let data = (try? handle.readToEnd()) ?? Data()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        return lines.suffix(lineLimit).map { "    " + $0 }.joined(separator: "\n")
    }
}
