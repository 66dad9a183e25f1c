/// Names derived from test ids for branches and files.
enum Slug {
    /// Slugs longer than this are cut and get a hash of the whole text, so long ids stay distinct.
    static let maxLength = 60

    /// `text` reduced to ASCII letters, digits and single dashes, case kept
    /// (`tests/test_calc.py::test_add` → `tests-test-calc-py-test-add`);
    /// empty when nothing is left.
    static func dashed(_ text: String) -> String {
        var slug = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty && !slug.hasSuffix("-") {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug
    }

    /// The lowercase dashed slug of `text`, `fallback` when nothing is left, and when longer than
    /// `maxLength` cut with a hash of the whole text appended.
    static func bounded(_ text: String, fallback: String) -> String {
        var slug = dashed(text).lowercased()
        if slug.isEmpty { slug = fallback }
        guard slug.count > maxLength else { return slug }
        let hash = String(fnv1a64(text), radix: 16)
        return String(slug.prefix(maxLength - 9)) + "-" + String(hash.prefix(8))
    }

    /// FNV-1a, 64 bit: stable across processes and platforms, unlike `Hasher`.
    static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
