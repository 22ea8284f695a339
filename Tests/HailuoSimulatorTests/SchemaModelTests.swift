import Foundation
import Testing

@testable import HailuoSimulator

/// H3 and H3 Max as their OpenAPI schemas say (`h3.json`, `h3-max.json`): both sides of each limit.
@Suite("Simulator: H3 and H3 Max create bodies, as their schemas say")
struct SchemaModelTests {
    static func urls(_ count: Int, _ stem: String) -> [String] {
        (0..<count).map { "https://example.com/\(stem)\($0)" }
    }

    /// Bodies and the line the refusal must contain (nil: accepted).
    static var cases: [(String, [String: Any], String?)] {
        [
            ("h3 minimal", ["model": "minimax/h3"], nil),
            ("h3 duration 4", ["model": "minimax/h3", "duration": 4], nil),
            ("h3 duration 3", ["model": "minimax/h3", "duration": 3], "greater than or equal to 4 at \"duration\""),
            ("h3 duration 15", ["model": "minimax/h3", "duration": 15], nil),
            ("h3 duration 16", ["model": "minimax/h3", "duration": 16], "less than or equal to 15 at \"duration\""),
            ("h3 duration 6.5", ["model": "minimax/h3", "duration": 6.5], "Expected integer"),
            ("h3 2K", ["model": "minimax/h3", "resolution": "2K"], nil),
            ("h3 768P", ["model": "minimax/h3", "resolution": "768P"], "Expected '2K', received '768P'"),
            ("h3 prompt 7000", ["model": "minimax/h3", "prompt": String(repeating: "a", count: 7000)], nil),
            (
                "h3 prompt 7001", ["model": "minimax/h3", "prompt": String(repeating: "a", count: 7001)],
                "at most 7000 character(s)"
            ),
            ("h3 ratio 9:16", ["model": "minimax/h3", "ratio": "9:16"], nil),
            ("h3 ratio 2:1", ["model": "minimax/h3", "ratio": "2:1"], "received '2:1' at \"ratio\""),
            ("h3 adaptive text-only (falls back to 16:9)", ["model": "minimax/h3", "ratio": "adaptive"], nil),
            ("h3 9 images", ["model": "minimax/h3", "reference_image_urls": urls(9, "i")], nil),
            (
                "h3 10 images", ["model": "minimax/h3", "reference_image_urls": urls(10, "i")],
                "at most 9 element(s) at \"reference_image_urls\""
            ),
            ("h3 3 videos", ["model": "minimax/h3", "video_urls": urls(3, "v")], nil),
            (
                "h3 4 videos", ["model": "minimax/h3", "video_urls": urls(4, "v")],
                "at most 3 element(s) at \"video_urls\""
            ),
            (
                "h3 4 audio", ["model": "minimax/h3", "video_urls": urls(1, "v"), "audio_urls": urls(4, "a")],
                "at most 3 element(s) at \"audio_urls\""
            ),
            ("h3 audio alone", ["model": "minimax/h3", "audio_urls": urls(1, "a")], "cannot be the only reference"),
            (
                "h3 audio with a video",
                ["model": "minimax/h3", "video_urls": urls(1, "v"), "audio_urls": urls(1, "a")], nil
            ),
            ("h3 reference not a URL", ["model": "minimax/h3", "reference_image_urls": ["ref.png"]], "Invalid url"),
            ("h3-max minimal", ["model": "minimax/h3-max"], nil),
            ("h3-max duration 4", ["model": "minimax/h3-max", "duration": 4], "greater than or equal to 5"),
            ("h3-max duration 5", ["model": "minimax/h3-max", "duration": 5], nil),
            ("h3-max 480p", ["model": "minimax/h3-max", "resolution": "480p"], nil),
            ("h3-max 768P (upper case)", ["model": "minimax/h3-max", "resolution": "768P"], "received '768P'"),
            ("h3-max prompt 50000", ["model": "minimax/h3-max", "prompt": String(repeating: "a", count: 50_000)], nil),
            (
                "h3-max 12 references",
                ["model": "minimax/h3-max", "reference_image_urls": urls(9, "i"), "video_urls": urls(3, "v")], nil
            ),
            (
                "h3-max 13 references",
                [
                    "model": "minimax/h3-max", "reference_image_urls": urls(9, "i"), "video_urls": urls(3, "v"),
                    "audio_urls": urls(1, "a"),
                ], "at most 12 files"
            ),
            ("h3-max expansion quality", ["model": "minimax/h3-max", "prompt_expansion_mode": "quality"], nil),
            ("h3-max expansion fast", ["model": "minimax/h3-max", "prompt_expansion_mode": "fast"], "received 'fast'"),
        ]
    }

    @Test("each case accepted or refused naming the field")
    func schema() async throws {
        try await withSimulator { _, client async throws in
            for (name, fields, expected) in Self.cases {
                var body: [String: Any] = ["prompt": "A lighthouse at dusk"]
                for (key, value) in fields { body[key] = value }
                let answer = try await client.send("POST", TestClient.unifiedPath, json: body)
                if let expected {
                    #expect(answer.status == 400, "\(name)")
                    let message = answer.object?["message"] as? String ?? ""
                    #expect(message.contains(expected), "\(name): \(message)")
                } else {
                    #expect(answer.status == 200, "\(name): \(answer.text)")
                }
            }
        }
    }

    @Test("H3 is not served on the vendor endpoint")
    func vendorRefusesH3() async throws {
        try await withSimulator { _, client async throws in
            for model in ["minimax/h3", "minimax/h3-max"] {
                let answer = try await client.send(
                    "POST", TestClient.vendorPath, json: ["model": model, "prompt": "A lighthouse"])
                #expect(answer.status == 400)
                #expect((answer.object?["message"] as? String)?.contains("received '\(model)' at \"model\"") == true)
            }
        }
    }
}
