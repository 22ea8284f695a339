import HailuoPreview
import HailuoTestSupport
import TUIKit

/// Fuzzes picture previews: real PNG and JPEG files (RGBA, grayscale, palette; baseline,
/// progressive, grayscale, CMYK) mutated and truncated, decoded by ``ImageDecoder`` and drawn by
/// ``CellArt`` into a random box, depth and symbol set.
///
/// Invariants: no crash and no hang; a picture or a ``PreviewError`` with a reason; a decoded
/// image has positive sides within the pixel limit and `width * height * 4` bytes; cell art has
/// exactly the size ``CellArt/fittedSize(width:height:in:)`` asks for, fits the box, and every
/// cell is one column wide.
enum PictureFuzzer {
    /// Small so that a run stays fast even when a mutation makes the sides larger.
    static let pixelLimit = 1_000_000

    static func run(_ random: inout FuzzRandom) -> (message: String, input: String)? {
        let bytes = input(&random)
        if let message = check(bytes, &random) { return (message, FuzzText.hex(bytes)) }
        return nil
    }

    /// Valid pictures to start from (made once).
    static let seeds: [[UInt8]] = {
        var pixels: [UInt8] = []
        for y in 0..<12 {
            for x in 0..<20 { pixels += [UInt8(x * 12), UInt8(y * 20), UInt8((x + y) * 7), x == 3 ? 0 : 255] }
        }
        let image = RGBAImage(width: 20, height: 12, pixels: pixels)
        let twoColours = RGBAImage(
            width: 6, height: 4,
            pixels: Array((0..<24).map { $0 % 3 == 0 ? [9, 9, 200, 0] : [250, 250, 0, 255] }.joined()))
        let made: [[UInt8]?] = [
            ImageEncoder.png(image), ImageEncoder.png(image, kind: .grayscale),
            ImageEncoder.png(twoColours, kind: .palette),
            ImageEncoder.jpeg(image), ImageEncoder.jpeg(image, progressive: true),
            ImageEncoder.jpeg(image, kind: .grayscale), ImageEncoder.jpeg(image, quality: 70, kind: .cmyk),
        ]
        return made.compactMap { $0 } + [
            SyntheticImage.png(width: 9, height: 5), SyntheticImage.jpegHeader(width: 64, height: 40),
        ]
    }()

    static func input(_ random: inout FuzzRandom) -> [UInt8] {
        var bytes = random.pick(seeds)
        switch random.below(4) {
        case 0: bytes = Array(bytes.prefix(random.below(bytes.count + 1)))  // truncated only
        case 1: ByteMutator.mutate(&bytes, &random, maxSteps: 3)
        case 2:
            ByteMutator.mutate(&bytes, &random, maxSteps: 8)
            if random.oneIn(2) { bytes = Array(bytes.prefix(random.below(bytes.count + 1))) }
        default: break  // intact: the render side gets valid pictures too
        }
        return bytes
    }

    /// Decodes and draws `bytes`; returns the first broken invariant.
    static func check(_ bytes: [UInt8], _ random: inout FuzzRandom) -> String? {
        let atLeast = random.oneIn(2) ? (width: random.int(in: 1...80), height: random.int(in: 1...50)) : nil
        let image: RGBAImage
        do {
            image = try ImageDecoder.decode(bytes: bytes, atLeast: atLeast, pixelLimit: pixelLimit)
        } catch {
            return error.reason.isEmpty ? "a refusal without a reason" : nil
        }
        if image.width <= 0 || image.height <= 0 { return "decoded a \(image.width)x\(image.height) picture" }
        if image.width * image.height > pixelLimit { return "decoded \(image.width)x\(image.height), over the limit" }
        if image.pixels.count != image.width * image.height * 4 { return "\(image.pixels.count) bytes of pixels" }

        let box = Size(width: random.int(in: 0...60), height: random.int(in: 0...20))
        let depth = random.pick(ColorDepth.allCases)
        let symbols = random.pick([CellArtSymbols.unicode, .ascii])
        let renderer = random.pick(CellArtRenderer.allCases)
        let picture = CellArt.render(image, fitting: box, depth: depth, symbols: symbols, renderer: renderer)
        let asked = CellArt.fittedSize(width: image.width, height: image.height, in: box)
        let what = "\(image.width)x\(image.height) in \(box.width)x\(box.height) (\(depth), \(symbols), \(renderer))"
        if picture.size != asked { return "drew \(picture.size.width)x\(picture.size.height) for \(what)" }
        if picture.size.width > box.width || picture.size.height > box.height { return "drew past the box: \(what)" }
        if picture.cells.count != asked.width * asked.height { return "\(picture.cells.count) cells for \(what)" }
        if let wide = picture.cells.first(where: { DisplayWidth.of($0.text) != 1 }) {
            return "a cell \(wide.text.unicodeScalars.map(\.value)) is not one column: \(what)"
        }
        return nil
    }
}
