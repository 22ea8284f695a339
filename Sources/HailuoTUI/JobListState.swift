import Foundation
import HailuoCore

/// Which jobs the table shows.
public enum StatusFilter: String, Sendable, CaseIterable {
    case all
    /// Submitting and pending.
    case active
    case completed
    case failed
    /// Unconfirmed (and dismissed) submissions.
    case unconfirmed

    /// Whether `job` passes.
    public func admits(_ job: Job) -> Bool {
        switch self {
        case .all: true
        case .active: job.phase == .pending || job.phase == .submitting
        case .completed: job.phase == .completed
        case .failed: job.phase == .failed
        case .unconfirmed: job.phase == .unconfirmed || job.phase == .dismissed
        }
    }

    /// The next filter for the cycle key.
    public var next: StatusFilter {
        let all = StatusFilter.allCases
        return all[((all.firstIndex(of: self) ?? 0) + 1) % all.count]
    }
}

/// The table's order.
public enum JobSort: String, Sendable, CaseIterable {
    case newest
    case oldest
    /// Active first, then unconfirmed, failed, completed; newest first within each.
    case status
    case model

    public var next: JobSort {
        let all = JobSort.allCases
        return all[((all.firstIndex(of: self) ?? 0) + 1) % all.count]
    }
}

/// How many jobs are in each state, for the status bar.
public struct JobCounts: Sendable, Equatable {
    public var pending = 0
    public var completed = 0
    public var failed = 0
    public var unconfirmed = 0

    public init(pending: Int = 0, completed: Int = 0, failed: Int = 0, unconfirmed: Int = 0) {
        self.pending = pending
        self.completed = completed
        self.failed = failed
        self.unconfirmed = unconfirmed
    }
}

/// The live jobs table: every known job, the filtered and sorted order, and the selection.
public struct JobListState: Sendable, Equatable {
    /// Every job known, by local id.
    public var entries: [String: JobEntry] = [:]
    /// Ids shown, in order (after filter and sort). Recomputed by ``JobListState/rebuild()``.
    public private(set) var visible: [String] = []
    /// The selected job's id: the selection follows the job, not the row.
    public var selectedID: String?
    /// Index into ``visible`` of the first row on screen.
    public var top = 0
    public var statusFilter: StatusFilter = .all
    /// Case-insensitive text matched against id, prompt, model, status and file name.
    public var textFilter = ""
    public var sort: JobSort = .newest
    /// While paused, changes are held and applied when updates resume.
    public var paused = false
    public var held: [JobEntry] = []
    /// A full reload that arrived while paused, applied (before ``held``) when updates resume.
    public var heldReload: [JobEntry]?
    /// Show jobs the user hid.
    public var showHidden = false
    public private(set) var counts = JobCounts()

    public init() {}

    /// The selected row's index in ``visible``.
    public var selectedIndex: Int? {
        guard let selectedID else { return nil }
        return visible.firstIndex(of: selectedID)
    }

    /// The selected job.
    public var selected: JobEntry? { selectedID.flatMap { entries[$0] } }

    /// Recomputes the visible order and counts; keeps the selection on the same job when it is
    /// still visible, else on the row where it was.
    public mutating func rebuild() {
        let oldIndex = selectedIndex
        let needle = textFilter.lowercased()
        var rows = entries.values.filter { entry in
            let job = entry.job
            guard showHidden || !job.hidden else { return false }
            guard statusFilter.admits(job) else { return false }
            guard !needle.isEmpty else { return true }
            return Self.searchText(job).contains(needle)
        }
        rows.sort(by: Self.order(sort))
        visible = rows.map(\.id)
        var counts = JobCounts()
        for entry in entries.values where !entry.job.hidden {
            switch entry.job.phase {
            case .pending, .submitting: counts.pending += 1
            case .completed: counts.completed += 1
            case .failed: counts.failed += 1
            case .unconfirmed: counts.unconfirmed += 1
            case .dismissed: break
            }
        }
        self.counts = counts
        if let selectedID, visible.contains(selectedID) { return }
        if visible.isEmpty {
            selectedID = nil
        } else {
            selectedID = visible[min(oldIndex ?? 0, visible.count - 1)]
        }
    }

    /// Moves the selection by `delta` rows (clamped).
    public mutating func moveSelection(by delta: Int) {
        guard !visible.isEmpty else { return }
        let index = selectedIndex ?? 0
        selectedID = visible[min(max(0, index + delta), visible.count - 1)]
    }

    /// Keeps the selected row within `rows` rows from ``top``.
    public mutating func scrollToSelection(rows: Int) {
        guard rows > 0 else { return }
        let index = selectedIndex ?? 0
        if index < top { top = index }
        if index >= top + rows { top = index - rows + 1 }
        top = max(0, min(top, max(0, visible.count - rows)))
    }

    static func searchText(_ job: Job) -> String {
        [job.id, job.parameters.prompt, job.parameters.model, job.displayStatus, job.filePath ?? ""]
            .joined(separator: " ").lowercased()
    }

    static func order(_ sort: JobSort) -> (JobEntry, JobEntry) -> Bool {
        switch sort {
        case .newest: { ($0.job.createdAt, $0.id) > ($1.job.createdAt, $1.id) }
        case .oldest: { ($0.job.createdAt, $0.id) < ($1.job.createdAt, $1.id) }
        case .status:
            {
                let a = rank($0.job.phase)
                let b = rank($1.job.phase)
                return a != b ? a < b : ($0.job.createdAt, $0.id) > ($1.job.createdAt, $1.id)
            }
        case .model:
            {
                $0.job.parameters.model != $1.job.parameters.model
                    ? $0.job.parameters.model < $1.job.parameters.model
                    : ($0.job.createdAt, $0.id) > ($1.job.createdAt, $1.id)
            }
        }
    }

    private static func rank(_ phase: JobPhase) -> Int {
        switch phase {
        case .submitting, .pending: 0
        case .unconfirmed: 1
        case .failed: 2
        case .completed: 3
        case .dismissed: 4
        }
    }
}
