import Foundation
import HailuoCore
import Testing

@testable import HailuoSimulator

/// hailuo's rules for H3 and H3 Max and the simulator's reading of the provider's schemas agree:
/// over a grid of requests around every limit, the client builds a request exactly when the
/// simulator accepts its body. (`adaptive` with nothing to adapt to is left out: the provider
/// takes it and falls back to 16:9; hailuo refuses it, since it would not be what was asked.)
@Suite("H3 rules: hailuo refuses exactly what the schema refuses")
struct SchemaAgreementTests {
    static let referenceMixes: [(images: Int, videos: Int, audio: Int)] = [
        (0, 0, 0), (1, 0, 0), (9, 0, 0), (10, 0, 0), (0, 3, 0), (0, 4, 0), (1, 0, 1), (0, 1, 3), (1, 1, 4),
        (0, 0, 1), (9, 3, 0), (9, 3, 1), (8, 2, 2), (9, 3, 3),
    ]

    /// The body as the client would write it, written here whether or not the client would send it.
    func body(_ p: GenerationParameters, model: VideoModel) -> JSONValue {
        var object: [String: JSONValue] = [
            "model": .string(p.model.rawValue), "prompt": .string(p.prompt), "duration": .number(Double(p.duration)),
            "resolution": .string(model.wireName(p.resolution)),
        ]
        if let ratio = p.ratio { object["ratio"] = .string(ratio.rawValue) }
        if let first = p.firstFrame { object["image_url"] = .string(first) }
        for kind in ReferenceKind.allCases where !p.references(kind).isEmpty {
            object[kind.fieldName] = .array(p.references(kind).map { .string($0) })
        }
        return .object(object)
    }

    @Test("client and schema agree on every request of the grid", arguments: ["minimax/h3", "minimax/h3-max"])
    func agree(model id: String) throws {
        let model = try #require(ModelCatalog.model(ModelID(id)))
        var compared = 0
        var accepted = 0
        for duration in [2, 3, 4, 5, 6, 10, 15, 16, 20] {
            for resolution in Resolution.allCases {
                for ratio in [nil, AspectRatio.r16x9, .adaptive] {
                    for mix in Self.referenceMixes {
                        // Long prompts only on the first combination: checking 50,000 characters is slow.
                        let lengths =
                            duration == 2 && resolution == .p480 && ratio == nil
                            ? [10, 7000, 7001, 50_000, 50_001] : [10]
                        for length in lengths {
                            var p = GenerationParameters(
                                model: ModelID(id), prompt: String(repeating: "a", count: length),
                                promptOptimizer: false,
                                duration: duration, resolution: resolution, ratio: ratio,
                                referenceImages: (0..<mix.images).map { "https://example.com/i\($0).png" },
                                referenceVideos: (0..<mix.videos).map { "https://example.com/v\($0).mp4" },
                                referenceAudio: (0..<mix.audio).map { "https://example.com/a\($0).mp3" })
                            if ratio == .adaptive, !p.hasReferences { p.firstFrame = "https://example.com/first.png" }
                            let client = RequestBuilder.check(p).isEmpty
                            let simulator: Bool
                            switch CreateValidation.validate(body(p, model: model), family: .unified) {
                            case .success: simulator = true
                            case .failure: simulator = false
                            }
                            #expect(
                                client == simulator,
                                "\(id) \(duration) s \(resolution.rawValue) ratio \(ratio?.rawValue ?? "-") refs \(mix) prompt \(length): client \(client), simulator \(simulator): \(RequestBuilder.check(p).map(\.message))"
                            )
                            compared += 1
                            if client { accepted += 1 }
                        }
                    }
                }
            }
        }
        #expect(compared > 1000)
        #expect(accepted > 50 && accepted < compared)
    }
}
