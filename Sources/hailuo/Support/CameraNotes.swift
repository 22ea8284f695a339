import Foundation
import HailuoCore
import HailuoEngine

/// The camera command warnings of a prompt (``CameraLint``), one sentence each on stderr. They
/// never stop a job: a camera bracket left open is an error the validator reports instead.
enum CameraNotes {
    /// `warning: prompt: [Pan sideways] is not a camera command MiniMax knows; did you mean …?`
    static func warn(_ parameters: GenerationParameters, where place: String? = nil) {
        for finding in CameraLint.warnings(in: parameters.prompt, model: parameters.model) {
            Console.progress("warning: " + (place.map { "\($0): " } ?? "") + finding.message)
        }
    }

    /// The warnings of every row of a batch, each led by the row's place in the file.
    static func warn(_ plan: BatchPlan) {
        for row in plan.rows { warn(row.parameters, where: row.position.description) }
    }
}
