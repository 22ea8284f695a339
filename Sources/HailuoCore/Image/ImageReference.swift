import Foundation

/// An image reference as typed, classified by syntax only (no file system access).
public enum ImageReference: Sendable, Equatable, Hashable {
    /// An http(s) URL, passed to the provider unchanged.
    case remote(String)
    /// A local path as typed (`~` not yet expanded).
    case local(String)

    /// Classifies `text`: surrounding whitespace is ignored; `data:` URLs and schemes other
    /// than http(s) are refused; anything without a `scheme://` prefix is a local path.
    public static func classify(_ text: String) throws(ImageProblem) -> ImageReference {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .emptyReference }
        if trimmed.prefix(5).lowercased() == "data:" { throw .dataURL }
        guard let scheme = scheme(of: trimmed) else { return .local(trimmed) }
        switch scheme.lowercased() {
        case "http", "https":
            guard isValidRemoteURL(trimmed) else { throw .invalidURL(trimmed) }
            return .remote(trimmed)
        default:
            throw .unsupportedScheme(reference: trimmed, scheme: scheme)
        }
    }

    /// The scheme of a `scheme://...` reference (RFC 3986 syntax), or `nil` for a path.
    static func scheme(of text: String) -> String? {
        guard let range = text.range(of: "://") else { return nil }
        let candidate = text[..<range.lowerBound]
        guard let first = candidate.unicodeScalars.first, first.isASCIILetter else { return nil }
        let rest = candidate.unicodeScalars.dropFirst()
        guard rest.allSatisfy({ $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "+" || $0 == "-" || $0 == "." })
        else {
            return nil
        }
        return String(candidate)
    }

    /// An http(s) URL with a host and no whitespace or control characters.
    static func isValidRemoteURL(_ text: String) -> Bool {
        guard !text.unicodeScalars.contains(where: { $0.value <= 0x20 || InertText.isControl($0) }) else {
            return false
        }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https",
            let host = url.host, !host.isEmpty
        else { return false }
        return true
    }
}

private extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
