/// Expands `~` at the start of a path.
enum PathExpansion {
    /// `~` becomes `home` and `~/rest` becomes `home/rest`; anything else (including `~user`) is
    /// returned unchanged.
    static func expandTilde(_ path: String, home: String) -> String {
        if path == "~" { return home }
        guard path.hasPrefix("~/") else { return path }
        let trimmedHome = home.hasSuffix("/") && home.count > 1 ? String(home.dropLast()) : home
        return (trimmedHome == "/" ? "" : trimmedHome) + path.dropFirst()
    }
}
