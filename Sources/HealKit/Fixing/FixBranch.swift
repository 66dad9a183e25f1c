import GitKit

/// The fix branch of a cause: `heal/<cause-slug>-<short-sha>`, the sha its culprit's (or, with no
/// single culprit, the last suspect's), so a second dispatch for the same cause — a retry, or a
/// later deploy whose range still holds the culprit — finds and updates the same branch.
public enum FixBranch {
    /// Every branch heal writes starts with this; nothing else is ever pushed.
    public static let prefix = "heal/"

    /// The fix branch for cause `cause` (its id, already a slug) broken by `culprit`.
    public static func name(cause: String, culprit: ObjectID) -> String {
        prefix + cause + "-" + culprit.short()
    }

    /// The test id reduced to lowercase ASCII letters, digits and single dashes
    /// (`tests/test_calc.py::test_add` → `tests-test-calc-py-test-add`).
    public static func slug(_ test: String) -> String {
        Slug.bounded(test, fallback: "test")
    }

    /// The branch as one file name (`heal/x-1a2b3c4` → `heal-x-1a2b3c4`), for staged PR bodies.
    public static func fileName(_ branch: String) -> String {
        branch.replacingOccurrences(of: "/", with: "-")
    }
}
