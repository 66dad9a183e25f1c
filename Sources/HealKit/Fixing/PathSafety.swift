/// Names a reviewer could misread, or that could change how a PR body renders: heal keeps none
/// of them in a fix it builds from an agent's files.
enum PathSafety {
    /// Unicode's bidirectional controls: they make a name display in another order than it is
    /// stored (`txt.exe` shown as `exe.txt`).
    static let bidiControls: Set<UInt32> = [0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
                                            0x2066, 0x2067, 0x2068, 0x2069]

    /// Why the path component `name` is unsafe, or nil when it is fine.
    static func problem(_ name: [UInt8]) -> String? {
        guard let text = String(validating: name, as: UTF8.self) else { return "its name is not valid UTF-8" }
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .control { return "its name holds a control character" }
            if scalar == "`" { return "its name holds a backtick" }
            if bidiControls.contains(scalar.value) { return "its name holds a bidirectional control character" }
        }
        return nil
    }

    /// Whether `name` is `.git` in any letter case.
    static func isGitDirectory(_ name: [UInt8]) -> Bool {
        name.count == 4 && String(decoding: name, as: UTF8.self).lowercased() == ".git"
    }
}
