/// The things fuzzed: the provider's JSON answers, image headers, the prompt editor, and picture
/// previews (decoding and cell art).
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// ``WireDecoding`` of create, poll and error answers.
    case decode
    /// ``ImageHeader`` parsing of PNG and JPEG headers (and the preflight dimension rules).
    case image
    /// TUIKit's ``TextEditor`` under random keys and pastes, with layout and rendering.
    case editor
    /// ``ImageDecoder`` and ``CellArt`` on broken PNG and JPEG files (added last: the crash
    /// reporter numbers targets in this order).
    case picture

    /// Mixed into the campaign seed so the targets draw different streams.
    var salt: UInt64 {
        switch self {
        case .decode: 0xDEC0_DE00_0000_0001
        case .image: 0x1A6E_0000_0000_0002
        case .editor: 0xED17_0000_0000_0003
        case .picture: 0x9C70_0000_0000_0004
        }
    }

    /// Runs input number `index` of this target under `seed`; returns what broke, or `nil`.
    public func run(seed: UInt64, index: Int) -> FuzzFailure? {
        var random = FuzzRandom(seed: seed, target: self, index: index)
        let problem: (message: String, input: String)?
        switch self {
        case .decode: problem = DecodeFuzzer.run(&random)
        case .image: problem = ImageFuzzer.run(&random)
        case .editor: problem = EditorFuzzer.run(&random)
        case .picture: problem = PictureFuzzer.run(&random)
        }
        guard let problem else { return nil }
        return FuzzFailure(target: self, seed: seed, index: index, message: problem.message, input: problem.input)
    }
}

/// A broken invariant, with what is needed to replay it.
public struct FuzzFailure: Sendable, Equatable, CustomStringConvertible {
    public var target: FuzzTarget
    public var seed: UInt64
    /// The run's index within its target (replay with `--target T --seed S --replay INDEX`).
    public var index: Int
    /// Which invariant broke.
    public var message: String
    /// The input, escaped for printing (cut when long).
    public var input: String

    public var description: String {
        "\(target.rawValue) run \(index) (seed \(seed)): \(message)\n  input: \(input)"
    }
}
