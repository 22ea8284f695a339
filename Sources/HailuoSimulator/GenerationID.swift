/// A stateless generation id: everything needed to answer a poll is inside the number, so any
/// simulator instance (another process, the next demo run) can answer for ids an earlier one issued.
///
/// Layout, 18 decimal digits: `TTTTTTTTTTTTT D O S CC`
/// - `T` (13): creation time, milliseconds since 1970, on the issuing simulator's clock;
/// - `D` (1): clip duration, 0 = 6 s, 1 = 10 s;
/// - `O` (1): the `JobOutcome`;
/// - `S` (1): a sequence digit keeping ids issued in the same millisecond apart;
/// - `CC` (2): a keyed check number, so a made-up id is answered 404.
///
/// Unified-family ids carry a `:model` suffix (`123...:minimax/hailuo-02`); it is ignored when decoding.
struct GenerationID: Sendable, Equatable {
    /// Creation time on the simulator clock, ms since 1970.
    var createdMillis: Int64
    /// Clip duration in seconds (6 or 10).
    var clipSeconds: Int
    /// How the job ends.
    var outcome: JobOutcome
    /// Same-millisecond sequence digit (0...9).
    var sequence: Int

    private static let checkKey = Array("hailuo-simulator-id-check-v1".utf8)

    /// The 18-digit numeric text of the id.
    var numeric: String {
        let body = "\(createdMillis)\(clipSeconds == 10 ? 1 : 0)\(outcome.rawValue)\(sequence)"
        return body + Self.check(body)
    }

    /// Decodes an id as issued (with or without a `:model` suffix); nil when it is not one of ours.
    init?(decoding text: String) {
        let numericPart =
            text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard numericPart.count == 18, numericPart.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let digits = Array(numericPart)
        let body = String(digits[0..<16])
        guard Self.check(body) == String(digits[16..<18]),
            let millis = Int64(String(digits[0..<13])),
            let durationCode = digits[13].wholeNumberValue, durationCode <= 1,
            let outcomeCode = digits[14].wholeNumberValue, let outcome = JobOutcome(rawValue: outcomeCode),
            let sequence = digits[15].wholeNumberValue
        else { return nil }
        self.init(createdMillis: millis, clipSeconds: durationCode == 1 ? 10 : 6, outcome: outcome, sequence: sequence)
    }

    init(createdMillis: Int64, clipSeconds: Int, outcome: JobOutcome, sequence: Int) {
        self.createdMillis = createdMillis
        self.clipSeconds = clipSeconds
        self.outcome = outcome
        self.sequence = sequence
    }

    /// Provider seconds from creation to the end of the job: uniform in 240...300 for a 6 s clip and
    /// 480...540 for a 10 s clip, chosen from the id so every instance agrees.
    var totalSeconds: Double {
        let digest = SHA256Digest.hash(Array(numeric.utf8))
        let spread = (Int(digest[0]) << 8 | Int(digest[1])) % 61
        return Double((clipSeconds == 10 ? 480 : 240) + spread)
    }

    /// Provider seconds from creation to the failure of a `[sim:fail-early]` job: 2.0 to 5.0 in steps
    /// of 0.1, chosen from the id so every instance agrees.
    var earlyFailureSeconds: Double {
        let digest = SHA256Digest.hash(Array(numeric.utf8))
        return 2 + Double((Int(digest[2]) << 8 | Int(digest[3])) % 31) / 10
    }

    private static func check(_ body: String) -> String {
        let mac = SHA256Digest.hmac(key: checkKey, message: Array(body.utf8))
        let value = (Int(mac[0]) << 8 | Int(mac[1])) % 100
        return value < 10 ? "0\(value)" : "\(value)"
    }
}
