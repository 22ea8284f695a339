/// Classic byte-level mutations: flips, overwrites with boundary values, insertions, deletions,
/// truncation, duplicated and swapped runs.
enum ByteMutator {
    /// Values that often sit on a boundary.
    static let interesting: [UInt8] = [0x00, 0x01, 0x02, 0x7F, 0x80, 0xFE, 0xFF, 0x22, 0x5C, 0x7B, 0x7D, 0x5B, 0x5D]

    /// Applies 1...`maxSteps` random mutations to `bytes`.
    static func mutate(_ bytes: inout [UInt8], _ random: inout FuzzRandom, maxSteps: Int = 4) {
        for _ in 0..<random.int(in: 1...maxSteps) {
            step(&bytes, &random)
        }
    }

    private static func step(_ bytes: inout [UInt8], _ random: inout FuzzRandom) {
        guard !bytes.isEmpty else {
            bytes = random.bytes(random.int(in: 1...8))
            return
        }
        let at = random.below(bytes.count)
        switch random.below(9) {
        case 0: bytes[at] ^= UInt8(1) << UInt8(random.below(8))
        case 1: bytes[at] = random.pick(interesting)
        case 2: bytes[at] = random.byte()
        case 3: bytes.insert(contentsOf: random.bytes(random.int(in: 1...4)), at: at)
        case 4: bytes.removeSubrange(at..<min(bytes.count, at + random.int(in: 1...8)))
        case 5: bytes.removeSubrange(at...)  // truncate
        case 6:
            let end = min(bytes.count, at + random.int(in: 1...32))
            let run = Array(bytes[at..<end])
            bytes.insert(contentsOf: run, at: random.below(bytes.count + 1))
        case 7:
            let other = random.below(bytes.count)
            bytes.swapAt(at, other)
        default: bytes.insert(random.pick(interesting), at: at)
        }
    }
}
