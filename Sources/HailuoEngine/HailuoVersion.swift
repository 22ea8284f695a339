/// The version of hailuo, sent in `User-Agent` and printed by `--version`.
public enum HailuoVersion {
    public static let string = "0.1.0"
}
