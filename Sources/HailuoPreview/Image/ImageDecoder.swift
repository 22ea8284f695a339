/// Decodes PNG and JPEG files into RGBA with libpng and libjpeg-turbo (in C, `CImageDecoding`).
public enum ImageDecoder {
    /// The largest image decoded, in pixels (larger ones are refused before decoding).
    public static let defaultPixelLimit = 40_000_000

    /// Decodes the image at `path`, scaled down while decoding where the format allows (JPEG's
    /// DCT scaling) so that it is no smaller than `atLeast` pixels on each side when given.
    public static func decode(
        fileAt path: String, atLeast: (width: Int, height: Int)? = nil, pixelLimit: Int = defaultPixelLimit
    ) throws(PreviewError) -> RGBAImage {
        throw PreviewError("not built yet")
    }

    /// Decodes PNG or JPEG bytes.
    public static func decode(
        bytes: [UInt8], atLeast: (width: Int, height: Int)? = nil, pixelLimit: Int = defaultPixelLimit
    ) throws(PreviewError) -> RGBAImage {
        throw PreviewError("not built yet")
    }
}
