/// Output resolution of a clip.
public enum Resolution: String, Sendable, Codable, CaseIterable {
    /// 1366x768, the provider's default.
    case p768 = "768P"
    /// 1920x1080; upstream allows it only for 6 s clips.
    case p1080 = "1080P"
}
