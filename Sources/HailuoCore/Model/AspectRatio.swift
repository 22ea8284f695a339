/// The `ratio` of a clip (H3, H3 Max). ``adaptive`` follows the first or last frame or a reference;
/// a text-only request cannot be adaptive.
public enum AspectRatio: String, Sendable, Codable, CaseIterable {
    /// Follows the images or references given.
    case adaptive
    case r21x9 = "21:9"
    case r16x9 = "16:9"
    case r4x3 = "4:3"
    case r1x1 = "1:1"
    case r3x4 = "3:4"
    case r9x16 = "9:16"

    /// The ratio `text` names (`16:9`, `adaptive`, any letter case); `nil` when none does.
    public init?(named text: String) {
        self.init(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
