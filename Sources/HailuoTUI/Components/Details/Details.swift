import Foundation
import HailuoCore

/// A job's status history as read from the store, oldest first.
public struct JobHistory: Sendable, Equatable {
    public var jobID: String
    public var events: [JobEvent]
}

/// The details pane of the selected job: whether it is open, and the history it shows.
public struct Details: Sendable, Equatable {
    /// The pane is on screen.
    public private(set) var isOpen = false
    /// The status history of the job in the pane, once read from the store.
    public private(set) var history: JobHistory?

    public init() {}

    mutating func toggle() { isOpen.toggle() }

    mutating func close() { isOpen = false }

    /// Opens or closes the pane.
    mutating func setOpen(_ open: Bool) { isOpen = open }

    mutating func receive(_ history: JobHistory) { self.history = history }

    /// The history to read after an update: when the pane is open and shows another job than
    /// before, or the same job changed.
    func historyRequest(shown before: Job?, selected now: Job?) -> Command? {
        guard isOpen, let job = now else { return nil }
        guard job.id != before?.id || job.updatedAt != before?.updatedAt else { return nil }
        return .loadHistory(jobID: job.id)
    }
}
