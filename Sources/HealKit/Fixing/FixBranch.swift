import GitKit

/// The fix branch of a regression: `heal/<test-slug>-<short-sha>`, one per (test, deploy commit),
/// so a second dispatch for the same regression finds and updates the same branch.
public enum FixBranch {
    /// Every branch heal writes starts with this; nothing else is ever pushed.
    public static let prefix = "heal/"
    /// Slugs longer than this are cut and get a hash of the whole id, so long ids stay distinct.
    static let maxSlugLength = 60

    /// The fix branch for `test` regressed by the deploy commit `deploy`.
    public static func name(test: String, deploy: ObjectID) -> String {
        prefix + slug(test) + "-" + deploy.short()
    }

    /// The test id reduced to lowercase ASCII letters, digits and single dashes
    /// (`tests/test_calc.py::test_add` → `tests-test-calc-py-test-add`).
    public static func slug(_ test: String) -> String {
        var slug = Slug.dashed(test).lowercased()
        if slug.isEmpty { slug = "test" }
        guard slug.count > maxSlugLength else { return slug }
        let hash = String(Slug.fnv1a64(test), radix: 16)
        return String(slug.prefix(maxSlugLength - 9)) + "-" + String(hash.prefix(8))
    }

    /// The branch as one file name (`heal/x-1a2b3c4` → `heal-x-1a2b3c4`), for staged PR bodies.
    public static func fileName(_ branch: String) -> String {
        branch.replacingOccurrences(of: "/", with: "-")
    }
}
