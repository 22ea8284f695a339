import Foundation

/// A PNG file's size, read from its header (`IHDR`) without decoding it.
public enum PNGHeader {
    /// The width and height in pixels of the PNG at `path`, `nil` when it is not a PNG.
    public static func size(ofFileAt path: String) -> (width: Int, height: Int)? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 24) else { return nil }
        return size(of: [UInt8](head))
    }

    /// The width and height from the first 24 bytes of a PNG, `nil` when they are not a PNG's.
    public static func size(of bytes: [UInt8]) -> (width: Int, height: Int)? {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard bytes.count >= 24, Array(bytes[0..<8]) == signature, Array(bytes[12..<16]) == Array("IHDR".utf8) else {
            return nil
        }
        func bigEndian(_ offset: Int) -> Int {
            bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
        }
        let width = bigEndian(16)
        let height = bigEndian(20)
        return width > 0 && height > 0 ? (width, height) : nil
    }
}
