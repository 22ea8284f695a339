import HailuoPreview
import TUIKit

/// Pictures built in code, so the snapshots depend on nothing but the renderers.
enum TestPictures {
    /// 32x16: the left half a gradient (red across, green down, blue 64), the right half four
    /// bars (white, red, green, blue) with a transparent 4x4 corner at the bottom right.
    static let bars: RGBAImage = {
        var pixels: [UInt8] = []
        let barColors: [[UInt8]] = [[255, 255, 255], [255, 0, 0], [0, 255, 0], [0, 0, 255]]
        for y in 0..<16 {
            for x in 0..<32 {
                if x < 16 {
                    pixels += [UInt8(x * 17), UInt8(y * 17), 64, 255]
                } else {
                    let transparent = x >= 28 && y >= 12
                    pixels += barColors[(x - 16) / 4] + [transparent ? 0 : 255]
                }
            }
        }
        return RGBAImage(width: 32, height: 16, pixels: pixels)
    }()

    /// `width` x `height` of one colour.
    static func flat(width: Int, height: Int, _ rgba: [UInt8]) -> RGBAImage {
        RGBAImage(width: width, height: height, pixels: Array((0..<(width * height)).map { _ in rgba }.joined()))
    }

    /// A smooth picture like a photo: diagonal colour ramps.
    static func ramps(width: Int, height: Int) -> RGBAImage {
        var pixels: [UInt8] = []
        pixels.reserveCapacity(width * height * 4)
        for y in 0..<height {
            for x in 0..<width {
                pixels += [UInt8(x * 255 / max(1, width - 1)), UInt8(y * 255 / max(1, height - 1)), 128, 255]
            }
        }
        return RGBAImage(width: width, height: height, pixels: pixels)
    }

    /// The RGBA of pixel (`x`, `y`).
    static func pixel(_ image: RGBAImage, _ x: Int, _ y: Int) -> [Int] {
        let offset = (y * image.width + x) * 4
        return image.pixels[offset..<offset + 4].map(Int.init)
    }
}
