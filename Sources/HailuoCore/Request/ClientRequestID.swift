/// The `X-Client-Request-Id` rules (docs/PROVIDER.md, "Your own id on a request").
///
/// The provider drops an invalid value without a word and still bills the request, so the client
/// checks it before sending and sends none rather than an invalid one.
public enum ClientRequestID {
    /// The header's name as sent.
    public static let headerName = "X-Client-Request-Id"

    /// The most characters the provider keeps.
    public static let maximumLength = 128

    /// Whether `value` is 1 to 128 characters of `A-Z a-z 0-9 . _ : -`.
    public static func isValid(_ value: String) -> Bool {
        let scalars = value.unicodeScalars
        guard !scalars.isEmpty, scalars.count <= maximumLength else { return false }
        return scalars.allSatisfy { scalar in
            switch scalar {
            case "A"..."Z", "a"..."z", "0"..."9", ".", "_", ":", "-": true
            default: false
            }
        }
    }

    /// `value` when it is valid, else `nil` (nothing is sent).
    public static func validated(_ value: String?) -> String? {
        guard let value, isValid(value) else { return nil }
        return value
    }
}
