/// A create request ready to POST: the path for the endpoint family and the exact JSON body.
public struct PreparedRequest: Sendable, Equatable {
    /// The endpoint family the body was written for.
    public var family: EndpointFamily
    /// The POST path (``EndpointFamily/generationPath``).
    public var path: String
    /// The JSON body, byte for byte as it is sent. It may hold base64 image data: never log it;
    /// use ``RequestBuilder/describe(_:)`` instead.
    public var body: [UInt8]
    /// What was sent as the first frame, if anything.
    public var firstFrame: PreparedImage?
    /// What was sent as the last frame, if anything.
    public var lastFrame: PreparedImage?

    /// Creates a prepared request.
    public init(
        family: EndpointFamily, path: String, body: [UInt8], firstFrame: PreparedImage? = nil,
        lastFrame: PreparedImage? = nil
    ) {
        self.family = family
        self.path = path
        self.body = body
        self.firstFrame = firstFrame
        self.lastFrame = lastFrame
    }
}
