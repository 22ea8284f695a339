import Foundation
import HailuoCore
import HailuoTestSupport

/// Fuzzes ``ImageHeader`` parsing with PNG and JPEG files from ``SyntheticImage`` bent the ways a
/// broken or hostile file is: sizes that lie, segment lengths of 0, 1, 2 or past the end, thousands
/// of tiny segments and fill bytes, stray and standalone markers, truncation, random bytes.
///
/// Invariants: no crash and no hang; a header or an ``ImageHeaderError`` (typed throws); a header
/// has positive sides within the format's limits and the format its magic bytes say; the reads
/// stay bounded (at most one 4 KiB window per 4 KiB of file, plus 2: segments are skipped, never
/// re-read); and every 64th input, written to a file, gets the same verdict from ``ImagePreflight``.
enum ImageFuzzer {
    static func run(_ random: inout FuzzRandom) -> (message: String, input: String)? {
        let bytes = input(&random)
        if let message = check(bytes, throughFile: random.oneIn(64)) { return (message, FuzzText.hex(bytes)) }
        return nil
    }

    /// Valid pictures to start from (made once).
    static let seeds: [[UInt8]] = [
        SyntheticImage.png(width: 1, height: 1), SyntheticImage.png(width: 640, height: 360),
        SyntheticImage.png(width: 301, height: 752), SyntheticImage.jpegHeader(width: 1, height: 1),
        SyntheticImage.jpegHeader(width: 1280, height: 720), SyntheticImage.jpegHeader(width: 400, height: 999),
        SyntheticImage.jpegHeader(width: 640, height: 480, padTo: 70_000),
    ].map { Array($0.prefix(80_000)) }

    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    static func input(_ random: inout FuzzRandom) -> [UInt8] {
        switch random.below(12) {
        case 0: return random.bytes(random.smallLength(max: 64))
        case 1: return random.pick([pngSignature, [0xFF, 0xD8, 0xFF]]) + random.bytes(random.smallLength(max: 64))
        case 2...4: return lyingPNG(&random)
        case 5...8: return bentJPEG(&random)
        default:
            var bytes = random.pick(seeds)
            if random.oneIn(2) { bytes = Array(bytes.prefix(random.int(in: 0...min(bytes.count, 700)))) }
            ByteMutator.mutate(&bytes, &random, maxSteps: 6)
            return bytes
        }
    }

    /// A PNG whose IHDR lies: odd sizes (with a correct or wrong checksum), odd length or type.
    static func lyingPNG(_ random: inout FuzzRandom) -> [UInt8] {
        let sizes: [UInt32] = [
            0, 1, 300, 301, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF, 65_536, UInt32(random.below(5000)),
        ]
        var ihdr = be32(random.pick(sizes)) + be32(random.pick(sizes)) + [8, 2, 0, 0, 0]
        if random.oneIn(4) { ihdr = random.bytes(random.smallLength(max: 20)) }
        let type =
            random.oneIn(6)
            ? random.pick([Array("IDAT".utf8), Array("ihdr".utf8), random.bytes(4)])
            : Array("IHDR".utf8)
        let length = random.oneIn(6) ? random.pick([0, 12, 14, 0xFFFF_FFFF]) : UInt32(ihdr.count)
        var crc = crc32(type + ihdr)
        if random.oneIn(4) { crc ^= 1 }
        var bytes = pngSignature + be32(length) + type + ihdr + be32(crc)
        if random.oneIn(3) { bytes = Array(bytes.prefix(random.below(bytes.count + 1))) }
        return bytes
    }

    /// A JPEG walked into trouble: odd segment lengths, many tiny segments, fill bytes, odd markers.
    static func bentJPEG(_ random: inout FuzzRandom) -> [UInt8] {
        var bytes: [UInt8] = [0xFF, 0xD8]
        for _ in 0..<random.int(in: 0...6) {
            switch random.below(9) {
            case 0:  // many tiny segments
                let count = random.pick([10, 1000, 20_000])
                for _ in 0..<count { bytes += [0xFF, random.pick([0xE0, 0xE1, 0xFE, 0xDB]), 0x00, 0x02] }
            case 1: bytes += [UInt8](repeating: 0xFF, count: random.pick([1, 100, 50_000]))  // fill bytes
            case 2: bytes += [0xFF, UInt8(random.int(in: 0xD0...0xD7))]  // RST, standalone
            case 3:  // a length that lies
                let length = random.pick([0, 1, 2, 3, 0xFFFF, random.below(0x1_0000)])
                bytes +=
                    [0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + random.bytes(random.smallLength(max: 40))
            case 4: bytes += [0xFF, random.pick([0x00, 0xD8, 0xD9, 0xDA, 0x01, 0xC4, 0xC8, 0xCC])]
            case 5: bytes += frame(&random)
            case 6: bytes += random.bytes(random.smallLength(max: 16))
            default:
                let payload = random.bytes(random.smallLength(max: 300))
                let length = payload.count + 2
                bytes += [0xFF, 0xE0, UInt8(length >> 8), UInt8(length & 0xFF)] + payload
            }
        }
        bytes += frame(&random)
        if random.oneIn(3) { bytes = Array(bytes.prefix(random.below(bytes.count + 1))) }
        return bytes
    }

    /// An SOFn segment with odd sizes, component counts and lengths.
    static func frame(_ random: inout FuzzRandom) -> [UInt8] {
        let marker = random.pick([0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xCF, 0xC4, 0xC8, 0xCC])
        let components = random.pick([0, 1, 3, 4, 255])
        let height = random.pick([0, 1, 301, 0xFFFF, random.below(0x1_0000)])
        let width = random.pick([0, 1, 301, 0xFFFF, random.below(0x1_0000)])
        var body: [UInt8] = [8, UInt8(height >> 8), UInt8(height & 0xFF), UInt8(width >> 8), UInt8(width & 0xFF)]
        body.append(UInt8(components))
        body += [UInt8](repeating: 0x11, count: 3 * random.int(in: 0...min(components, 4)))
        let length = random.oneIn(4) ? random.pick([0, 2, 7, 8, 11, 0xFFFF]) : body.count + 2
        return [0xFF, UInt8(marker), UInt8(length >> 8), UInt8(length & 0xFF)] + body
    }

    /// Parses `bytes`; returns the first broken invariant.
    static func check(_ bytes: [UInt8], throughFile: Bool) -> String? {
        let (result, reads, _) = ImageHeader.parseCountingReads(bytes)
        let readLimit = bytes.count / 4096 + 2
        if reads > readLimit { return "\(reads) reads for \(bytes.count) bytes (limit \(readLimit))" }
        switch result {
        case .success(let header):
            if header.width <= 0 || header.height <= 0 { return "accepted a size of \(header.width)x\(header.height)" }
            let limit = header.format == .png ? Int(Int32.max) : 65_535
            if header.width > limit || header.height > limit {
                return "accepted \(header.width)x\(header.height), beyond the \(header.format) limit"
            }
            let magic: ImageFormat = bytes.starts(with: pngSignature) ? .png : .jpeg
            if header.format != magic { return "read \(header.format) from a file whose magic says \(magic)" }
            do throws(ImageProblem) {
                try ImagePreflight.checkDimensions(width: header.width, height: header.height, reference: "f.png")
            } catch {
                _ = error.description
            }
        case .failure(let error):
            if case .readFailed = error { return "a read failed on bytes in memory" }
        }
        return throughFile ? fileProblem(bytes, expected: result) : nil
    }

    /// Writes `bytes` to a temporary file and compares ``ImagePreflight``'s verdict with `expected`.
    static func fileProblem(_ bytes: [UInt8], expected: Result<ImageHeader, ImageHeaderError>) -> String? {
        let path = NSTemporaryDirectory() + "/hailuo-fuzz-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).img"
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { return nil }
        defer { try? FileManager.default.removeItem(atPath: path) }
        do throws(ImageProblem) {
            let inspection = try ImagePreflight.inspect(path)
            guard case .success(let header) = expected,
                inspection.width == header.width, inspection.height == header.height, inspection.format == header.format
            else { return "preflight accepted a file the parser read as \(expected)" }
        } catch {
            switch (error, expected) {
            case (.emptyFile, _) where bytes.isEmpty: break
            case (.aspectRatio, .success), (.tooSmall, .success): break
            case (.truncatedHeader, .failure(.truncated)), (.malformedHeader, .failure(.malformed)),
                (.unsupportedFormat, .failure(.unsupported)):
                break
            default: return "preflight said \(error.description) but the parser read \(expected)"
            }
        }
        return nil
    }

    static func be32(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }

    /// PNG's CRC-32, bit by bit (fixtures only).
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 != 0 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        }
        return ~crc
    }
}
