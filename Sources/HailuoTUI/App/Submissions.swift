import Foundation
import HailuoCore

/// What was last submitted, and when.
public struct SubmittedRecord: Sendable, Equatable {
    public var parameters: GenerationParameters
    public var at: Date
}

/// Submissions on their way and the last one sent, to ask before an accidental repeat or a quit.
public struct Submissions: Sendable, Equatable {
    /// Submissions on their way to the provider.
    public private(set) var inFlight = 0
    /// The last submission's parameters and time.
    public private(set) var last: SubmittedRecord?

    /// How long a repeat of the same submission asks first.
    public static let duplicateWindow: TimeInterval = 120

    public init() {}

    /// Whether `parameters` were sent less than ``duplicateWindow`` before `now`.
    func isRepeat(_ parameters: GenerationParameters, now: Date) -> Bool {
        guard let last, last.parameters == parameters else { return false }
        return now.timeIntervalSince(last.at) < Self.duplicateWindow
    }

    mutating func began(_ parameters: GenerationParameters, at date: Date) {
        last = SubmittedRecord(parameters: parameters, at: date)
        inFlight += 1
    }

    /// One submission came back; one that was refused before sending no longer counts as sent.
    mutating func ended(_ parameters: GenerationParameters, sent: Bool) {
        inFlight = max(0, inFlight - 1)
        if !sent, last?.parameters == parameters { last = nil }
    }
}
