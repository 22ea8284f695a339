/// Byte counts in words.
enum ByteCountText {
    /// `512 bytes`, `12.5 KiB`, `2.4 MiB`.
    static func short(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) bytes" }
        if bytes < 1024 * 1024 { return tenths(bytes, unit: 1024) + " KiB" }
        return tenths(bytes, unit: 1024 * 1024) + " MiB"
    }

    private static func tenths(_ bytes: Int, unit: Int) -> String {
        let t = (bytes * 10 + unit / 2) / unit
        return t % 10 == 0 ? "\(t / 10)" : "\(t / 10).\(t % 10)"
    }
}
