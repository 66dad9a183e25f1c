import Foundation

/// Processes alive on this machine, found by their command line: how a test checks that
/// nothing an agent or a project command started outlived heal's run, whatever PID namespace
/// it ran in (a sandboxed process has another PID inside).
public enum LiveProcesses {
    /// The live processes (zombies left out) whose command line contains `fragment`.
    public static func matching(_ fragment: String) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { pid in
            guard pid != getpid(),
                  let raw = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline"),
                  String(decoding: raw.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self).contains(fragment),
                  let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return false }
            let state = stat[stat.index(close, offsetBy: 2)]
            return state != "Z" && state != "X"
        }
    }

    /// A command-line argument no other process has: a number of seconds for `sleep` that marks
    /// the processes of one test.
    public static func uniqueSleepSeconds() -> String {
        "9\(Int.random(in: 100_000...999_999))"
    }
}
