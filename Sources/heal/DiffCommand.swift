import ArgumentParser
import Foundation
import GitKit
import HealKit

struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show the changes between two commits, straight from the repository.",
        discussion: "Reads like `git diff --stat` plus hunk headers; --json prints the contract shape.")

    @Argument(help: "The pre-deploy revision.") var before: String
    @Argument(help: "The deploy revision.") var after: String
    @Flag(help: "Print JSON: {before, after, files: [{path, oldPath, status, binary, hunks}]}.") var json = false
    @Option(help: "Lines of context around each change.") var context: Int = 3
    @Flag(name: .customLong("no-renames"), help: "Don't pair deleted and added files into renames.") var noRenames = false
    @Option(name: .customLong("repo"), help: "A path inside the repository (default: the current directory).") var repo: String = "."
    @Argument(parsing: .postTerminator, help: "Only these pathspecs.") var paths: [String] = []

    func run() async throws {
        try await runReportingErrors {
            guard context >= 0 else { throw ValidationError("--context must be 0 or more, got \(context)") }
            let repository = try Repository(discovering: repo)
            let options = DiffOptions(contextLines: context, detectRenames: !noRenames, paths: paths, includeLines: !json)
            let diff = try repository.diff(from: before, to: after, options: options)
            if json {
                FileHandle.standardOutput.write(DiffJSONWriter.compact(DiffJSON(diff)))
            } else {
                print(DiffSummary.render(diff), terminator: "")
            }
            return .success
        }
    }
}

/// Writes `heal diff --json` by hand: on a large range JSONEncoder took longer than the diff's
/// own output stage in git. The output is compact with keys in sorted order — the same bytes
/// `JSONEncoder` writes with `.sortedKeys` and `.withoutEscapingSlashes`.
enum DiffJSONWriter {
    static func compact(_ value: DiffJSON) -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(128 + value.files.count * 160)
        out += Array("{\"after\":".utf8)
        string(value.after, into: &out)
        out += Array(",\"before\":".utf8)
        string(value.before, into: &out)
        out += Array(",\"files\":[".utf8)
        for (index, file) in value.files.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out += Array("{\"binary\":".utf8)
            out += Array((file.binary ? "true" : "false").utf8)
            out += Array(",\"hunks\":[".utf8)
            for (hunkIndex, hunk) in file.hunks.enumerated() {
                if hunkIndex > 0 { out.append(UInt8(ascii: ",")) }
                out += Array("{\"newLines\":\(hunk.newLines),\"newStart\":\(hunk.newStart),\"oldLines\":\(hunk.oldLines),\"oldStart\":\(hunk.oldStart)}".utf8)
            }
            out += Array("],\"oldPath\":".utf8)
            if let oldPath = file.oldPath { string(oldPath, into: &out) } else { out += Array("null".utf8) }
            out += Array(",\"path\":".utf8)
            string(file.path, into: &out)
            out += Array(",\"status\":".utf8)
            string(file.status.rawValue, into: &out)
            out.append(UInt8(ascii: "}"))
        }
        out += Array("]}\n".utf8)
        return Data(out)
    }

    /// A JSON string literal with the escapes JSONEncoder uses.
    static func string(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x08: out += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C: out += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0..<0x20: out += Array(String(format: "\\u%04x", byte).utf8)
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
