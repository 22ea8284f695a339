/// An image format the provider accepts.
public enum ImageFormat: String, Sendable, Codable, Hashable, CaseIterable {
    /// PNG (signature `89 50 4E 47 0D 0A 1A 0A`).
    case png
    /// JPEG (starts `FF D8 FF`).
    case jpeg

    /// The true MIME type, used in the data URL.
    public var mimeType: String {
        switch self {
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        }
    }

    /// The name shown to people (`PNG`, `JPEG`).
    public var displayName: String {
        switch self {
        case .png: "PNG"
        case .jpeg: "JPEG"
        }
    }
}
