import Foundation
import HailuoSimulator

/// One submission of the crash test: which front end made it, and how its process ended.
struct CrashSubmission: Sendable {
    /// Unique per submission ("crash-c017", "crash-t07"), so requests and jobs can be matched.
    var prompt: String
    /// `cli` or `tui`.
    var front: String
    /// The HOME whose store holds the job.
    var home: URL
    /// Seconds after the start (CLI) or after Ctrl-S (TUI) at which SIGKILL was sent.
    var delay: Double
    var ending: CrashSafetyEnding?
}

/// A job as `hailuo jobs --json` listed it after the restart.
struct CrashJob: Sendable {
    var id: String
    var prompt: String
    var phase: String
    var generationID: String?

    init?(_ object: [String: Any]) {
        guard let id = object["id"] as? String, let prompt = object["prompt"] as? String,
            let phase = object["phase"] as? String
        else { return nil }
        self.id = id
        self.prompt = prompt
        self.phase = phase
        generationID = object["generation_id"] as? String
    }
}

/// Matches what the simulator saw (creates, issued ids) with what the stores hold after restart.
struct CrashSafetyLedger {
    var before = 0, during = 0, after = 0
    var issued = 0, found = 0, unconfirmed = 0, duplicates = 0
    /// Issued ids whose job is neither holding the id nor unconfirmed, and other broken promises.
    var problems: [String] = []

    /// - Parameters:
    /// - Parameter jobs: every store's jobs after the restart, by prompt.
    init(submissions: [CrashSubmission], requests: [RecordedRequest], issuedIDs: [String], jobs: [String: CrashJob]) {
        let creates = requests.filter { $0.kind == .create }
        var createsByPrompt: [String: Int] = [:]
        var promptByID: [String: String] = [:]
        for create in creates {
            guard let prompt = Self.prompt(of: create) else {
                problems.append("a create without a readable prompt")
                continue
            }
            createsByPrompt[prompt, default: 0] += 1
            if let id = create.generationID { promptByID[id] = prompt }
        }
        for submission in submissions {
            let count = createsByPrompt[submission.prompt] ?? 0
            if count > 1 {
                duplicates += count - 1
                problems.append("\(submission.prompt) was POSTed \(count) times")
            }
            let job = jobs[submission.prompt]
            if count == 0 {
                before += 1
            } else if job?.generationID != nil {
                after += 1
            } else {
                during += 1
            }
            if count > 0 && job == nil {
                problems.append("\(submission.prompt) was POSTed but has no job in the store")
            }
            if let phase = job?.phase, !["pending", "completed", "unconfirmed"].contains(phase) {
                problems.append("\(submission.prompt) ended \(phase) after the restart")
            }
        }
        issued = issuedIDs.count
        for id in issuedIDs {
            guard let prompt = promptByID[id], let job = jobs[prompt] else {
                problems.append("issued id \(id) has no job in any store")
                continue
            }
            if job.generationID == id {
                found += 1
            } else if job.phase == "unconfirmed" {
                unconfirmed += 1
            } else {
                problems.append("issued id \(id) (\(prompt)) is lost: job is \(job.phase)")
            }
        }
    }

    /// The prompt of a recorded create (its JSON body's `prompt`).
    static func prompt(of request: RecordedRequest) -> String? {
        guard let text = request.bodyText,
            let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        else { return nil }
        return object["prompt"] as? String
    }
}
