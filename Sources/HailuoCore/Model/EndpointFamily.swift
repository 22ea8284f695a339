/// The two families of video endpoints the AI/ML API offers for MiniMax models.
///
/// Both answer polls with the same shape; they differ in paths and in some field names.
public enum EndpointFamily: String, Sendable, Codable, CaseIterable {
    /// `POST /v2/generate/video/minimax/generation` (the default).
    case vendor
    /// `POST /v2/video/generations` (newer; ids may carry a `:model` suffix).
    case unified

    /// The path that creates a generation and, with `?generation_id=`, reads it back.
    public var generationPath: String {
        switch self {
        case .vendor: "/v2/generate/video/minimax/generation"
        case .unified: "/v2/video/generations"
        }
    }
}
