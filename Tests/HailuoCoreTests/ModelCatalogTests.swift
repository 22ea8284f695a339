import Foundation
import HailuoCore
import Testing

@Suite("Model catalog rows")
struct ModelCatalogTests {
    @Test func idsAreUniqueAndTheDefaultIsFirst() {
        let ids = ModelCatalog.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids.first == ModelCatalog.defaultModelID)
        #expect(
            ids == [
                "minimax/hailuo-02", "video-01", "video-01-live2d", "minimax/hailuo-2.3", "minimax/hailuo-2.3-fast",
                "minimax/h3", "minimax/h3-max",
            ])
        #expect(ModelCatalog.model("nope") == nil)
        #expect(ModelCatalog.model("MINIMAX/HAILUO-02") == nil)
    }

    @Test func aModelIDIsCodedAsTheBareString() throws {
        let parameters = GenerationParameters(model: "video-01", prompt: "a boat")
        let json = String(decoding: try JSONEncoder().encode(parameters), as: UTF8.self)
        #expect(json.contains(#""model":"video-01""#))
        #expect(try JSONDecoder().decode(GenerationParameters.self, from: Data(json.utf8)) == parameters)
        #expect(try JSONDecoder().decode(ModelID.self, from: Data(#""unknown/model""#.utf8)) == "unknown/model")
        #expect(ModelID("video-01").description == "video-01")
    }

    @Test func hailuo02Rules() throws {
        let m = try #require(ModelCatalog.model("minimax/hailuo-02"))
        #expect(m.firstFrame == .optional)
        #expect(m.lastFrame == .optional)
        #expect(m.allowedDurations(for: .p768) == [6, 10])
        #expect(m.allowedDurations(for: .p1080) == [6])
        #expect(m.allowedResolutions(for: 6) == [.p768, .p1080])
        #expect(m.allowedResolutions(for: 10) == [.p768])
        #expect(
            m.fields
                == Set(VideoModel.RequestField.allCases).subtracting([
                    .ratio, .referenceImages, .referenceVideos, .referenceAudio,
                ]))
        #expect(m.fieldName(.firstFrame, family: .vendor) == "first_frame_image")
        #expect(m.fieldName(.firstFrame, family: .unified) == "image_url")
        #expect(m.fieldName(.promptOptimizer, family: .vendor) == "prompt_optimizer")
        #expect(m.fieldName(.promptOptimizer, family: .unified) == "enhance_prompt")
        #expect(m.fieldName(.lastFrame, family: .vendor) == "last_image_url")
    }

    @Test func video01TakesNoDurationOrResolution() throws {
        let m = try #require(ModelCatalog.model("video-01"))
        #expect(!m.takes(.duration))
        #expect(!m.takes(.resolution))
        #expect(!m.takes(.lastFrame))
        #expect(m.takes(.promptOptimizer))
        #expect(m.fieldName(.duration, family: .vendor) == nil)
        #expect(m.effectiveDuration(10) == 6)
        #expect(ModelCatalog.model("video-01-live2d")?.firstFrame == .required)
    }

    @Test func hailuo23UsesImageURLAndFastRequiresAnImage() throws {
        let m = try #require(ModelCatalog.model("minimax/hailuo-2.3"))
        let fast = try #require(ModelCatalog.model("minimax/hailuo-2.3-fast"))
        #expect(m.fieldName(.firstFrame, family: .vendor) == "image_url")
        #expect(m.firstFrame == .optional)
        #expect(fast.firstFrame == .required)
        #expect(fast.fieldName(.firstFrame, family: .vendor) == "image_url")
        for row in [m, fast] {
            #expect(row.allowedDurations(for: .p1080) == [6])
            #expect(row.allowedDurations(for: .p768) == [6, 10])
            #expect(!row.takes(.lastFrame))
        }
    }

    @Test func typicalGenerationTimesArePerModelAndClipDuration() {
        let sixSecond: [ModelID: ClosedRange<Int>] = [
            "minimax/hailuo-02": 240...300, "video-01": 240...300, "video-01-live2d": 240...300,
            "minimax/hailuo-2.3": 75...105, "minimax/hailuo-2.3-fast": 50...70,
            "minimax/h3": 240...300, "minimax/h3-max": 240...300,
        ]
        for row in ModelCatalog.all {
            #expect(row.typicalGenerationTime(forClip: 6) == sixSecond[row.id], "\(row.id)")
            #expect(!row.summary.isEmpty)
            #expect(!row.timesSource.isEmpty)
        }
        let m = ModelCatalog.defaultModel
        #expect(m.typicalGenerationTime(forClip: 10) == 480...540)
        #expect(ModelCatalog.model("video-01")?.typicalGenerationTime(forClip: 10) == 240...300)
    }
}
