import Foundation
import HailuoCore
import HailuoSimulator
import HailuoTestSupport
import Testing

@Suite("hailuo models: availability and new models; a dropped model refused", .serialized, .sharesTheMachine)
struct ModelsCLITests {
    func cli(_ home: URL, _ port: Int) -> CLIRunner {
        CLIRunner(
            home: home, extra: ["AIML_API_KEY": "sk-models-test-0001", "AIML_API_BASE_URL": "http://127.0.0.1:\(port)"])
    }

    /// `hailuo models --json` until the catalogue answered (bounded: a machine loaded by the whole
    /// suite may make one fetch outlast the catalogue's short timeout).
    func checkedJSON(_ runner: CLIRunner, refresh: Bool = false) async throws -> [String: Any] {
        var last: [String: Any] = [:]
        for _ in 0..<3 {
            let outcome = try await runner.run(["models", "--json"] + (refresh ? ["--refresh"] : []))
            #expect(outcome.status == 0, "\(outcome.stderr)")
            last = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
            if !(last["checked_at"] is NSNull) { return last }
        }
        Issue.record("the catalogue never answered: \(last)")
        return last
    }

    func availability(_ object: [String: Any]) -> [String: String] {
        var result: [String: String] = [:]
        for case let model as [String: Any] in (object["models"] as? [Any]) ?? [] {
            if let id = model["id"] as? String { result[id] = model["availability"] as? String }
        }
        return result
    }

    @Test func aDroppedModelIsNoLongerListedAndANewOneIsListedApart() async throws {
        let home = try TemporaryFolder("hailuo-models").url
        defer { TemporaryFolder.remove(home) }
        let simulator = Simulator()
        let port = try await simulator.start()
        defer { Task { await simulator.stop() } }
        simulator.removeFromCatalogue(model: "video-01")
        simulator.addCatalogueModel("minimax/h9", name: "MiniMax H9")
        let runner = cli(home, port)

        let object = try await checkedJSON(runner)
        let states = availability(object)
        #expect(states["video-01"] == "unlisted")
        #expect(states["minimax/hailuo-02"] == "available")
        #expect(states.count == ModelCatalog.ids.count)
        let new = (object["new"] as? [[String: Any]]) ?? []
        #expect(new.contains { $0["id"] as? String == "minimax/h9" && $0["name"] as? String == "MiniMax H9" })
        #expect(!new.contains { $0["id"] as? String == "video-01" })

        // The answer is cached: the text form reads it without asking again.
        let listings = { simulator.recordedRequests().filter { $0.kind == .catalogue && $0.query.isEmpty }.count }
        let asked = listings()
        let text = try await runner.run(["models"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(listings() == asked, "the cached list was used")
        let lines = text.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("video-01  no longer listed") })
        #expect(lines.contains { $0.hasPrefix("minimax/hailuo-02 (default)  available") })
        let heading = try #require(lines.firstIndex { $0.hasPrefix("New on the provider (not offered") })
        #expect(lines[(heading + 1)...].contains { $0.hasPrefix("  minimax/h9") })

        // Submitting the dropped model is refused before anything is sent, with exit 2.
        let submit = try await runner.run(["submit", "--model", "video-01", "--prompt", "a boat"])
        #expect(submit.status == 2, "\(submit.stderr)")
        #expect(submit.stderr.contains("video-01 is no longer listed by the provider (catalogue checked "))
        #expect(submit.stderr.contains("nothing was sent"))
        // The new model is not offered: hailuo does not know its rules.
        let new9 = try await runner.run(["submit", "--model", "minimax/h9", "--prompt", "a boat"])
        #expect(new9.status == 2, "\(new9.stderr)")
        #expect(simulator.recordedRequests().filter { $0.kind == .create }.isEmpty)
    }

    @Test func offlineTheBuiltInTableIsTheAnswer() async throws {
        let home = try TemporaryFolder("hailuo-models").url
        defer { TemporaryFolder.remove(home) }
        let simulator = Simulator()
        let port = try await simulator.start()
        defer { Task { await simulator.stop() } }
        simulator.removeFromCatalogue(model: "video-01")
        let runner = cli(home, port)

        let offline = try await runner.run(["models", "--offline"])
        #expect(offline.status == 0, "\(offline.stderr)")
        #expect(offline.stdout.contains("video-01  not checked: --offline"))
        #expect(offline.stdout.contains("the built-in table is the answer"))
        // Each model's own starting times, with their source.
        #expect(offline.stdout.contains("typical time: 6 s clip 50-70 s, 10 s clip 85-115 s (the provider's docs"))
        #expect(offline.stdout.contains("6 s clip 4-5 min (the provider's docs"), "video-01 makes 6 s clips only")
        #expect(!offline.stdout.contains("New on the provider"))
        #expect(simulator.recordedRequests().isEmpty, "--offline asks nothing")

        let json = try await runner.run(["models", "--offline", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["checked_at"] is NSNull)
        #expect(Set(availability(object).values) == ["unchecked"])

        let unreachable = CLIRunner(
            home: home, extra: ["AIML_API_KEY": "sk-models-test-0001", "AIML_API_BASE_URL": "http://127.0.0.1:1"])
        let down = try await unreachable.run(["models"])
        #expect(down.status == 0, "\(down.stderr)")
        #expect(down.stdout.contains("minimax/hailuo-02 (default)  not checked: "))

        let both = try await runner.run(["models", "--offline", "--refresh"])
        #expect(both.status == 2)
    }
}
