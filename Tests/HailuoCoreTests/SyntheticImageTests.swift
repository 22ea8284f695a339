import Foundation
import HailuoCore
import HailuoTestSupport
import Testing

@Suite("Synthetic PNG and JPEG fixtures are well formed")
struct SyntheticImageTests {
    /// Bitwise CRC-32 (independent of the table-driven one in the library).
    func crc32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes {
            c ^= UInt32(b)
            for _ in 0..<8 { c = (c & 1) == 1 ? (c >> 1) ^ 0xEDB8_8320 : c >> 1 }
        }
        return ~c
    }

    func be32(_ b: [UInt8], _ i: Int) -> Int {
        Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3])
    }

    /// Chunks as (type, data), checking every CRC.
    func chunks(_ png: [UInt8]) throws -> [(String, [UInt8])] {
        var out: [(String, [UInt8])] = []
        var i = 8
        while i < png.count {
            let length = be32(png, i)
            let type = String(decoding: png[(i + 4)..<(i + 8)], as: UTF8.self)
            let data = Array(png[(i + 8)..<(i + 8 + length)])
            #expect(UInt32(be32(png, i + 8 + length)) == crc32(png[(i + 4)..<(i + 8 + length)]), "CRC of \(type)")
            out.append((type, data))
            i += 12 + length
        }
        #expect(i == png.count)
        return out
    }

    @Test func pngIsValidWithStoredDeflateAndChecksums() throws {
        let png = SyntheticImage.png(width: 3, height: 2)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let list = try chunks(png)
        #expect(list.map(\.0) == ["IHDR", "IDAT", "IEND"])
        #expect(list[0].1 == [0, 0, 0, 3, 0, 0, 0, 2, 8, 2, 0, 0, 0])
        let zlib = list[1].1
        #expect(zlib[0] == 0x78 && (Int(zlib[0]) << 8 | Int(zlib[1])) % 31 == 0)
        // One stored block: BFINAL=1, BTYPE=00, LEN, NLEN, then the raw scanlines.
        #expect(zlib[2] == 1)
        let length = Int(zlib[3]) | Int(zlib[4]) << 8
        #expect(length == 2 * (1 + 3 * 3))
        #expect(UInt16(zlib[5]) | UInt16(zlib[6]) << 8 == ~UInt16(length))
        let raw = Array(zlib[7..<(7 + length)])
        #expect(
            raw == [
                0, 0, 0, 0x80, 127, 0, 0x80, 255, 0, 0x80,
                0, 0, 255, 0x80, 127, 255, 0x80, 255, 255, 0x80,
            ])
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in raw { a = (a + UInt32(byte)) % 65521; b = (b + a) % 65521 }
        #expect(UInt32(be32(zlib, 7 + length)) == b << 16 | a)
        #expect(zlib.count == 7 + length + 4)
    }

    @Test func largePNGSplitsIntoSeveralStoredBlocks() throws {
        let png = SyntheticImage.png(width: 200, height: 200)  // 120 200 raw bytes -> 2 blocks
        let zlib = try chunks(png)[1].1
        var i = 2
        var raw = 0
        var finals = 0
        while i < zlib.count - 4 {
            let length = Int(zlib[i + 1]) | Int(zlib[i + 2]) << 8
            finals += Int(zlib[i] & 1)
            raw += length
            i += 5 + length
        }
        #expect(raw == 200 * (1 + 600))
        #expect(finals == 1)
        #expect(i == zlib.count - 4)
    }

    @Test func paddedPNGHasExactSizeAndAnAncillaryChunk() throws {
        let base = SyntheticImage.png(width: 400, height: 400).count
        for size in [base + 12, base + 1000, base + 250_001] {
            let png = SyntheticImage.png(width: 400, height: 400, padTo: size)
            #expect(png.count == size)
            let list = try chunks(png)
            #expect(list.map(\.0) == ["IHDR", "IDAT", "hlPd", "IEND"])
            #expect(list[2].0.first?.isLowercase == true)  // ancillary: decoders skip it
        }
        #expect(SyntheticImage.png(width: 400, height: 400, padTo: 10).count == base)
        #expect(SyntheticImage.png(width: 400, height: 400, padTo: base + 5).count == base + 12)
    }

    @Test func jpegHasTheExpectedSegmentsAndExactPadding() throws {
        let jpeg = SyntheticImage.jpegHeader(width: 1280, height: 720)
        #expect(Array(jpeg.prefix(4)) == [0xFF, 0xD8, 0xFF, 0xE0])
        #expect(Array(jpeg.suffix(2)) == [0xFF, 0xD9])
        #expect(String(decoding: jpeg[6..<10], as: UTF8.self) == "JFIF")
        for extra in [1, 3, 4, 23, 24, 25, 65_537, 65_538, 65_540, 65_541, 200_000] {
            let padded = SyntheticImage.jpegHeader(width: 1280, height: 720, padTo: jpeg.count + extra)
            #expect(padded.count == jpeg.count + extra, "extra \(extra)")
            #expect(
                try ImageHeader.parse(padded) == ImageHeader(format: .jpeg, width: 1280, height: 720), "extra \(extra)")
        }
        let exif = SyntheticImage.jpegHeader(width: 1280, height: 720, padTo: jpeg.count + 1000)
        #expect(Array(exif[20..<22]) == [0xFF, 0xE1])
        #expect(String(decoding: exif[24..<28], as: UTF8.self) == "Exif")
    }
}
