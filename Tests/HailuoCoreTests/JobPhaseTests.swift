import HailuoCore
import Testing

@Suite("Job phase rules")
struct JobPhaseTests {
    @Test func runningActiveAndFinishedPhases() {
        #expect(JobPhase.allCases.filter(\.isRunning) == [.submitting, .pending])
        #expect(JobPhase.running == [.submitting, .pending])
        #expect(JobPhase.allCases.filter(\.isActive) == [.pending])
        #expect(JobPhase.allCases.filter(\.isFinished) == [.completed, .failed, .dismissed])
        // An unconfirmed job is neither under way nor finished: it waits for the user.
        #expect(!JobPhase.unconfirmed.isRunning && !JobPhase.unconfirmed.isFinished)
    }
}
