import Foundation
import Testing

@testable import HailuoSimulator

/// A create body that the simulator must refuse, and a line its message must contain.
struct RejectedCreate: Sendable, CustomTestStringConvertible {
    var name: String
    var family: SimulatorEndpointFamily
    var fields: [String: SendableJSON]
    var removed: [String] = []
    var expectedLine: String

    var testDescription: String { name }
}

/// A JSON scalar that can sit in a test argument.
enum SendableJSON: Sendable {
    case string(String), int(Int), bool(Bool)

    var value: Any {
        switch self {
        case .string(let value): value
        case .int(let value): value
        case .bool(let value): value
        }
    }
}

private let pngDataURL =
    "data:image/png;base64," + Data([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).base64EncodedString()

@Suite("Simulator create validation")
struct ValidationTests {
    static let rejected: [RejectedCreate] = [
        RejectedCreate(
            name: "model missing", family: .vendor, fields: [:], removed: ["model"],
            expectedLine: "Required at \"model\""),
        RejectedCreate(
            name: "model unknown", family: .vendor, fields: ["model": .string("sora")],
            expectedLine:
                "Invalid enum value. Expected 'minimax/hailuo-02' | 'video-01' | 'video-01-live2d' | 'minimax/hailuo-2.3' | 'minimax/hailuo-2.3-fast', received 'sora' at \"model\""
        ),
        RejectedCreate(
            name: "prompt missing", family: .vendor, fields: [:], removed: ["prompt"],
            expectedLine: "Required at \"prompt\""),
        RejectedCreate(
            name: "prompt empty", family: .unified, fields: ["prompt": .string("")],
            expectedLine: "String must contain at least 1 character(s) at \"prompt\""),
        RejectedCreate(
            name: "prompt 2001 UTF-16 units (1001 emoji)", family: .vendor,
            fields: ["prompt": .string(String(repeating: "😀", count: 1001))],
            expectedLine: "String must contain at most 2000 character(s) at \"prompt\""),
        RejectedCreate(
            name: "prompt not a string", family: .vendor, fields: ["prompt": .int(5)],
            expectedLine: "Expected string, received number at \"prompt\""),
        RejectedCreate(
            name: "duration 7", family: .vendor, fields: ["duration": .int(7)],
            expectedLine: "Invalid enum value. Expected 6 | 10, received 7 at \"duration\""),
        RejectedCreate(
            name: "duration as text", family: .unified, fields: ["duration": .string("6")],
            expectedLine: "Expected number, received string at \"duration\""),
        RejectedCreate(
            name: "resolution 720P", family: .vendor, fields: ["resolution": .string("720P")],
            expectedLine: "Invalid enum value. Expected '768P' | '1080P', received '720P' at \"resolution\""),
        RejectedCreate(
            name: "vendor first_frame_image not a URL", family: .vendor,
            fields: ["first_frame_image": .string("ftp://example.com/a.png")], expectedLine: "at \"first_frame_image\""),
        RejectedCreate(
            name: "vendor image_url gif data URL", family: .vendor,
            fields: ["image_url": .string("data:image/gif;base64,R0lGOD")], expectedLine: "at \"image_url\""),
        RejectedCreate(
            name: "last_image_url not base64", family: .unified,
            fields: ["last_image_url": .string("data:image/jpeg;base64,!!!")], expectedLine: "at \"last_image_url\""),
        RejectedCreate(
            name: "prompt_optimizer not boolean", family: .vendor, fields: ["prompt_optimizer": .string("yes")],
            expectedLine: "Expected boolean, received string at \"prompt_optimizer\""),
        RejectedCreate(
            name: "enhance_prompt not boolean", family: .unified, fields: ["enhance_prompt": .int(1)],
            expectedLine: "Expected boolean, received number at \"enhance_prompt\""),
        RejectedCreate(
            name: "video-01-live2d without image", family: .vendor, fields: ["model": .string("video-01-live2d")],
            expectedLine: "Required at \"first_frame_image\""),
        RejectedCreate(
            name: "hailuo-2.3-fast without image (unified)", family: .unified,
            fields: ["model": .string("minimax/hailuo-2.3-fast")], expectedLine: "Required at \"image_url\""),
        RejectedCreate(
            name: "hailuo-2.3-fast without image (vendor)", family: .vendor,
            fields: ["model": .string("minimax/hailuo-2.3-fast")], expectedLine: "Required at \"image_url\""),
    ]

    @Test("Invalid create bodies answer 400 naming the field", arguments: rejected)
    func rejects(_ case: RejectedCreate) async throws {
        try await withSimulator { simulator, client async throws in
            var body: [String: Any] = [
                "model": "minimax/hailuo-02", "prompt": "A lighthouse at dusk", "duration": 6, "resolution": "768P",
            ]
            for (key, value) in `case`.fields { body[key] = value.value }
            for key in `case`.removed { body[key] = nil }
            let path = `case`.family == .vendor ? TestClient.vendorPath : TestClient.unifiedPath
            let answer = try await client.send("POST", path, json: body)
            #expect(answer.status == 400)
            let message = try #require(answer.object?["message"] as? String)
            #expect(message.hasPrefix("Body validation error!\n"))
            #expect(message.contains(`case`.expectedLine), "message was: \(message)")
            #expect(answer.object?["statusCode"] as? Int == 400)
            #expect(simulator.issuedGenerationIDs().isEmpty)
        }
    }

    @Test("A body that is not JSON answers 400")
    func notJSON() async throws {
        try await withSimulator { _, client async throws in
            let answer = try await client.send("POST", TestClient.vendorPath, rawBody: Data("prompt=hi".utf8))
            #expect(answer.status == 400)
            #expect((answer.object?["message"] as? String)?.hasPrefix("Body validation error!") == true)
        }
    }

    @Test("Valid edge cases are accepted: 2000 UTF-16 units, images as URL or data URL, every model")
    func accepts() async throws {
        try await withSimulator { simulator, client async throws in
            let bodies: [(SimulatorEndpointFamily, [String: Any])] = [
                (.vendor, ["prompt": String(repeating: "😀", count: 1000)]),
                (
                    .vendor,
                    [
                        "first_frame_image": "https://example.com/a.jpg", "last_image_url": pngDataURL,
                        "prompt_optimizer": false,
                    ]
                ),
                (.vendor, ["model": "video-01-live2d", "first_frame_image": pngDataURL]),
                (.vendor, ["model": "video-01"]),
                (
                    .unified,
                    [
                        "model": "minimax/hailuo-2.3-fast", "image_url": "http://example.com/a.png",
                        "enhance_prompt": true,
                    ]
                ),
                (.unified, ["model": "minimax/hailuo-2.3", "duration": 10]),
                (.vendor, ["resolution": "1080P", "duration": 10]),
            ]
            for (family, fields) in bodies {
                let answer = try await client.create(family, fields)
                #expect(answer.status == 200, "\(fields.keys.sorted()): \(answer.text)")
            }
            #expect(simulator.issuedGenerationIDs().count == bodies.count)
        }
    }

    @Test("1080P with 10 s is accepted at create and then fails saying 1080P allows 6 s only")
    func resolutionDurationFailsLater() async throws {
        try await withSimulator { simulator, client async throws in
            let created = try await client.create(.unified, ["resolution": "1080P", "duration": 10])
            #expect(created.status == 200)
            let id = try #require(TestClient.id(in: created, .unified))
            simulator.advanceClock(by: 600)
            let polled = try await client.poll(id, .unified)
            #expect(polled.object?["status"] as? String == "error")
            let error = try #require(polled.object?["error"] as? [String: Any])
            #expect((error["message"] as? String)?.contains("1080P") == true)
            #expect((error["message"] as? String)?.contains("6 s") == true)
        }
    }
}
