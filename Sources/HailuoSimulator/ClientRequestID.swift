/// The rules for `X-Client-Request-Id`: 1 to 128 characters from `A-Z a-z 0-9 . _ : -`.
/// Any other value is dropped without a word (the request still runs), as the provider does.
enum ClientRequestID {
    /// Longest accepted value.
    static let maximumLength = 128

    /// `raw` when it is a valid client request id, else nil.
    static func validated(_ raw: String?) -> String? {
        guard let raw, (1...maximumLength).contains(raw.utf8.count) else { return nil }
        let valid = raw.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: ":"),
                UInt8(ascii: "-"):
                true
            default: false
            }
        }
        return valid ? raw : nil
    }
}
