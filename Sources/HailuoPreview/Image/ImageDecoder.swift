import CImageDecoding

/// Decodes PNG and JPEG files into RGBA with libpng and libjpeg-turbo (in C, `CImageDecoding`).
public enum ImageDecoder {
    /// The largest image decoded, in pixels (larger ones are refused before decoding).
    public static let defaultPixelLimit = 40_000_000

    /// The largest file read, in bytes (64 MB).
    public static let maxFileBytes = 64 << 20

    /// Decodes the image at `path`, scaled down while decoding where the format allows (JPEG's
    /// DCT scaling) so that it is no smaller than `atLeast` pixels on each side when given.
    public static func decode(
        fileAt path: String, atLeast: (width: Int, height: Int)? = nil, pixelLimit: Int = defaultPixelLimit
    ) throws(PreviewError) -> RGBAImage {
        let bytes = try FileBytes.contents(of: path, maxBytes: maxFileBytes)
        return try decode(bytes: bytes, atLeast: atLeast, pixelLimit: pixelLimit)
    }

    /// Decodes PNG or JPEG bytes.
    public static func decode(
        bytes: [UInt8], atLeast: (width: Int, height: Int)? = nil, pixelLimit: Int = defaultPixelLimit
    ) throws(PreviewError) -> RGBAImage {
        let format = try ImageFormat.sniff(bytes)
        let limit = Int64(max(0, pixelLimit))
        let minWidth = Int32(clamping: atLeast?.width ?? 0)
        let minHeight = Int32(clamping: atLeast?.height ?? 0)
        var result = hailuo_decoded_image()
        let status = bytes.withUnsafeBufferPointer { buffer in
            switch format {
            case .png: hailuo_decode_png(buffer.baseAddress, buffer.count, limit, &result)
            case .jpeg: hailuo_decode_jpeg(buffer.baseAddress, buffer.count, minWidth, minHeight, limit, &result)
            }
        }
        defer { hailuo_image_free(result.pixels) }
        guard status == 0, let pixels = result.pixels, result.width > 0, result.height > 0 else {
            throw PreviewError(reason(of: &result))
        }
        let width = Int(result.width)
        let height = Int(result.height)
        return RGBAImage(
            width: width, height: height, pixels: Array(UnsafeBufferPointer(start: pixels, count: width * height * 4)))
    }

    /// The C side's reason, or a generic one.
    private static func reason(of result: inout hailuo_decoded_image) -> String {
        let text = withUnsafeBytes(of: &result.error) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        return text.isEmpty ? "the picture could not be decoded" : text
    }
}
