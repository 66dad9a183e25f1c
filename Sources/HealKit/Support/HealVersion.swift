/// heal's version: what `heal --version` prints, and what the GitHub Action caches its build
/// by (`action.yml` reads this line). Raise it with every release.
public enum HealVersion {
    public static let current = "0.2.0"
}
