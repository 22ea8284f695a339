import HailuoTestSupport
import Testing

@testable import HailuoCore

@Suite("Image headers read from bytes")
struct ImageHeaderTests {
    let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    func detail(_ error: ImageHeaderError?) -> String {
        switch error {
        case .truncated(_, let d)?, .malformed(_, let d)?, .readFailed(let d)?: d
        default: ""
        }
    }

    func ihdr(width: Int, height: Int) -> [UInt8] {
        func be(_ v: Int) -> [UInt8] {
            [UInt8(v >> 24 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)]
        }
        return SyntheticImage.pngChunk("IHDR", be(width) + be(height) + [8, 2, 0, 0, 0])
    }

    @Test func pngSizeComesFromIHDR() throws {
        #expect(
            try ImageHeader.parse(SyntheticImage.png(width: 640, height: 480))
                == ImageHeader(format: .png, width: 640, height: 480))
        // The 33 header bytes alone are enough: nothing after IHDR is read.
        #expect(
            try ImageHeader.parse(pngSignature + ihdr(width: 70000, height: 3))
                == ImageHeader(format: .png, width: 70000, height: 3))
    }

    @Test func jpegSizeComesFromTheFirstFrameHeader() throws {
        #expect(
            try ImageHeader.parse(SyntheticImage.jpegHeader(width: 1280, height: 720))
                == ImageHeader(format: .jpeg, width: 1280, height: 720))
        // Exif plus several comment segments before the SOF marker.
        let padded = SyntheticImage.jpegHeader(width: 800, height: 600, padTo: 300_000)
        #expect(padded.count == 300_000)
        #expect(try ImageHeader.parse(padded) == ImageHeader(format: .jpeg, width: 800, height: 600))
    }

    @Test func jpegWalkerHandlesFillBytesStandaloneMarkersAndNonFrameC4() throws {
        let sof2: [UInt8] = [0xFF, 0xC2, 0x00, 0x0B, 8, 0x01, 0x90, 0x02, 0x58, 1, 1, 0x11, 0]  // 600x400, progressive
        let dht: [UInt8] = [0xFF, 0xC4, 0x00, 0x04, 0x00, 0x00]  // C4 is DHT, not a frame
        let rst: [UInt8] = [0xFF, 0xD3]  // standalone, no length
        let bytes: [UInt8] = [0xFF, 0xD8] + dht + rst + [0xFF, 0xFF, 0xFF] + sof2 + [0xFF, 0xD9]
        #expect(try ImageHeader.parse(bytes) == ImageHeader(format: .jpeg, width: 600, height: 400))
    }

    @Test func truncatedHeadersAreReported() {
        let png = SyntheticImage.png(width: 400, height: 400)
        if case .truncated(.png, _)? = headerError(Array(png.prefix(20))) {} else { Issue.record("20-byte PNG") }
        if case .truncated(.png, _)? = headerError(Array(png.prefix(5))) {
        } else {
            Issue.record("5-byte PNG signature")
        }
        let jpeg = SyntheticImage.jpegHeader(width: 400, height: 400)
        if case .truncated(.jpeg, _)? = headerError(Array(jpeg.prefix(2))) {} else { Issue.record("2-byte JPEG") }
        if case .truncated(.jpeg, _)? = headerError(Array(jpeg.prefix(5))) {
        } else {
            Issue.record("JPEG cut in APP0 length")
        }
        // Cut inside the SOF0 segment: the SOF length runs past the end.
        let sof = jpeg.indices.first { jpeg[$0] == 0xFF && jpeg[$0 + 1] == 0xC0 }!
        let cut = headerError(Array(jpeg.prefix(sof + 6)))
        #expect(cut != nil)
        #expect(detail(cut).contains("FFC0"))
    }

    @Test func aSegmentLengthThatRunsPastTheEndIsReported() {
        var jpeg = SyntheticImage.jpegHeader(width: 640, height: 480)
        jpeg[4] = 0xFF  // APP0 claims 65 280+ bytes in a file of a few hundred
        jpeg[5] = 0x00
        let error = headerError(jpeg)
        guard case .malformed(.jpeg, _)? = error else {
            Issue.record("expected malformed, got \(String(describing: error))"); return
        }
        #expect(detail(error).contains("runs past the end of the file (\(jpeg.count) bytes)"))
        #expect(detail(error).contains("FFE0"))

        var short = SyntheticImage.jpegHeader(width: 640, height: 480)
        short[5] = 0x01  // length 1 is impossible
        if case .malformed(.jpeg, _)? = headerError(short) {} else { Issue.record("length 1") }
    }

    @Test func jpegStructuralErrors() {
        let soi: [UInt8] = [0xFF, 0xD8]
        if case .malformed(.jpeg, _)? = headerError(soi + [0xFF, 0xD9]) {} else { Issue.record("EOI first") }
        if case .malformed(.jpeg, _)? = headerError(soi + [0xFF, 0xDA, 0x00, 0x02]) {
        } else {
            Issue.record("SOS first")
        }
        if case .malformed(.jpeg, _)? = headerError(soi + [0xFF, 0xE0, 0x00, 0x02, 0x12, 0x34]) {
        } else {
            Issue.record("garbage between segments")
        }
        let zeroHeight: [UInt8] = [0xFF, 0xC0, 0x00, 0x0B, 8, 0, 0, 0x02, 0x58, 1, 1, 0x11, 0]
        let error = headerError(soi + zeroHeight)
        #expect(detail(error).contains("DNL"))
        let noComponents: [UInt8] = [0xFF, 0xC0, 0x00, 0x08, 8, 0x01, 0x90, 0x02, 0x58, 0]
        if case .malformed(.jpeg, _)? = headerError(soi + noComponents) {} else { Issue.record("0 components") }
    }

    @Test func pngStructuralErrors() {
        let gamma = SyntheticImage.pngChunk("gAMA", [0, 0, 0xB1, 0x8F])
        let notFirst = headerError(pngSignature + gamma + ihdr(width: 10, height: 10))
        #expect(detail(notFirst).contains("\"gAMA\", not IHDR"))
        if case .malformed(.png, _)? = headerError(pngSignature + ihdr(width: 0, height: 500)) {
        } else {
            Issue.record("zero width")
        }
        if case .malformed(.png, _)? = headerError(pngSignature + ihdr(width: 500, height: 0)) {
        } else {
            Issue.record("zero height")
        }
        var badCRC = SyntheticImage.png(width: 400, height: 400)
        badCRC[30] ^= 0xFF
        #expect(detail(headerError(badCRC)).contains("checksum"))
        var longIHDR = pngSignature + SyntheticImage.pngChunk("IHDR", [UInt8](repeating: 1, count: 14))
        longIHDR += [0, 0, 0, 0]
        #expect(detail(headerError(longIHDR)).contains("14 bytes long instead of 13"))
    }

    @Test func otherFormatsAreNamed() {
        func detected(_ bytes: [UInt8]) -> String? {
            if case .unsupported(let name, _)? = headerError(bytes) { return name }
            return "not refused"
        }
        #expect(detected(Array("GIF89a".utf8) + [0x10, 0, 0x10, 0]) == "a GIF image")
        #expect(detected(Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBPVP8 ".utf8)) == "a WebP image")
        #expect(detected(Array("BM".utf8) + [UInt8](repeating: 0, count: 20)) == "a BMP image")
        #expect(detected([0, 0, 0, 0x18] + Array("ftypheic".utf8)) == "a HEIC image")
        #expect(detected(Array("hello world".utf8)) == nil)
        if case .unsupported(nil, let lead)? = headerError([1, 2, 3, 4, 5, 6, 7, 8, 9]) {
            #expect(lead == [1, 2, 3, 4, 5, 6, 7, 8])
        } else {
            Issue.record("unknown bytes")
        }
        #expect(headerError([]) == .unsupported(detected: nil, leadingBytes: []))
    }
}
