import CImageDecoding

/// Real PNG and JPEG files made in memory from pixels, through libpng and libjpeg-turbo: for
/// tests, fuzzing and benchmarks (colour, grayscale, CMYK and progressive JPEGs; grayscale and
/// palette PNGs), so no fixture files are needed.
public enum ImageEncoder {
    /// How a JPEG stores its colours.
    public enum JPEGKind: Sendable, Hashable {
        case color
        case grayscale
        /// Adobe-style inverted CMYK (no black ink).
        case cmyk
    }

    /// How a PNG stores its colours.
    public enum PNGKind: Sendable, Hashable {
        case rgba
        case grayscale
        /// A palette with transparency (tRNS); the picture must have at most 256 colours.
        case palette
    }

    /// `image` as a JPEG (alpha ignored), or nil when it cannot be encoded (empty, over 65500 px).
    public static func jpeg(
        _ image: RGBAImage, quality: Int = 90, progressive: Bool = false, kind: JPEGKind = .color
    ) -> [UInt8]? {
        let cKind: hailuo_jpeg_kind =
            switch kind {
            case .color: HAILUO_JPEG_COLOR
            case .grayscale: HAILUO_JPEG_GRAYSCALE
            case .cmyk: HAILUO_JPEG_CMYK
            }
        return encode { bytes, size in
            image.pixels.withUnsafeBufferPointer {
                hailuo_encode_jpeg(
                    $0.baseAddress, Int32(clamping: image.width), Int32(clamping: image.height),
                    Int32(min(max(quality, 1), 100)), progressive ? 1 : 0, cKind, bytes, size)
            }
        }
    }

    /// `image` as a PNG, or nil when it cannot be encoded (empty, too many colours for a palette).
    public static func png(_ image: RGBAImage, kind: PNGKind = .rgba) -> [UInt8]? {
        let cKind: hailuo_png_kind =
            switch kind {
            case .rgba: HAILUO_PNG_RGBA
            case .grayscale: HAILUO_PNG_GRAY
            case .palette: HAILUO_PNG_PALETTE
            }
        return encode { bytes, size in
            image.pixels.withUnsafeBufferPointer {
                hailuo_encode_png(
                    $0.baseAddress, Int32(clamping: image.width), Int32(clamping: image.height), cKind, bytes, size)
            }
        }
    }

    private static func encode(
        _ body: (UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>, UnsafeMutablePointer<Int>) -> Int32
    ) -> [UInt8]? {
        var bytes: UnsafeMutablePointer<UInt8>? = nil
        var size = 0
        let status = body(&bytes, &size)
        defer { hailuo_image_free(bytes) }
        guard status == 0, let bytes else { return nil }
        return Array(UnsafeBufferPointer(start: bytes, count: size))
    }
}
