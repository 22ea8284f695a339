/// Short local job ids: 8 characters of a base-32 alphabet without look-alikes (no i, l, o, u).
public enum LocalID {
    static let alphabet = Array("0123456789abcdefghjkmnpqrstvwxyz")

    /// A fresh random id.
    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<8).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
    }
}
