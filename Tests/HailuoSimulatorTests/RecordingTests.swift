import Foundation
import Testing

@testable import HailuoSimulator

@Suite("Simulator recordings and control routes")
struct RecordingTests {
    @Test("Requests are recorded per kind and id, without the key or base64 data")
    func recordsRequests() async throws {
        try await withSimulator { simulator, client async throws in
            let payload = Data((0..<3000).map { UInt8($0 % 251) }).base64EncodedString()
            let created = try await client.create(.vendor, ["first_frame_image": "data:image/png;base64," + payload])
            let id = try #require(TestClient.id(in: created))
            _ = try await client.poll(id)
            _ = try await client.poll(id)
            simulator.advanceClock(by: 301)
            let url = try #require(videoURL(try await client.poll(id)))
            _ = try await client.send("GET", url)

            let records = simulator.recordedRequests()
            #expect(records.map(\.kind) == [.create, .poll, .poll, .poll, .download])
            #expect(records.filter { $0.kind == .poll && $0.generationID == id }.count == 3)
            #expect(records.first?.generationID == id)
            #expect(records.first?.family == .vendor)
            #expect(records.first?.bodyKeys == ["duration", "first_frame_image", "model", "prompt", "resolution"])
            #expect(records.map(\.answeredStatus) == [200, 200, 200, 200, 200])
            let text = try #require(records.first?.bodyText)
            #expect(text.contains("[3000 bytes]"))
            #expect(!text.contains(String(payload.prefix(40))))

            let everything = String(decoding: try JSONEncoder().encode(records), as: UTF8.self)
            #expect(!everything.contains(client.key ?? "test-key"))
            #expect(!everything.contains(String(payload.prefix(40))))
        }
    }

    @Test("Control routes over HTTP: faults, requests, issued, advance, reset (no auth needed)")
    func controlRoutes() async throws {
        try await withSimulator { simulator, client async throws in
            var control = client
            control.key = nil
            let rule = try await control.send(
                "POST", "/__sim/faults", rawBody: Data(#"{"fault": "503", "on": "create"}"#.utf8))
            #expect(rule.status == 200)
            #expect(try await client.create().status == 503)
            let created = try await client.create()
            let id = try #require(TestClient.id(in: created))

            let issued = try await control.send("GET", "/__sim/issued")
            #expect((try JSONSerialization.jsonObject(with: issued.body)) as? [String] == [id])

            let advanced = try await control.send("POST", "/__sim/advance?seconds=301")
            #expect(advanced.status == 200)
            #expect(try await client.poll(id).object?["status"] as? String == "completed")

            let requests = try await control.send("GET", "/__sim/requests")
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            let records = try decoder.decode([RecordedRequest].self, from: requests.body)
            #expect(records.map(\.kind) == [.create, .create, .poll])
            #expect(records.first?.answeredStatus == 503)

            let forever = try await control.send(
                "POST", "/__sim/faults", rawBody: Data(#"[{"fault": "500", "on": "poll", "count": null}]"#.utf8))
            #expect(forever.status == 200)
            #expect(try await client.poll(id).status == 500)
            #expect(try await client.poll(id).status == 500)

            #expect(try await control.send("POST", "/__sim/reset").status == 200)
            #expect(simulator.recordedRequests().isEmpty)
            #expect(simulator.issuedGenerationIDs().isEmpty)
            #expect(try await client.poll(id).status == 200)

            #expect(
                try await control.send("POST", "/__sim/faults", rawBody: Data(#"{"fault": "bogus"}"#.utf8)).status
                    == 400)
            #expect(try await control.send("POST", "/__sim/advance?seconds=abc").status == 400)
        }
    }

    @Test("start() twice returns the same port; stop() twice is safe; baseURL is loopback")
    func startStop() async throws {
        let simulator = Simulator()
        let port = try await simulator.start()
        #expect(port > 0)
        #expect(try await simulator.start() == port)
        #expect(simulator.baseURL == "http://127.0.0.1:\(port)")
        await simulator.stop()
        await simulator.stop()
        #expect(simulator.port == nil)
    }

    @Test("A second simulator on a port already in use fails to start, and runUntilCancelled stops on cancel")
    func portInUse() async throws {
        let first = Simulator()
        let port = try await first.start()
        let second = Simulator(configuration: SimulatorConfiguration(port: port))
        await #expect(throws: (any Error).self) { try await second.start() }
        await second.stop()
        await first.stop()

        let third = Simulator()
        let serving = Task { try await third.runUntilCancelled() }
        #expect(await eventually { third.port != nil })
        serving.cancel()
        try await serving.value
        #expect(third.port == nil)
    }

    @Test("FaultRule JSON: 'on' defaults to any, a missing count to 1, null count to every request")
    func faultRuleJSON() throws {
        let decoder = JSONDecoder()
        let plain = try decoder.decode(FaultRule.self, from: Data(#"{"fault": "slow"}"#.utf8))
        #expect(plain == FaultRule(fault: .slow, on: .any, count: 1))
        let forever = try decoder.decode(
            FaultRule.self, from: Data(#"{"fault": "reset", "on": "download", "count": null}"#.utf8))
        #expect(forever == FaultRule(fault: .reset, on: .download, count: nil))
        let roundTrip = try decoder.decode(FaultRule.self, from: JSONEncoder().encode(forever))
        #expect(roundTrip == forever)
    }
}
