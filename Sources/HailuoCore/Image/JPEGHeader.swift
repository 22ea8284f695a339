/// Reads width and height from a JPEG's first frame header (SOFn), walking the segments before it
/// by their stored lengths. Segments are skipped, not read, so large APP/EXIF blocks cost nothing.
enum JPEGHeader {
    /// Start-of-frame markers: C0...CF except DHT (C4), JPG (C8) and DAC (CC).
    static func isStartOfFrame(_ marker: UInt8) -> Bool {
        (0xC0...0xCF).contains(marker) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC
    }

    /// Markers that stand alone, without a length: TEM and RST0...RST7.
    static func isStandalone(_ marker: UInt8) -> Bool {
        marker == 0x01 || (0xD0...0xD7).contains(marker)
    }

    static func parse<Source: HeaderSource>(_ reader: inout HeaderReader<Source>) throws(ImageHeaderError)
        -> ImageHeader
    {
        let size = reader.size
        var position = 2  // after SOI
        while true {
            guard let lead = try reader.byte(at: position) else {
                throw .truncated(
                    format: .jpeg, detail: "the file ends after \(size) bytes, before any frame header (SOF)")
            }
            guard lead == 0xFF else {
                throw .malformed(
                    format: .jpeg, detail: "byte \(position) should start a marker (FF) but is \(hexBytes([lead]))")
            }
            let markerOffset = position
            var cursor = position + 1
            var marker: UInt8 = 0xFF
            while marker == 0xFF {  // any number of FF fill bytes may precede a marker
                guard let next = try reader.byte(at: cursor) else {
                    throw .truncated(format: .jpeg, detail: "the file ends inside the marker at byte \(markerOffset)")
                }
                marker = next
                cursor += 1
            }
            let name = "FF" + hexBytes([marker])
            if isStandalone(marker) {
                position = cursor
                continue
            }
            switch marker {
            case 0x00:
                throw .malformed(
                    format: .jpeg, detail: "a stray FF 00 sits at byte \(markerOffset), outside image data")
            case 0xD8:
                throw .malformed(format: .jpeg, detail: "a second start-of-image marker sits at byte \(markerOffset)")
            case 0xD9:
                throw .malformed(
                    format: .jpeg, detail: "the image ends (EOI at byte \(markerOffset)) before any frame header (SOF)")
            case 0xDA:
                throw .malformed(
                    format: .jpeg,
                    detail: "image data (SOS at byte \(markerOffset)) starts before any frame header (SOF)")
            default:
                break
            }
            guard let length = try reader.uint16(at: cursor) else {
                throw .truncated(
                    format: .jpeg, detail: "the file ends inside the length of segment \(name) at byte \(markerOffset)")
            }
            guard length >= 2 else {
                throw .malformed(
                    format: .jpeg,
                    detail: "segment \(name) at byte \(markerOffset) has an impossible length of \(length)")
            }
            let end = cursor + length
            guard end <= size else {
                throw .malformed(
                    format: .jpeg,
                    detail:
                        "segment \(name) at byte \(markerOffset) claims \(length) bytes, which runs past the end of the file (\(size) bytes)"
                )
            }
            if isStartOfFrame(marker) {
                return try frame(&reader, name: name, at: markerOffset, body: cursor, length: length)
            }
            position = end
        }
    }

    /// Reads precision, height, width and component count from an SOFn segment.
    private static func frame<Source: HeaderSource>(
        _ reader: inout HeaderReader<Source>, name: String, at offset: Int, body: Int, length: Int
    ) throws(ImageHeaderError) -> ImageHeader {
        guard length >= 8 else {
            throw .malformed(
                format: .jpeg,
                detail: "frame header \(name) at byte \(offset) is \(length) bytes long, too short to hold a size")
        }
        guard let height = try reader.uint16(at: body + 3), let width = try reader.uint16(at: body + 5),
            let components = try reader.byte(at: body + 7)
        else {
            throw .truncated(format: .jpeg, detail: "the file ends inside frame header \(name) at byte \(offset)")
        }
        guard components > 0, length >= 8 + 3 * Int(components) else {
            throw .malformed(
                format: .jpeg,
                detail: "frame header \(name) at byte \(offset) lists \(components) components in \(length) bytes")
        }
        guard width > 0 else {
            throw .malformed(format: .jpeg, detail: "frame header \(name) gives a width of 0")
        }
        guard height > 0 else {
            throw .malformed(
                format: .jpeg,
                detail:
                    "frame header \(name) gives a height of 0 (to be set later by a DNL marker), which is not supported"
            )
        }
        return ImageHeader(format: .jpeg, width: width, height: height)
    }
}
