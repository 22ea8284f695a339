import Foundation
import Testing

@testable import HailuoSimulator

@Suite("Simulator request logs")
struct LogsTests {
    @Test("A row per create, with the documented fields; polls and downloads are not listed")
    func rowShape() async throws {
        try await withSimulator { simulator, client async throws in
            let created = try await client.create(.unified, headers: ["X-Client-Request-Id": "job-1"])
            let id = try #require(TestClient.id(in: created, .unified))
            simulator.advanceClock(by: 301)
            let url = try #require(videoURL(try await client.poll(id, .unified)))
            _ = try await client.send("GET", url)

            let answer = try await client.logs()
            #expect(answer.status == 200)
            let all = rows(answer)
            #expect(all.count == 1)
            let row = try #require(all.first)
            #expect(row["status"] as? String == "succeeded")
            #expect(row["origin"] as? String == "api")
            #expect(row["model"] as? String == "minimax/hailuo-02")
            let cost = try #require(row["cost"] as? [String: Any])
            #expect(cost["credits"] as? Int == 588_000)
            #expect(number(cost["usd"]) == 0.294)
            let tokens = try #require(row["tokens"] as? [String: Any])
            #expect(tokens["input"] as? Int == 0 && tokens["output"] as? Int == 0 && tokens["total"] as? Int == 0)
            #expect((row["request_id"] as? String)?.isEmpty == false)
            #expect(row["inference_id"] as? String == id)
            #expect(row["client_request_id"] as? String == "job-1")
            let createdText = try #require(row["created"] as? String)
            #expect(createdText.hasSuffix("Z") && createdText.contains("."))
            let parsed = try Date(createdText, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
            #expect(abs(parsed.timeIntervalSinceNow) < 3600)
            #expect(pagination(answer)["total"] as? Int == 1)
            #expect(pagination(answer)["has_more"] as? Bool == false)
        }
    }

    @Test("Lag: a fresh row is hidden until logsLag provider seconds have passed")
    func lag() async throws {
        try await withSimulator(SimulatorConfiguration(timeScale: 10, logsLag: 60)) { simulator, client async throws in
            _ = try await client.create()
            #expect(rows(try await client.logs()).isEmpty)
            #expect(pagination(try await client.logs())["total"] as? Int == 0)
            simulator.advanceClock(by: 61)
            #expect(rows(try await client.logs()).count == 1)
        }
    }

    @Test("Failed jobs and refused creates are failed rows with zero cost; a running job is succeeded")
    func statuses() async throws {
        try await withSimulator { simulator, client async throws in
            let failing = try #require(TestClient.id(in: try await client.create(.vendor, ["prompt": "x [sim:fail]"])))
            simulator.inject(.unavailable, on: .create)
            #expect(try await client.create(headers: ["X-Client-Request-Id": "refused"]).status == 503)
            #expect(try await client.create(.vendor, ["model": "openai/sora"]).status == 400)

            var all = rows(try await client.logs())
            #expect(all.count == 3)
            #expect(all.map { $0["status"] as? String } == ["failed", "failed", "succeeded"])
            #expect(all[0]["model"] as? String == "openai/sora")
            #expect(all[1]["inference_id"] is NSNull)
            #expect(all[1]["client_request_id"] as? String == "refused")
            #expect((all[1]["cost"] as? [String: Any])?["credits"] as? Int == 0)
            #expect(all[2]["inference_id"] as? String == failing)
            #expect((all[2]["cost"] as? [String: Any])?["credits"] as? Int == 588_000)

            simulator.advanceClock(by: 151)
            all = rows(try await client.logs())
            #expect(all[2]["status"] as? String == "failed")
            #expect((all[2]["cost"] as? [String: Any])?["credits"] as? Int == 0)
            #expect(number((all[2]["cost"] as? [String: Any])?["usd"]) == 0)
        }
    }

    @Test("A create without an accepted key is not listed")
    func unauthorizedNotListed() async throws {
        try await withSimulator { _, client async throws in
            var anonymous = client
            anonymous.key = nil
            #expect(try await anonymous.create().status == 401)
            #expect(try await anonymous.logs().status == 401)
            #expect(rows(try await client.logs()).isEmpty)
        }
    }

    @Test("Filters: model and status repeat (OR), commas are not split, aliases match")
    func filters() async throws {
        try await withSimulator { simulator, client async throws in
            _ = try await client.create(.vendor, ["model": "minimax/hailuo-02"])
            _ = try await client.create(.vendor, ["model": "minimax/hailuo-2.3"])
            _ = try await client.create(.vendor, ["model": "video-01", "prompt": "x [sim:fail]"])
            simulator.advanceClock(by: 200)

            func models(_ query: String) async throws -> [String] {
                rows(try await client.logs("period=24h&" + query)).compactMap { $0["model"] as? String }
            }
            #expect(try await models("model=minimax/hailuo-02") == ["minimax/hailuo-02"])
            #expect(
                try await models("model=minimax/hailuo-02&model=video-01") == ["video-01", "minimax/hailuo-02"])
            #expect(try await models("model=minimax/hailuo-02,video-01").isEmpty)
            #expect(try await models("model=hailuo-2.3") == ["minimax/hailuo-2.3"])
            #expect(try await models("model=minimax/video-01") == ["video-01"])
            #expect(try await models("model=Minimax/Hailuo-02").isEmpty)
            #expect(try await models("status=failed") == ["video-01"])
            #expect(try await models("status=succeeded").count == 2)
            #expect(try await models("status=succeeded&status=failed").count == 3)
            #expect(try await models("status=failed&model=minimax/hailuo-02").isEmpty)
            #expect(try await client.logs("period=24h&status=succeeded,failed").status == 400)
        }
    }

    @Test("Paging: newest first, limit and offset, total and has_more")
    func paging() async throws {
        try await withSimulator { simulator, client async throws in
            for _ in 0..<5 { _ = try await client.create() }
            let issued = simulator.issuedGenerationIDs()
            var seen: [String] = []
            for (offset, more) in [(0, true), (2, true), (4, false)] {
                let answer = try await client.logs("period=24h&limit=2&offset=\(offset)")
                let page = pagination(answer)
                #expect(page["limit"] as? Int == 2)
                #expect(page["offset"] as? Int == offset)
                #expect(page["total"] as? Int == 5)
                #expect(page["has_more"] as? Bool == more)
                seen += rows(answer).compactMap { $0["inference_id"] as? String }
            }
            #expect(seen == Array(issued.reversed()))
            let past = try await client.logs("period=24h&offset=10")
            #expect(rows(past).isEmpty)
            #expect(pagination(past)["has_more"] as? Bool == false)
            #expect(pagination(try await client.logs())["limit"] as? Int == 50)
        }
    }

    @Test("The window: period and start/end keep only the rows made inside it")
    func window() async throws {
        try await withSimulator { simulator, client async throws in
            _ = try await client.create()
            simulator.advanceClock(by: 25 * 3600)
            _ = try await client.create()
            #expect(rows(try await client.logs("period=24h")).count == 1)
            #expect(rows(try await client.logs("period=7d")).count == 2)
            #expect(rows(try await client.logs("period=2h")).count == 1)
            let now = Date().addingTimeInterval(25 * 3600)
            let style = Date.ISO8601FormatStyle()
            let start = now.addingTimeInterval(-3600).formatted(style)
            let end = now.addingTimeInterval(3600).formatted(style)
            #expect(rows(try await client.logs("start=\(start)&end=\(end)")).count == 1)
            let early = Date().addingTimeInterval(-3600).formatted(style)
            #expect(rows(try await client.logs("start=\(early)&end=\(end)")).count == 2)
        }
    }

    static let badQueries: [String] = [
        "",
        "period=24h&start=2026-07-01T00:00:00Z&end=2026-07-02T00:00:00Z",
        "period=24h&start=2026-07-01T00:00:00Z",
        "start=2026-07-01T00:00:00Z",
        "end=2026-07-01T00:00:00Z",
        "period=24",
        "period=0d",
        "period=93d",
        "period=yesterday",
        "start=2026-07-01&end=2026-10-02",
        "start=2026-07-02T00:00:00Z&end=2026-07-01T00:00:00Z",
        "start=July%201&end=2026-07-02T00:00:00Z",
        "start=2026-07-01T00:00:00Z&end=2026-13-40T00:00:00Z",
        "period=24h&limit=0",
        "period=24h&limit=101",
        "period=24h&limit=ten",
        "period=24h&offset=-1",
        "period=24h&status=pending",
    ]

    @Test("Every refused query answers 400 in the provider's error shape", arguments: badQueries)
    func badQuery(_ query: String) async throws {
        try await withSimulator { _, client async throws in
            let answer = try await client.send("GET", "/v2/logs" + (query.isEmpty ? "" : "?" + query))
            #expect(answer.status == 400)
            #expect(answer.object?["statusCode"] as? Int == 400)
            #expect(answer.object?["path"] as? String == "/v2/logs")
            #expect((answer.object?["message"] as? String)?.isEmpty == false)
            #expect(answer.object?["requestId"] as? String != nil)
        }
    }

    @Test("Accepted windows: start/end without an offset, with fractions, exactly 92 days, end equal to start")
    func goodQueries() async throws {
        try await withSimulator { _, client async throws in
            for query in [
                "start=2026-07-01T00:00:00&end=2026-07-02T00:00:00.500Z",
                "start=2026-07-01&end=2026-10-01",
                "start=2026-07-01T00:00:00%2B02:00&end=2026-07-01T00:00:00%2B02:00",
                "period=2208h&limit=100&offset=0",
                "period=92d&limit=1",
            ] {
                #expect(try await client.logs(query).status == 200, "\(query)")
            }
        }
    }

    @Test("Rate limit: the 201st request within 60 s answers 429 with the provider body")
    func rateLimit() async throws {
        try await withSimulator { simulator, client async throws in
            var statuses: [Int] = []
            for _ in 0..<20 {
                statuses += try await withThrowingTaskGroup(of: Int.self) { group in
                    for _ in 0..<10 { group.addTask { try await client.logs().status } }
                    return try await group.reduce(into: [Int]()) { $0.append($1) }
                }
            }
            #expect(statuses.count == 200)
            #expect(statuses.allSatisfy { $0 == 200 })
            let refused = try await client.logs()
            #expect(refused.status == 429)
            #expect(refused.object?["statusCode"] as? Int == 429)
            #expect(simulator.logsRequestCount == 201)
            simulator.reset()
            #expect(try await client.logs().status == 200)
        }
    }

    @Test(
        "Logs faults: 400, 429, 500 once each",
        arguments: [(SimulatorFault.logsBadRequest, 400), (.logsRateLimited, 429), (.logsServerError, 500)])
    func statusFaults(_ fault: SimulatorFault, _ status: Int) async throws {
        try await withSimulator { simulator, client async throws in
            simulator.inject(fault, on: .logs)
            let answer = try await client.logs()
            #expect(answer.status == status)
            #expect(answer.object?["statusCode"] as? Int == status)
            #expect(simulator.recordedRequests().last?.fault == fault)
            #expect(try await client.logs().status == 200)
        }
    }

    @Test("logs-null-rows: cost, model, client_request_id and inference_id are null")
    func nullRows() async throws {
        try await withSimulator { simulator, client async throws in
            _ = try await client.create(headers: ["X-Client-Request-Id": "abc"])
            let answer = try await client.logs(headers: ["X-Simulator-Fault": "logs-null-rows"])
            let row = try #require(rows(answer).first)
            for field in ["cost", "model", "client_request_id", "inference_id"] {
                #expect(row[field] is NSNull, "\(field)")
            }
            #expect(row["status"] as? String == "succeeded")
            #expect(row["tokens"] as? [String: Any] != nil)
            #expect(simulator.recordedRequests().last?.fault == .logsNullRows)
            #expect(rows(try await client.logs()).first?["inference_id"] as? String != nil)
        }
    }

    @Test(
        "A create whose answer is lost is still listed with its client id: reset, slow, [sim:lost], 500",
        arguments: ["reset", "slow", "[sim:lost]", "500"])
    func lostAnswerListed(_ how: String) async throws {
        try await withSimulator(SimulatorConfiguration(slowDelay: 30)) { simulator, client async throws in
            var impatient = client
            impatient.timeout = 1
            let headers = ["X-Client-Request-Id": "lost-\(how.filter(\.isLetter))"]
            switch how {
            case "[sim:lost]":
                await #expect(throws: (any Error).self) {
                    _ = try await impatient.create(.unified, ["prompt": "x [sim:lost]"], headers: headers)
                }
            case "500":
                simulator.inject(.serverError, on: .create)
                #expect(try await client.create(.unified, headers: headers).status == 500)
            default:
                simulator.inject(try #require(SimulatorFault(rawValue: how)), on: .create)
                await #expect(throws: (any Error).self) { _ = try await impatient.create(.unified, headers: headers) }
            }
            #expect(await eventually { simulator.issuedGenerationIDs().count == 1 })
            let row = try #require(rows(try await client.logs()).first)
            #expect(row["client_request_id"] as? String == headers["X-Client-Request-Id"])
            #expect(row["inference_id"] as? String == simulator.issuedGenerationIDs().first)
            #expect(row["status"] as? String == "succeeded")
        }
    }

    @Test("Playground jobs poll, cost and show up with origin playground and no client id")
    func playground() async throws {
        try await withSimulator { simulator, client async throws in
            let id = simulator.addPlaygroundJob(
                model: "minimax/hailuo-02", prompt: "A lake", duration: 10, resolution: "768P")
            #expect(simulator.issuedGenerationIDs().isEmpty)
            #expect(try await client.poll(id).object?["status"] as? String == "queued")
            var control = client
            control.key = nil
            let added = try await control.send(
                "POST", "/__sim/playground",
                rawBody: Data(#"{"model": "minimax/hailuo-2.3", "prompt": "x [sim:fail]"}"#.utf8))
            #expect(added.status == 200)
            let failing = try #require(added.object?["generation_id"] as? String)
            #expect(try await control.send("POST", "/__sim/playground", rawBody: Data("{}".utf8)).status == 400)

            let listed = rows(try await client.logs())
            #expect(listed.map { $0["inference_id"] as? String } == [failing, id])
            #expect(listed.allSatisfy { $0["origin"] as? String == "playground" && $0["client_request_id"] is NSNull })
            #expect((listed[1]["cost"] as? [String: Any])?["credits"] as? Int == 1_176_000)

            simulator.advanceClock(by: 541)
            let done = try await client.poll(id, .unified)
            #expect(done.object?["status"] as? String == "completed")
            #expect(usage(done)?["credits_used"] as? Int == 1_176_000)
            #expect(try await client.poll(failing).object?["status"] as? String == "error")
            #expect(try await client.balance() == 99.412)
            #expect(rows(try await client.logs("period=24h&status=failed")).count == 1)
        }
    }
}
