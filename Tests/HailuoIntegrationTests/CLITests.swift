import Foundation
import HailuoSimulator
import HailuoTestSupport
import Testing

@Suite("The hailuo command line", .serialized, .sharesTheMachine)
struct CLITests {
    func folder() throws -> URL { try TemporaryFolder("hailuo-cli").url }

    func json(_ line: Substring) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test func demoSubmitWaitDownloadThenListAndShow() async throws {
        let home = try folder()
        defer { TemporaryFolder.remove(home) }
        let cli = CLIRunner(home: home)
        let submit = try await cli.run([
            "submit", "--prompt", "A paper boat 🚣 in the rain", "--wait", "--download", "--json",
        ])
        #expect(submit.status == 0, "\(submit.stderr)")
        #expect(submit.stderr.contains("DEMO"))
        let job = try json(try #require(submit.stdout.split(separator: "\n").last))
        #expect(job["status"] as? String == "completed")
        let file = try #require(job["file"] as? String)
        #expect(FileManager.default.fileExists(atPath: file))
        #expect(file.hasPrefix(home.appendingPathComponent("videos").path))
        for key in [
            "id", "generation_id", "status", "model", "prompt", "duration", "resolution", "video_url", "file", "error",
            "created_at", "updated_at",
        ] {
            #expect(job.keys.contains(key), "missing \(key)")
        }
        let id = try #require(job["id"] as? String)

        let jobs = try await cli.run(["jobs", "--json"])
        #expect(jobs.status == 0)
        #expect(try jobs.stdout.split(separator: "\n").map(json).contains { $0["id"] as? String == id })

        let show = try await cli.run(["show", String(id.prefix(5))])
        #expect(show.status == 0)
        #expect(show.stdout.contains(id))
        #expect(show.stdout.contains("history"))

        let elsewhere = home.appendingPathComponent("elsewhere")
        let download = try await cli.run(["download", id, "--to", elsewhere.path])
        #expect(download.status == 0, "\(download.stderr)")
        #expect(download.stdout.hasPrefix(elsewhere.path))
        #expect(FileManager.default.fileExists(atPath: download.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))

        let table = try await cli.run(["jobs"])
        #expect(table.stdout.contains(id))
        #expect(table.stdout.contains("completed"))
    }

    @Test func aValidationErrorExitsTwoAndSendsNothing() async throws {
        let home = try folder()
        defer { TemporaryFolder.remove(home) }
        let cli = CLIRunner(home: home)
        let outcome = try await cli.run(["submit", "--prompt", "hd", "--duration", "10", "--resolution", "1080P"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("1080P"))
        #expect(outcome.stderr.contains("nothing was sent"))
        #expect(try await cli.run(["jobs", "--json"]).stdout.isEmpty)
    }

    @Test func usageErrorsExitTwo() async throws {
        let home = try folder()
        defer { TemporaryFolder.remove(home) }
        let cli = CLIRunner(home: home)
        #expect(try await cli.run(["submit"]).status == 2)
        #expect(try await cli.run(["submit", "--prompt", "x", "--api-key", "sk-nope"]).status == 2)
        #expect(try await cli.run(["show", "nosuchid"]).status == 2)
        #expect(try await cli.run(["jobs", "--status", "sideways"]).status == 2)
    }

    @Test func aFailedJobExitsOneWithTheReason() async throws {
        let home = try folder()
        defer { TemporaryFolder.remove(home) }
        let outcome = try await CLIRunner(home: home).run(["submit", "--prompt", "break [sim:fail]", "--wait"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("failed"))
    }

    @Test func aLostAnswerExitsThreeAndIsStoredUnconfirmed() async throws {
        let home = try folder()
        defer { TemporaryFolder.remove(home) }
        let cli = CLIRunner(home: home)
        let outcome = try await cli.run(["submit", "--prompt", "lost in the post [sim:lost]", "--wait"])
        #expect(outcome.status == 3)
        #expect(outcome.stderr.contains("unconfirmed"))
        let jobs = try await cli.run(["jobs", "--status", "unconfirmed", "--json"])
        #expect(jobs.stdout.split(separator: "\n").count == 1)
    }

    @Test func waitTimesOutWithExitFourAndTheJobGoesOn() async throws {
        let home = try folder()
        defer { TemporaryFolder.remove(home) }
        let cli = CLIRunner(home: home, extra: ["HAILUO_DEMO_TIME_SCALE": "20"])
        let submit = try await cli.run(["submit", "--prompt", "slow one", "--json"])
        #expect(submit.status == 0)
        let line = try #require(submit.stdout.split(separator: "\n").last)
        let id = try #require(try json(line)["id"] as? String)
        let wait = try await cli.run(["wait", id, "--timeout", "1"])
        #expect(wait.status == 4)
        #expect(wait.stderr.contains("timed out"))
        let show = try await cli.run(["show", id, "--json"])
        let job = try json(try #require(show.stdout.split(separator: "\n").last))
        #expect(job["phase"] as? String == "pending")
    }

    @Test func theKeyIsNeverPrinted() async throws {
        let home = try folder()
        defer { TemporaryFolder.remove(home) }
        let simulator = Simulator()
        let port = try await simulator.start()
        let key = "sk-recognisable-secret-4242"
        let cli = CLIRunner(home: home, extra: ["AIML_API_KEY": key, "AIML_API_BASE_URL": "http://127.0.0.1:\(port)"])
        let config = try await cli.run(["config"])
        #expect(config.status == 0)
        #expect(!config.stdout.contains(key))
        #expect(config.stdout.contains("4242"))
        #expect(config.stdout.contains("LIVE"))
        let submit = try await cli.run(["submit", "--prompt", "secret test", "--json"])
        #expect(submit.status == 0, "\(submit.stderr)")
        #expect(!submit.stdout.contains(key) && !submit.stderr.contains(key))
        let log = home.appendingPathComponent("state/hailuo/hailuo.log")
        let logText = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        #expect(!logText.contains(key))
        let database = try Data(contentsOf: home.appendingPathComponent("state/hailuo/jobs.sqlite"))
        #expect(database.range(of: Data(key.utf8)) == nil)
        await simulator.stop()
    }
}

@Suite("hailuo simulate", .sharesTheMachine)
struct SimulateCommandTests {
    @Test func theSimulatorCommandServesTheCLIOnBothFamilies() async throws {
        let home = try TemporaryFolder("hailuo-sim").url
        defer { TemporaryFolder.remove(home) }
        let server = Process()
        server.executableURL = CLIRunner.binary
        server.arguments = ["simulate", "--port", "0", "--time-scale", "1000"]
        let out = Pipe()
        server.standardOutput = out
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer {
            if server.isRunning { server.terminate() }
        }
        let firstLine = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                var data = Data()
                while !data.contains(UInt8(ascii: "\n")) {
                    let chunk = out.fileHandleForReading.availableData
                    if chunk.isEmpty { break }
                    data.append(chunk)
                }
                continuation.resume(returning: String(decoding: data, as: UTF8.self))
            }
        }
        let port = try #require(firstLine.split(separator: ":").last?.prefix { $0.isNumber })
        #expect(!port.isEmpty, "no port in \(firstLine)")
        let cli = CLIRunner(
            home: home, extra: ["AIML_API_KEY": "sk-simulate-0001", "AIML_API_BASE_URL": "http://127.0.0.1:\(port)"])
        for family in ["vendor", "unified"] {
            let submit = try await cli.run(["submit", "--family", family, "--prompt", "via simulate", "--json"])
            #expect(submit.status == 0, "\(family): \(submit.stderr)")
            #expect(submit.stdout.contains("\"family\":\"\(family)\""))
            #expect(submit.stdout.contains("\"phase\":\"pending\""))
        }
        kill(server.processIdentifier, SIGINT)
        server.waitUntilExit()
        #expect(server.terminationReason == .exit)
    }
}

@Suite("The CLI killed mid-submission", .sharesTheMachine)
struct CLICrashTests {
    @Test func aSubmitKilledDuringThePOSTLeavesAnUnconfirmedJob() async throws {
        let home = try TemporaryFolder("hailuo-kill").url
        defer { TemporaryFolder.remove(home) }
        let simulator = Simulator(configuration: SimulatorConfiguration(slowDelay: 30))
        let port = try await simulator.start()
        simulator.inject(.slow, on: .create, count: 1)
        let cli = CLIRunner(
            home: home, extra: ["AIML_API_KEY": "sk-kill-test-0001", "AIML_API_BASE_URL": "http://127.0.0.1:\(port)"])
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = ["submit", "--prompt", "killed mid-POST"]
        process.environment = cli.environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The submit asks the catalogue for the price first; the create is the request to kill in.
        func creates() -> Int { simulator.recordedRequests().filter { $0.kind == .create }.count }
        for _ in 0..<400 where creates() == 0 {
            try await Task.sleep(for: .milliseconds(25))
        }
        #expect(creates() == 1)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let jobs = try await cli.run(["jobs", "--json"])
        let lines = jobs.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.contains("\"phase\":\"unconfirmed\"") == true)
        #expect(simulator.issuedGenerationIDs().count == 1)
        await simulator.stop()
    }
}
