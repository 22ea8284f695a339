import Foundation
import HailuoCore
import HailuoEngine
import HailuoTUIRuntime

/// The real engine as the screen's runtime sees it.
extension GenerationEngine: ScreenEngine {
    public func submit(_ parameters: GenerationParameters) async -> EngineSubmission {
        do throws(SubmitError) {
            return .stored(try await submit(parameters) as Job)
        } catch {
            switch error {
            case .invalid(let invalid): return .invalid(invalid.issues)
            case .local(let message): return .failed(message)
            case .budget(let sentence): return .failed(sentence)
            }
        }
    }

    public func submitVariants(_ parameters: GenerationParameters, count: Int) async -> EngineGroupSubmission {
        do throws(SubmitError) {
            let (group, jobs) = try await submitVariants(parameters, count: count) as (JobGroup, [Job])
            return .stored(group, jobs)
        } catch {
            switch error {
            case .invalid(let invalid): return .invalid(invalid.issues)
            case .local(let message): return .failed(message)
            case .budget(let sentence): return .failed(sentence)
            }
        }
    }

    public func download(_ id: String) async throws -> Job { try await download(id, to: nil) }

    /// Every job, hidden ones included (the screen filters them itself). Read on the caller's
    /// task, not the engine's actor: a read of 10,000 jobs never waits behind, or holds up, its work.
    public nonisolated func jobs(limit: Int?) async throws -> [Job] {
        try jobs(includeHidden: true, limit: limit)
    }
}
