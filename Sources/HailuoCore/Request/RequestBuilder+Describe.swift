extension RequestBuilder {
    /// The request body as text for logs and dry runs, with every base64 data URL replaced by
    /// `[N bytes of image/png]`. Safe to log: it never contains image data.
    public static func describe(_ request: PreparedRequest) -> String {
        describe(body: request.body)
    }

    /// ``describe(_:)`` for raw body bytes.
    public static func describe(body: [UInt8]) -> String {
        let quote = UInt8(ascii: "\"")
        let backslash = UInt8(ascii: "\\")
        var out: [UInt8] = []
        out.reserveCapacity(min(body.count, 4096))
        var i = 0
        while i < body.count {
            guard body[i] == quote else {
                out.append(body[i])
                i += 1
                continue
            }
            // A JSON string: find its closing quote, skipping escapes.
            var end = i + 1
            while end < body.count, body[end] != quote {
                end += body[end] == backslash ? 2 : 1
            }
            let content = body[min(i + 1, body.count)..<min(end, body.count)]
            if let summary = dataURLSummary(content) {
                out += Array("\"\(summary)\"".utf8)
            } else {
                out += body[i..<min(end + 1, body.count)]
            }
            i = end + 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `[N bytes of <mime>]` when `content` is a base64 data URL.
    private static func dataURLSummary(_ content: ArraySlice<UInt8>) -> String? {
        let prefix = Array("data:".utf8)
        guard content.count >= prefix.count, content.prefix(prefix.count).elementsEqual(prefix),
            let comma = content.firstIndex(of: UInt8(ascii: ","))
        else { return nil }
        let header = content[(content.startIndex + prefix.count)..<comma]
        let marker = Array(";base64".utf8)
        guard header.count >= marker.count, header.suffix(marker.count).elementsEqual(marker) else { return nil }
        let mimeBytes = header.prefix { $0 != UInt8(ascii: ";") }
        let mime = InertText.render(String(decoding: mimeBytes, as: UTF8.self), limit: 40)
        let payload = content[(comma + 1)...]
        let padding = payload.reversed().prefix(2).prefix { $0 == UInt8(ascii: "=") }.count
        let bytes = max(0, payload.count / 4 * 3 - padding)
        return "[\(bytes) bytes of \(mime)]"
    }
}
