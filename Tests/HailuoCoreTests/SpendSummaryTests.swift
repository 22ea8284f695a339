import Foundation
import HailuoCore
import HailuoTestSupport
import Testing

@Suite("Adding up what jobs cost")
struct SpendSummaryTests {
    let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    func date(_ text: String) -> Date { try! Date(text, strategy: .iso8601) }

    func job(
        _ created: String, phase: JobPhase = .completed, cost: Double?, estimate: Double? = nil,
        model: ModelID = ModelCatalog.defaultModelID
    ) -> Job {
        var job = Job.fixture(phase: phase, model: model, createdAt: date(created))
        job.costUSD = cost
        job.estimatedUSD = estimate
        return job
    }

    @Test func periodsModelsAndEstimatesApart() {
        let now = date("2026-12-05T12:00:00Z")
        let jobs = [
            job("2026-12-05T08:00:00Z", cost: 0.294),
            job("2026-12-01T08:00:00Z", cost: 0.588),
            job("2026-11-30T23:00:00Z", cost: 0.1995, model: ModelID("minimax/hailuo-2.3-fast")),
            job("2026-12-05T09:00:00Z", cost: nil, estimate: 0.3),  // completed, not billed yet
            job("2026-12-05T09:30:00Z", phase: .pending, cost: nil, estimate: 0.3),  // not counted
            job("2026-12-05T10:00:00Z", phase: .failed, cost: 0),
        ]
        let summary = SpendSummary.of(jobs, now: now, calendar: calendar)
        #expect(abs(summary.today.usd - 0.294) < 1e-12)
        #expect(summary.today.jobs == 2)
        #expect(summary.today.estimatedUSD == 0.3)
        #expect(summary.today.estimatedJobs == 1)
        #expect(abs(summary.month.usd - 0.882) < 1e-12)
        #expect(abs(summary.total.usd - 1.0815) < 1e-12)
        #expect(summary.total.jobs == 4)
        #expect(abs((summary.perModel["minimax/hailuo-2.3-fast"]?.usd ?? -1) - 0.1995) < 1e-12)
        #expect(summary.since == nil)

        let since = SpendSummary.of(jobs, since: date("2026-12-02T00:00:00Z"), now: now, calendar: calendar)
        #expect(abs((since.since?.usd ?? -1) - 0.294) < 1e-12)
        #expect(since.perModel["minimax/hailuo-2.3-fast"] == nil)
        #expect(abs(since.total.usd - 1.0815) < 1e-12)
    }
}
