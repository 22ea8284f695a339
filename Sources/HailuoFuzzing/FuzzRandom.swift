/// SplitMix64: a small, fast, seedable generator (Steele, Lea, Flood 2014). The same seed gives the
/// same numbers on every platform, so a failing run can be replayed from its seed and index.
public struct FuzzRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator started from `seed`.
    public init(seed: UInt64) { state = seed }

    /// The generator for run `index` of `target` under campaign seed `seed`: every run has its own
    /// stream, so one run can be replayed without the ones before it.
    public init(seed: UInt64, target: FuzzTarget, index: Int) {
        var mixer = FuzzRandom(seed: seed ^ target.salt)
        let base = mixer.next()
        state = base &+ UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15
        _ = next()
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (`bound` > 0); the tiny modulo bias does not matter here.
    public mutating func below(_ bound: Int) -> Int {
        Int(truncatingIfNeeded: next() % UInt64(bound))
    }

    /// A number in `range`.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// `true` with probability `1 / n`.
    public mutating func oneIn(_ n: Int) -> Bool { below(n) == 0 }

    /// A random byte.
    public mutating func byte() -> UInt8 { UInt8(truncatingIfNeeded: next()) }

    /// `count` random bytes.
    public mutating func bytes(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in byte() }
    }

    /// One element of a non-empty array.
    public mutating func pick<T>(_ choices: [T]) -> T { choices[below(choices.count)] }

    /// A length that is usually small and sometimes large: 0...`max`, skewed towards 0.
    public mutating func smallLength(max: Int) -> Int {
        let scale = int(in: 0...3)
        let cap = [min(max, 8), min(max, 64), min(max, 512), max][scale]
        return below(cap + 1)
    }
}
