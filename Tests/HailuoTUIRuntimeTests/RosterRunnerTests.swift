import Foundation
import HailuoCore
import HailuoTUI
import Synchronization
import Testing

@testable import HailuoTUIRuntime

@Suite("The runtime asks for the model roster at start")
struct RosterRunnerTests {
    @Test func theRosterReachesTheScreenAsAMessage() async throws {
        let posted = Mutex<[Msg]>([])
        let runner = CommandRunner(engine: FakeEngine(), home: nil, currentDirectory: "/") { msg in
            posted.withLock { $0.append(msg) }
        }
        runner.loadRosterAtStart()
        var roster: ModelRoster?
        for _ in 0..<500 where roster == nil {
            try await Task.sleep(for: .milliseconds(10))
            roster = posted.withLock { messages in
                messages.lazy.compactMap { msg -> ModelRoster? in
                    if case .rosterLoaded(let roster) = msg { return roster }
                    return nil
                }.first
            }
        }
        let loaded = try #require(roster, "no roster was posted")
        #expect(loaded.unavailable == ["video-01"])
    }
}
