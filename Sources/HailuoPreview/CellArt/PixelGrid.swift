/// An image resampled to a small grid of opaque colours by area averaging, with transparent
/// pixels composited over a dark grey.
struct PixelGrid: Sendable {
    let width: Int
    let height: Int
    /// `width * height` colours, row by row.
    let colors: [RGB]

    /// What transparent pixels are shown over: a neutral dark grey.
    static let backdrop = RGB(red: 48, green: 48, blue: 48)

    /// `image` averaged into `width` x `height` cells (each takes the mean of the pixels it covers,
    /// or the nearest pixel when enlarging).
    init(_ image: RGBAImage, width: Int, height: Int) {
        precondition(width > 0 && height > 0 && image.width > 0 && image.height > 0, "a grid needs pixels")
        self.width = width
        self.height = height
        var colors = [RGB](repeating: Self.backdrop, count: width * height)
        let sourceWidth = image.width
        let sourceHeight = image.height
        let backdrop = Self.backdrop
        image.pixels.withUnsafeBufferPointer { pixels in
            for row in 0..<height {
                let top = row * sourceHeight / height
                let bottom = max(top + 1, (row + 1) * sourceHeight / height)
                for column in 0..<width {
                    let left = column * sourceWidth / width
                    let right = max(left + 1, (column + 1) * sourceWidth / width)
                    var red = 0
                    var green = 0
                    var blue = 0
                    var alpha = 0
                    for y in top..<bottom {
                        var offset = (y * sourceWidth + left) * 4
                        for _ in left..<right {
                            let a = Int(pixels[offset + 3])
                            red += Int(pixels[offset]) * a
                            green += Int(pixels[offset + 1]) * a
                            blue += Int(pixels[offset + 2]) * a
                            alpha += a
                            offset += 4
                        }
                    }
                    let full = 255 * (bottom - top) * (right - left)
                    let uncovered = full - alpha
                    func channel(_ sum: Int, _ back: UInt8) -> UInt8 {
                        UInt8((sum + Int(back) * uncovered + full / 2) / full)
                    }
                    colors[row * width + column] = RGB(
                        red: channel(red, backdrop.red), green: channel(green, backdrop.green),
                        blue: channel(blue, backdrop.blue))
                }
            }
        }
        self.colors = colors
    }

    subscript(x: Int, y: Int) -> RGB { colors[y * width + x] }

    /// The grid as opaque RGBA bytes (for libchafa).
    var rgbaBytes: [UInt8] {
        var bytes = [UInt8](repeating: 255, count: colors.count * 4)
        for (index, color) in colors.enumerated() {
            bytes[4 * index] = color.red
            bytes[4 * index + 1] = color.green
            bytes[4 * index + 2] = color.blue
        }
        return bytes
    }
}

/// An opaque 24-bit colour.
struct RGB: Sendable, Hashable {
    var red: UInt8
    var green: UInt8
    var blue: UInt8

    /// Perceived brightness, 0...255 (Rec. 601 weights).
    var luminance: Int { (Int(red) * 299 + Int(green) * 587 + Int(blue) * 114) / 1000 }
}
