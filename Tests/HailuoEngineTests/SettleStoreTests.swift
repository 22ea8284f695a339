import Foundation
import HailuoCore
import HailuoTestSupport
import Testing

@testable import HailuoEngine

@Suite("Settling: the store's settle columns, the policy and the logs' wire format")
struct SettleStoreTests {
    @Test func settleFieldsRoundTripAndAConditionalUpdateLeavesAChangedJobAlone() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try JobStore(url: folder.url.appendingPathComponent("jobs.sqlite"))
        var job = Job.fixture(phase: .unconfirmed)
        job.clientRequestID = job.id
        try store.insert(job)
        let checked = Date(timeIntervalSince1970: 1_800_000_000)
        let updated = try store.update(job.id, if: { $0.phase == .unconfirmed }) {
            $0.settleState = .checking
            $0.settleCheckedAt = checked
        }
        #expect(updated?.settleState == .checking)
        let read = try #require(try store.job(id: job.id))
        #expect(read.settleState == .checking)
        #expect(read.settleCheckedAt == checked)
        #expect(read.clientRequestID == job.id)
        // Resubmitted meanwhile: the lookup's write is dropped.
        try store.update(job.id) { $0.phase = .submitting }
        let dropped = try store.update(job.id, if: { $0.phase == .unconfirmed }) { $0.settleState = .notFoundUpstream }
        #expect(dropped == nil)
        #expect(try store.job(id: job.id)?.settleState == .checking)
    }

    @Test func theWaitBetweenLooksDoublesUpToItsCap() {
        let policy = SettlePolicy()
        #expect([1, 2, 3, 4, 5, 9].map(policy.interval(afterMisses:)) == [60, 120, 240, 480, 480, 480])
        #expect(policy.grace == 900)
    }

    @Test func aLogsPageSkipsNonObjectsAndKeepsNullFieldsAsNil() throws {
        let body = #"""
            {"data": [
              {"created": "2025-12-05T00:10:03.250Z", "status": "succeeded", "origin": "api",
               "model": "minimax/hailuo-02", "cost": {"usd": 0.294, "credits": 588000},
               "inference_id": "349865017168125", "client_request_id": "k3f9x2ab"},
              {"created": null, "model": null, "cost": null, "inference_id": null, "client_request_id": null},
              7
            ], "pagination": {"limit": 100, "offset": 0, "total": 3, "has_more": true}}
            """#
        let page = try WireDecoding.requestLogPage(from: Array(body.utf8))
        #expect(page.rows.count == 2)
        #expect(page.hasMore)
        #expect(page.rows[0].clientRequestID == "k3f9x2ab")
        #expect(page.rows[0].inferenceID == "349865017168125")
        #expect(page.rows[0].costUSD == 0.294)
        #expect(page.rows[0].created?.timeIntervalSince1970 == 1_764_893_403.25)
        #expect(page.rows[1].clientRequestID == nil && page.rows[1].inferenceID == nil && page.rows[1].model == nil)
        #expect(throws: WireError.self) { try WireDecoding.requestLogPage(from: Array(#"{"rows": []}"#.utf8)) }
        #expect(throws: WireError.self) { try WireDecoding.requestLogPage(from: Array("<html>".utf8)) }
    }

    @Test func theLogsWindowIsWholeSecondsInUTCAndOnlyGrows() {
        let date = Date(timeIntervalSince1970: 1_764_893_403.6)
        #expect(APIClient.isoText(date, rounded: .down) == "2025-12-05T00:10:03Z")
        #expect(APIClient.isoText(date, rounded: .up) == "2025-12-05T00:10:04Z")
    }
}
