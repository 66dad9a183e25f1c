import Foundation
import TestSupport

/// A test double for the `gh` and `glab` CLIs (the real ones need a forge account and the
/// network): a shell script that records each call's arguments (one `[arg]` per argument, one
/// call per line) and its standard input, and answers list/create calls from a small state
/// directory the way the real client would.
struct FakeForgeCLITestDouble {
    let directory: String
    var executable: String { directory + "/fake-forge-cli" }

    init(existingIssues: String = "[]", existingPullRequests: String = "[]") throws {
        directory = try TempDir.make(prefix: "fake-forge")
        try existingIssues.write(toFile: directory + "/issues.json", atomically: true, encoding: .utf8)
        try existingPullRequests.write(toFile: directory + "/prs.json", atomically: true, encoding: .utf8)
        let script = #"""
            #!/bin/sh
            # Test double for gh/glab: records the call, answers like the real client.
            dir="$(dirname "$0")"
            for arg in "$@"; do printf '[%s]' "$arg" >> "$dir/calls.log"; done
            echo >> "$dir/calls.log"
            case "$1 $2" in
              "issue list") cat "$dir/issues.json" ;;
              "mr list"|"pr list") cat "$dir/prs.json" ;;
              "issue create")
                cat > "$dir/stdin"
                echo "Creating issue in o/r"
                echo "https://forge.invalid/o/r/issues/1" ;;
              "pr create"|"mr create")
                cat > "$dir/stdin"
                echo "https://forge.invalid/o/r/pull/9" ;;
              "issue edit"|"pr edit"|"issue update"|"mr update") cat > "$dir/stdin" ;;
              *) echo "unexpected call: $*" >&2; exit 1 ;;
            esac
            """#
        try script.write(toFile: executable, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: executable)
    }

    /// Every recorded call, oldest first.
    func calls() -> [String] {
        ((try? String(contentsOfFile: directory + "/calls.log", encoding: .utf8)) ?? "")
            .split(separator: "\n").map(String.init)
    }

    /// What the last call that read standard input received.
    func lastInput() -> String { (try? String(contentsOfFile: directory + "/stdin", encoding: .utf8)) ?? "" }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }
}
