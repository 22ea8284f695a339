import Foundation
import HailuoPreview
import HailuoTestSupport
import Testing

@Suite struct ImageDecoderTests {
    // MARK: Round trips

    @Test func aPNGDecodesToItsSizeAndPixels() throws {
        let image = try ImageDecoder.decode(bytes: SyntheticImage.png(width: 7, height: 5))
        #expect(image.width == 7 && image.height == 5)
        #expect(TestPictures.pixel(image, 6, 0) == [255, 0, 0x80, 255])
        #expect(TestPictures.pixel(image, 0, 4) == [0, 255, 0x80, 255])
    }

    @Test func anRGBAPNGRoundTripsExactly() throws {
        let bytes = try #require(ImageEncoder.png(TestPictures.bars))
        #expect(try ImageDecoder.decode(bytes: bytes) == TestPictures.bars)
    }

    @Test func aGrayscalePNGDecodesToGreyRGBA() throws {
        let bytes = try #require(
            ImageEncoder.png(TestPictures.flat(width: 3, height: 2, [100, 100, 100, 255]), kind: .grayscale))
        #expect(bytes[25] == 0)  // IHDR colour type: greyscale
        let image = try ImageDecoder.decode(bytes: bytes)
        #expect(image.width == 3 && image.height == 2)
        #expect(TestPictures.pixel(image, 2, 1) == [100, 100, 100, 255])
    }

    @Test func aPalettePNGWithTransparencyKeepsItsAlpha() throws {
        var pixels: [UInt8] = []
        for index in 0..<8 { pixels += index % 2 == 0 ? [200, 30, 60, 255] : [10, 20, 30, 0] }
        let bytes = try #require(ImageEncoder.png(RGBAImage(width: 4, height: 2, pixels: pixels), kind: .palette))
        #expect(bytes[25] == 3)  // IHDR colour type: palette
        #expect(bytes.indices.contains { Array(bytes[$0..<min(bytes.count, $0 + 4)]) == Array("tRNS".utf8) })
        let image = try ImageDecoder.decode(bytes: bytes)
        #expect(TestPictures.pixel(image, 0, 0) == [200, 30, 60, 255])
        #expect(TestPictures.pixel(image, 1, 0)[3] == 0)
    }

    @Test func theSyntheticJPEGIsFlatGrey() throws {
        let image = try ImageDecoder.decode(bytes: SyntheticImage.jpegHeader(width: 20, height: 10))
        #expect(image.width == 20 && image.height == 10)
        #expect(TestPictures.pixel(image, 13, 7).prefix(3).allSatisfy { abs($0 - 128) <= 2 })
    }

    @Test(arguments: [false, true])
    func aColourJPEGKeepsItsColour(progressive: Bool) throws {
        let source = TestPictures.flat(width: 48, height: 24, [200, 40, 90, 255])
        let bytes = try #require(ImageEncoder.jpeg(source, quality: 95, progressive: progressive))
        if progressive {
            #expect(bytes.indices.contains { bytes[$0] == 0xFF && $0 + 1 < bytes.count && bytes[$0 + 1] == 0xC2 })
        }
        let image = try ImageDecoder.decode(bytes: bytes)
        #expect(image.width == 48 && image.height == 24)
        #expect(close(TestPictures.pixel(image, 30, 12), [200, 40, 90, 255]))
    }

    @Test func aGrayscaleJPEGDecodesToGreyRGBA() throws {
        let source = TestPictures.flat(width: 16, height: 16, [90, 90, 90, 255])
        let image = try ImageDecoder.decode(bytes: #require(ImageEncoder.jpeg(source, kind: .grayscale)))
        #expect(close(TestPictures.pixel(image, 8, 8), [90, 90, 90, 255]))
    }

    @Test func anAdobeCMYKJPEGDecodesToItsRGB() throws {
        let source = TestPictures.flat(width: 16, height: 16, [30, 160, 220, 255])
        let image = try ImageDecoder.decode(bytes: #require(ImageEncoder.jpeg(source, quality: 95, kind: .cmyk)))
        #expect(close(TestPictures.pixel(image, 8, 8), [30, 160, 220, 255]))
    }

    @Test func aBigJPEGIsDecodedAtTheSmallestScaleThatIsLargeEnough() throws {
        let bytes = try #require(ImageEncoder.jpeg(TestPictures.ramps(width: 640, height: 320)))
        let small = try ImageDecoder.decode(bytes: bytes, atLeast: (width: 100, height: 20))
        #expect(small.width == 160 && small.height == 80)  // 2/8: 1/8 would be 80 wide
        let full = try ImageDecoder.decode(bytes: bytes)
        #expect(full.width == 640 && full.height == 320)
        let tooBig = try ImageDecoder.decode(bytes: bytes, atLeast: (width: 5000, height: 1))
        #expect(tooBig.width == 640)
        let png = try ImageDecoder.decode(
            bytes: SyntheticImage.png(width: 64, height: 32), atLeast: (width: 8, height: 4))
        #expect(png.width == 64)  // PNG has no scaled decoding
    }

    // MARK: Refusals

    @Test func corruptBytesAreAReason() throws {
        var png = SyntheticImage.png(width: 8, height: 8)
        png[50] ^= 0xFF  // inside IDAT: the checksum no longer matches
        #expect(throws: PreviewError.self) { try ImageDecoder.decode(bytes: png) }

        var jpeg = SyntheticImage.jpegHeader(width: 16, height: 16)
        let sof = try #require(jpeg.indices.first { jpeg[$0] == 0xFF && jpeg[$0 + 1] == 0xC0 })
        jpeg[sof + 9] = 0  // no components
        let error = try #require(throws: PreviewError.self) { try ImageDecoder.decode(bytes: jpeg) }
        #expect(error.reason.hasPrefix("the JPEG is damaged"))

        let random = (0..<200).map { UInt8(truncatingIfNeeded: $0 &* 97 &+ 13) }
        #expect(reason(random) == "not a PNG or JPEG")
    }

    @Test func truncatedFilesAreAReasonWhereverTheyAreCut() throws {
        let png = try #require(ImageEncoder.png(TestPictures.ramps(width: 40, height: 30)))
        let jpeg = try #require(ImageEncoder.jpeg(TestPictures.ramps(width: 40, height: 30)))
        let progressive = try #require(ImageEncoder.jpeg(TestPictures.ramps(width: 40, height: 30), progressive: true))
        // Cuts before the end marker (IEND, 12 bytes; EOI, 2). A PNG missing only IEND still shows; a
        // JPEG missing only EOI does not (libjpeg reads past the last row, so it looks truncated too).
        for (bytes, name, marker) in [(png, "PNG", 12), (jpeg, "JPEG", 2), (progressive, "JPEG", 2)] {
            for fraction in [0.02, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99] {
                let cut = Array(bytes.prefix(Int(Double(bytes.count - marker) * fraction)))
                #expect(reason(cut) == "the \(name) is truncated", "cut at \(cut.count) of \(bytes.count)")
            }
            if name == "PNG" { #expect(reason(Array(bytes.dropLast(marker))) == nil) }
        }
    }

    @Test func emptyBytesAndEmptyFilesAreAReason() throws {
        #expect(reason([]) == "the file is empty")
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("empty.png", [])
        #expect(fileReason(path) == "the file is empty")
    }

    @Test func sizesOverTheLimitAreRefusedBeforeAnyPixelIsRead() throws {
        // Only the header: no pixel data at all, so a reason about the size proves nothing was decoded.
        let ihdr = [0, 0, 0x2E, 0xE0, 0, 0, 0x23, 0x28, 8, 2, 0, 0, 0] as [UInt8]  // 12000 x 9000
        let png = Array(SyntheticImage.png(width: 1, height: 1).prefix(8)) + SyntheticImage.pngChunk("IHDR", ihdr)
        #expect(reason(png) == "12000x9000 is over the 40 MP limit")
        let jpeg = Array(SyntheticImage.jpegHeader(width: 12_000, height: 9_000).prefix(300))
        #expect(reason(jpeg) == "12000x9000 is over the 40 MP limit")
        #expect(reason(SyntheticImage.png(width: 30, height: 20), limit: 500) == "30x20 is over the 500-pixel limit")
    }

    @Test(arguments: [
        ("GIF89a", "GIF is not previewed"), ("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ", "WebP is not previewed"),
        ("BM______", "BMP is not previewed"), ("\u{0}\u{0}\u{0}\u{1C}ftypheic", "HEIC is not previewed"),
        ("\u{0}\u{0}\u{0}\u{1C}ftypavif", "AVIF is not previewed"), ("hello, world", "not a PNG or JPEG"),
    ])
    func otherFormatsAreNamed(header: String, expected: String) {
        #expect(reason(Array(header.utf8) + [UInt8](repeating: 0, count: 32)) == expected)
    }

    @Test func filesThatCannotBeReadAreAReason() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(fileReason(folder.file("missing.png")) == "no such file")
        #expect(fileReason(folder.path) == "it is a folder")
        let big = folder.file("big.png")
        _ = FileManager.default.createFile(atPath: big, contents: Data(SyntheticImage.png(width: 1, height: 1)))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: big))
        try handle.truncate(atOffset: UInt64(ImageDecoder.maxFileBytes) + 1)  // sparse: nothing is written
        try handle.close()
        #expect(fileReason(big) == "the file is over 64 MB")
        let path = try folder.write("small.png", SyntheticImage.png(width: 3, height: 2))
        #expect(try ImageDecoder.decode(fileAt: path).width == 3)
    }

    // MARK: Helpers

    private func reason(_ bytes: [UInt8], limit: Int = ImageDecoder.defaultPixelLimit) -> String? {
        do {
            _ = try ImageDecoder.decode(bytes: bytes, pixelLimit: limit)
            return nil
        } catch {
            return error.reason
        }
    }

    private func fileReason(_ path: String) -> String? {
        do {
            _ = try ImageDecoder.decode(fileAt: path)
            return nil
        } catch {
            return error.reason
        }
    }

    /// Within JPEG's error of each other, channel by channel.
    private func close(_ got: [Int], _ want: [Int], tolerance: Int = 8) -> Bool {
        zip(got, want).allSatisfy { abs($0 - $1) <= tolerance }
    }
}
