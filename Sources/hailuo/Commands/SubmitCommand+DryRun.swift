import Foundation
import HailuoCore
import HailuoEngine

/// `hailuo submit --dry-run`: validate and price exactly what would be sent, send nothing.
extension SubmitCommand {
    func runDryRun(_ parameters: GenerationParameters, session: EngineSession) async throws {
        let outcome: Result<DryRun, SubmitError>
        do throws(SubmitError) {
            outcome = .success(try await session.engine.dryRun(parameters))
        } catch {
            outcome = .failure(error)
        }
        await session.close()
        let dryRun: DryRun
        switch outcome {
        case .success(let value): dryRun = value
        case .failure(let error): throw Self.failure(for: error)
        }
        if json {
            Console.out(Self.dryRunJSON(dryRun, demo: session.settings.isDemo))
        } else {
            Console.out(Self.dryRunLine(dryRun, demo: session.settings.isDemo))
        }
    }

    /// `would send: minimax/hailuo-02 6 s 768P, first frame a.png — $0.29 (catalogue)`.
    static func dryRunLine(_ dryRun: DryRun, demo: Bool) -> String {
        let p = dryRun.parameters
        var what = "\(p.model) \(p.duration) s \(p.resolution.rawValue)"
        if !p.promptOptimizer { what += ", prompt optimizer off" }
        if let first = p.firstFrame { what += ", first frame \(first)" }
        if let last = p.lastFrame { what += ", last frame \(last)" }
        let price = dryRun.quote.sentence
        let prefix = demo ? "DEMO (simulated, free): " : ""
        let line =
            prefix + "would send: " + InertText.oneLine(what) + " — " + InertText.oneLine(price)
            + " (nothing was sent)"
        guard let refusal = dryRun.budgetRefusal else { return line }
        return line + "\nthe budget would refuse it now: " + InertText.oneLine(refusal)
    }

    /// One JSON object: the request's parameters, `estimated_usd` (null when unknown), its source
    /// or the reason it is unknown, `budget_refusal` (null when the budget would let it through),
    /// `dry_run` and `demo`.
    static func dryRunJSON(_ dryRun: DryRun, demo: Bool) -> String {
        var object = JobJSON.parameters(dryRun.parameters).merging([
            "dry_run": true,
            "demo": demo,
            "estimated_usd": dryRun.quote.usd ?? NSNull(),
            "budget_refusal": dryRun.budgetRefusal ?? NSNull(),
        ]) { own, _ in own }
        switch dryRun.quote {
        case .known(_, let source):
            object["price_source"] = source.label
        case .unknown(let reason):
            object["price_source"] = NSNull()
            object["price_unknown_reason"] = reason
        }
        guard
            let data = try? JSONSerialization.data(
                withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
