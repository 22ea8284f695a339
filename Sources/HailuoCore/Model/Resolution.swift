/// Output resolution of a clip, as hailuo names it. A model may spell it differently on the wire
/// (H3 Max wants `768p`): see ``VideoModel/wireName(_:)``.
public enum Resolution: String, Sendable, Codable, CaseIterable {
    /// 480 pixels on the short side (H3 Max).
    case p480 = "480P"
    /// 1366x768, the provider's default for the Hailuo models.
    case p768 = "768P"
    /// 1920x1080; upstream allows it only for 6 s clips.
    case p1080 = "1080P"
    /// H3's native 2K.
    case k2 = "2K"

    /// The resolution `text` names, in any letter case (`768p`, `2k`); `nil` when none does.
    public init?(named text: String) {
        self.init(rawValue: text.trimmingCharacters(in: .whitespaces).uppercased())
    }
}
