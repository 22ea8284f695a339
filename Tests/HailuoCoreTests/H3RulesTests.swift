import Foundation
import HailuoTestSupport
import Testing

@testable import HailuoCore

/// H3 and H3 Max, each rule on both sides of its limit, on the request the engine builds.
@Suite("H3 and H3 Max: each rule at its boundaries, on the built request")
struct H3RulesTests {
    static let h3: ModelID = "minimax/h3"
    static let h3Max: ModelID = "minimax/h3-max"

    func request(
        _ model: ModelID = H3RulesTests.h3, prompt: String = "A lighthouse in a storm", duration: Int = 6,
        resolution: Resolution? = nil, ratio: AspectRatio? = nil, first: String? = nil, images: Int = 0,
        videos: Int = 0, audio: Int = 0
    ) -> GenerationParameters {
        GenerationParameters(
            model: model, prompt: prompt, promptOptimizer: false, duration: duration,
            resolution: resolution ?? (model == H3RulesTests.h3 ? .k2 : .p768), firstFrame: first, ratio: ratio,
            referenceImages: (0..<images).map { "https://example.com/ref\($0).png" },
            referenceVideos: (0..<videos).map { "https://example.com/motion\($0).mp4" },
            referenceAudio: (0..<audio).map { "https://example.com/voice\($0).mp3" })
    }

    /// The rules broken, as `field/rule`; empty when the request would be built.
    func broken(_ p: GenerationParameters) -> [String] {
        RequestBuilder.check(p).map { "\($0.field.rawValue)/\($0.rule.rawValue)" }
    }

    @Test(
        "duration: H3 takes 4 to 15 s, H3 Max 5 to 15 s",
        arguments: [
            (h3, 3, false), (h3, 4, true), (h3, 15, true), (h3, 16, false),
            (h3Max, 4, false), (h3Max, 5, true), (h3Max, 15, true), (h3Max, 16, false),
        ])
    func duration(model: ModelID, seconds: Int, accepted: Bool) {
        let found = broken(request(model, duration: seconds))
        #expect(found == (accepted ? [] : ["duration/range"]))
        if !accepted {
            let message = RequestBuilder.check(request(model, duration: seconds)).first?.message ?? ""
            let range = model == Self.h3 ? "4 to 15 s" : "5 to 15 s"
            #expect(message == "duration: \(model) makes clips of \(range) (got \(seconds) s)")
        }
    }

    @Test(
        "prompt: 7000 for H3, 50,000 for H3 Max, 2000 for Hailuo",
        arguments: [
            (h3, 7000, true), (h3, 7001, false), (h3Max, 50_000, true), (h3Max, 50_001, false),
            (ModelCatalog.defaultModelID, 2000, true), (ModelCatalog.defaultModelID, 2001, false),
        ])
    func promptLength(model: ModelID, length: Int, accepted: Bool) {
        var p = request(model, prompt: String(repeating: "a", count: length))
        if model == ModelCatalog.defaultModelID { p = params(prompt: String(repeating: "a", count: length)) }
        #expect(broken(p) == (accepted ? [] : ["prompt/max-length"]))
    }

    static let resolutionCases: [(ModelID, Resolution, String?)] = [
        (h3, .k2, "2K"), (h3, .p768, nil), (h3, .p1080, nil),
        (h3Max, .p480, "480p"), (h3Max, .p768, "768p"), (h3Max, .k2, nil), (h3Max, .p1080, nil),
    ]

    @Test("resolution: H3 2K only; H3 Max 480P or 768P, spelled 480p / 768p on the wire", arguments: resolutionCases)
    func resolution(model: ModelID, resolution: Resolution, wire: String?) throws {
        let p = request(model, resolution: resolution)
        guard let wire else {
            #expect(broken(p) == ["resolution/allowed-values"])
            return
        }
        let body = try jsonObject(RequestBuilder.prepare(p, family: .unified).body)
        #expect(body["resolution"] as? String == wire)
    }

    @Test("ratio: adaptive needs a frame or a reference; a ratio on a Hailuo model is refused")
    func ratio() {
        #expect(broken(request(ratio: .adaptive)) == ["ratio/adaptive-without-input"])
        #expect(broken(request(ratio: .adaptive, first: "https://example.com/a.png")) == [])
        #expect(broken(request(ratio: .adaptive, images: 1)) == [])
        #expect(broken(request(Self.h3Max, ratio: .adaptive, videos: 1)) == [])
        #expect(broken(request(ratio: .r16x9)) == [])
        #expect(broken(request(ratio: nil)) == [])
        var hailuo = params()
        hailuo.ratio = .r16x9
        #expect(broken(hailuo) == ["ratio/not-accepted"])
    }

    @Test(
        "references: up to 9 images, 3 videos, 3 audio clips",
        arguments: [
            (9, 0, 0, [String]()), (10, 0, 0, ["referenceImages/too-many"]),
            (0, 3, 0, []), (0, 4, 0, ["referenceVideos/too-many"]),
            (1, 0, 3, []), (1, 0, 4, ["referenceAudio/too-many"]),
        ])
    func referenceCounts(images: Int, videos: Int, audio: Int, expected: [String]) {
        #expect(broken(request(images: images, videos: videos, audio: audio)) == expected)
    }

    @Test("audio is never the only reference")
    func audioAlone() {
        #expect(broken(request(audio: 1)) == ["referenceAudio/audio-alone"])
        #expect(broken(request(videos: 1, audio: 1)) == [])
        #expect(broken(request(images: 1, audio: 1)) == [])
        // A first frame is not a reference: audio beside it alone is still refused.
        #expect(broken(request(first: "https://example.com/a.png", audio: 1)) == ["referenceAudio/audio-alone"])
    }

    @Test("H3 Max: at most 12 references in all")
    func h3MaxTotal() {
        #expect(broken(request(Self.h3Max, images: 9, videos: 3)) == [])
        #expect(broken(request(Self.h3Max, images: 9, videos: 3, audio: 1)) == ["referenceAudio/too-many"])
        #expect(broken(request(Self.h3, images: 9, videos: 3, audio: 3)) == [])
    }

    @Test("a local video or audio file is refused; a Hailuo model takes no references")
    func referenceForms() {
        var p = request(images: 1)
        p.referenceVideos = ["clips/walk.mp4"]
        #expect(broken(p) == ["referenceVideos/scheme"])
        var hailuo = params()
        hailuo.referenceImages = ["https://example.com/a.png"]
        #expect(broken(hailuo) == ["referenceImages/not-accepted"])
    }

    @Test("the H3 body: unified path whatever the configured family, arrays, no optimizer field")
    func body() throws {
        let folder = try TemporaryFolder("hailuo-h3")
        defer { folder.remove() }
        let png = SyntheticImage.png(width: 640, height: 360)
        let local = try folder.write("ref.png", png)
        var p = request(duration: 12, ratio: .r9x16, videos: 1, audio: 1)
        p.referenceImages = ["https://example.com/a.png", local]
        let request = try RequestBuilder.prepare(p, family: .vendor)
        #expect(request.family == .unified)
        #expect(request.path == "/v2/video/generations")
        let json = try jsonObject(request.body)
        #expect(
            Set(json.keys) == [
                "model", "prompt", "duration", "resolution", "ratio", "reference_image_urls", "video_urls",
                "audio_urls",
            ])
        #expect(json["model"] as? String == "minimax/h3")
        #expect(json["duration"] as? Int == 12)
        #expect(json["resolution"] as? String == "2K")
        #expect(json["ratio"] as? String == "9:16")
        let images = try #require(json["reference_image_urls"] as? [String])
        #expect(images.count == 2)
        #expect(images[0] == "https://example.com/a.png")
        #expect(images[1] == "data:image/png;base64," + Data(png).base64EncodedString())
        #expect(json["video_urls"] as? [String] == ["https://example.com/motion0.mp4"])
        #expect(json["audio_urls"] as? [String] == ["https://example.com/voice0.mp3"])
    }

    @Test("a Hailuo request is unchanged: no ratio or reference fields")
    func hailuoBodyUnchanged() throws {
        let json = try jsonObject(RequestBuilder.prepare(params(), family: .unified).body)
        #expect(Set(json.keys) == ["model", "prompt", "enhance_prompt", "duration", "resolution"])
    }

    @Test("parameters from before H3 decode with no ratio and no references; new ones round-trip")
    func codable() throws {
        let old = #"{"model":"minimax/hailuo-02","prompt":"x","promptOptimizer":true,"duration":6,"resolution":"768P"}"#
        let decoded = try JSONDecoder().decode(GenerationParameters.self, from: Data(old.utf8))
        #expect(decoded.ratio == nil && !decoded.hasReferences)
        let p = request(ratio: .r1x1, images: 2, videos: 1, audio: 1)
        let again = try JSONDecoder().decode(GenerationParameters.self, from: JSONEncoder().encode(p))
        #expect(again == p)
    }
}
