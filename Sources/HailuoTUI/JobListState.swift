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

    /// Counts `job` (hidden jobs are not counted).
    mutating func add(_ job: Job, _ amount: Int = 1) {
        guard !job.hidden else { return }
        switch job.phase {
        case .pending, .submitting: pending += amount
        case .completed: completed += amount
        case .failed: failed += amount
        case .unconfirmed: unconfirmed += amount
        case .dismissed: break
        }
    }

    /// Stops counting `job`.
    mutating func remove(_ job: Job) { add(job, -1) }

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
    /// still visible, else on the row where it was. Sorts small keys, not whole jobs.
    public mutating func rebuild() {
        let oldIndex = selectedIndex
        let needle = textFilter.lowercased()
        var keyed: [(key: SortKey, id: String)] = []
        keyed.reserveCapacity(entries.count)
        var counts = JobCounts()
        for (id, entry) in entries {
            counts.add(entry.job)
            if admits(entry.job, needle: needle) { keyed.append((Self.sortKey(entry.job, sort), id)) }
        }
        keyed.sort { $0.key < $1.key }
        visible = keyed.map(\.id)
        self.counts = counts
        if let selectedID, visible.contains(selectedID) { return }
        if visible.isEmpty {
            selectedID = nil
        } else {
            selectedID = visible[min(oldIndex ?? 0, visible.count - 1)]
        }
    }

    /// Stores a changed or new job. When the change moves nothing (same place in the order,
    /// same answer from the filters: a status word, a download, a new URL) only the counts are
    /// adjusted, so a status change costs the same with ten jobs or ten thousand.
    public mutating func apply(_ entry: JobEntry) {
        let old = entries.updateValue(entry, forKey: entry.id)
        guard let old else {
            rebuild()
            return
        }
        let needle = textFilter.lowercased()
        guard admits(old.job, needle: needle) == admits(entry.job, needle: needle),
            Self.sortKey(old.job, sort) == Self.sortKey(entry.job, sort)
        else {
            rebuild()
            return
        }
        counts.remove(old.job)
        counts.add(entry.job)
    }

    /// Whether `job` passes the hidden, status and text filters (`needle` lowercased).
    func admits(_ job: Job, needle: String) -> Bool {
        guard showHidden || !job.hidden else { return false }
        guard statusFilter.admits(job) else { return false }
        return needle.isEmpty || Self.searchText(job).contains(needle)
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
        [job.id, job.parameters.prompt, job.parameters.model.rawValue, job.displayStatus, job.filePath ?? ""]
            .joined(separator: " ").lowercased()
    }

    /// Where a job goes in `sort`'s order: smaller keys come first.
    struct SortKey: Comparable {
        /// Status rank (status sort) or 0.
        var group: Int
        /// The model (model sort) or "".
        var model: String
        var createdAt: Date
        var id: String
        /// Newest first within a group (every sort but `oldest`).
        var newestFirst: Bool

        static func < (a: SortKey, b: SortKey) -> Bool {
            if a.group != b.group { return a.group < b.group }
            if a.model != b.model { return a.model < b.model }
            if a.createdAt != b.createdAt {
                return a.newestFirst ? a.createdAt > b.createdAt : a.createdAt < b.createdAt
            }
            return a.newestFirst ? a.id > b.id : a.id < b.id
        }
    }

    static func sortKey(_ job: Job, _ sort: JobSort) -> SortKey {
        SortKey(
            group: sort == .status ? rank(job.phase) : 0, model: sort == .model ? job.parameters.model.rawValue : "",
            createdAt: job.createdAt, id: job.id, newestFirst: sort != .oldest)
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
