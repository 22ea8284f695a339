import Foundation
import HailuoPreview
import HailuoSimulator
import TUIKit

/// Figure 9: a picture preview — the time to decode a 1920x1080 JPEG and draw it as 40x12 cell
/// art (the call the screen makes off its UI thread), and the bytes that picture costs the
/// terminal, for the built-in renderer and libchafa when it is installed.
enum PreviewFigures {
    static let box = Size(width: 40, height: 12)
    static let group = "9 preview"

    static func measure(_ options: BenchOptions) throws -> [Figure] {
        guard let jpeg = ImageEncoder.jpeg(photo(width: 1920, height: 1080), quality: 85) else {
            throw BenchFailure("could not encode the 1920x1080 JPEG")
        }
        let rounds = options.short ? 2 : 20
        var renderers: [(CellArtRenderer, String)] = [(.builtIn, "built-in")]
        if CellArt.isChafaAvailable { renderers.append((.automatic, "libchafa")) }
        var figures: [Figure] = []
        for (renderer, name) in renderers {
            var art = CellPicture(size: Size(width: 0, height: 0), cells: [])
            var times: [Double] = []
            for _ in 0..<rounds {
                let clock = ContinuousClock()
                let start = clock.now
                art = try preview(jpeg, renderer: renderer)
                let elapsed = start.duration(to: clock.now).components
                times.append(Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18)
            }
            figures.append(
                Figure(
                    group: group, name: "decode 1920x1080 JPEG + \(art.size.width)x\(art.size.height) art (\(name))",
                    value: TerminalFormat.millis(TerminalFormat.median(times))))
            let image = try ImageDecoder.decode(
                bytes: jpeg, atLeast: CellArt.pixelsNeeded(for: box, renderer: renderer))
            for depth in [ColorDepth.palette256, .trueColor] {
                let picture = CellArt.render(image, fitting: box, depth: depth, symbols: .unicode, renderer: renderer)
                let bytes = picture.terminalBytes(depth: depth)
                figures.append(
                    Figure(
                        group: group,
                        name: "terminal bytes of that picture drawn in \(depth.rawValue) colours (\(name))",
                        value: TerminalFormat.grouped(bytes) + " B", goal: "≤ 8 KB", met: bytes <= 8 * 1024))
            }
        }
        figures += try stripFigures(options)
        return figures
    }

    /// The details pane's strip for the simulator's 3 s clip: three frames through ffmpeg (the
    /// first time, then from the PNGs cached beside the video), decoded and drawn as 16x5 art.
    private static func stripFigures(_ options: BenchOptions) throws -> [Figure] {
        guard ClipReader.isAvailable else {
            return [Figure(group: group, name: "clip strip", value: "skipped: ffmpeg is not installed")]
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hailuo-bench-strip-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let frameBox = Size(width: 16, height: 5)
        var first: Double = 0
        var cached: [Double] = []
        for round in 0..<(options.short ? 2 : 6) {
            // A fresh copy each round for the cold figure would re-run ffmpeg; the first round is cold.
            let video = folder.appendingPathComponent("clip.mp4").path
            if round == 0 { try Data(SampleVideo.bytes).write(to: URL(fileURLWithPath: video)) }
            let clock = ContinuousClock()
            let start = clock.now
            let paths = try ClipReader.stripFrames(video: video, count: 3)
            for path in paths {
                let image = try ImageDecoder.decode(fileAt: path, atLeast: CellArt.pixelsNeeded(for: frameBox))
                _ = CellArt.render(image, fitting: frameBox, depth: .palette256, symbols: .unicode)
            }
            let elapsed = start.duration(to: clock.now).components
            let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
            if round == 0 { first = seconds } else { cached.append(seconds) }
        }
        return [
            Figure(
                group: group, name: "clip strip, 3 frames of the 3 s 640x360 clip: ffmpeg + decode + art (first time)",
                value: TerminalFormat.millis(first)),
            Figure(
                group: group, name: "the same strip again, from the PNGs cached beside the video",
                value: TerminalFormat.millis(TerminalFormat.median(cached))),
        ]
    }

    /// Decode at the scale the renderer needs, then draw.
    private static func preview(_ jpeg: [UInt8], renderer: CellArtRenderer) throws -> CellPicture {
        let image = try ImageDecoder.decode(bytes: jpeg, atLeast: CellArt.pixelsNeeded(for: box, renderer: renderer))
        return CellArt.render(image, fitting: box, depth: .trueColor, symbols: .unicode, renderer: renderer)
    }

    /// Something like a photo: smooth colour ramps under soft stripes and a bright disc.
    static func photo(width: Int, height: Int) -> RGBAImage {
        var pixels = [UInt8](repeating: 255, count: width * height * 4)
        for y in 0..<height {
            for x in 0..<width {
                let offset = (y * width + x) * 4
                let dx = Double(x - width / 3)
                let dy = Double(y - height / 2)
                let disc = max(0, 1 - (dx * dx + dy * dy).squareRoot() / Double(height / 3))
                let stripe = (sin(Double(x + y) / 40) + 1) * 30
                pixels[offset] = UInt8(min(255, Double(x * 200 / width) + disc * 55))
                pixels[offset + 1] = UInt8(min(255, Double(y * 160 / height) + stripe + disc * 35))
                pixels[offset + 2] = UInt8(min(255, 90 + stripe + disc * 100))
            }
        }
        return RGBAImage(width: width, height: height, pixels: pixels)
    }
}
