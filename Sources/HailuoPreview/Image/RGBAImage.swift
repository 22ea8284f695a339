/// Decoded pixels: 8-bit RGBA, row by row, no padding.
public struct RGBAImage: Sendable, Hashable {
    public let width: Int
    public let height: Int
    /// `width * height * 4` bytes.
    public let pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height * 4, "RGBA needs width * height * 4 bytes")
        self.width = width
        self.height = height
        self.pixels = pixels
    }
}
