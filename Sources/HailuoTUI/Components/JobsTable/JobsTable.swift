import Foundation
import HailuoCore
import TUIKit

/// The live jobs table: every known job, the filtered and sorted order, the selection, the
/// filters, pausing, and downloads in progress. Its state changes only through the methods
/// here, which keep the order, the counts and the selection in step with the jobs.
public struct JobsTable: Sendable, Equatable {
    /// Every job known, by local id.
    public private(set) var entries: [String: JobEntry] = [:]
    /// Ids shown, in order (after filter and sort).
    public private(set) var visible: [String] = []
    /// The group of each job in ``visible``, at the same index: the rows are built from these
    /// two arrays without looking every job up.
    private var visibleGroups: [String?] = []
    /// The rows shown, in order: jobs, group rows, and the jobs of expanded groups under theirs.
    public private(set) var rows: [TableRow] = []
    /// The selected job's id: the selection follows the job, not the row.
    public private(set) var selectedID: String?
    /// The selected group row's group (then ``selectedID`` is nil).
    public private(set) var selectedGroupID: String?
    /// Groups known (batches and variant sets), by id.
    public private(set) var groups: [String: JobGroup] = [:]
    /// Groups whose jobs are listed under their row.
    public private(set) var expandedGroups: Set<String> = []
    /// Only this group's jobs are shown (`o`), listed flat.
    public private(set) var groupFilter: String?
    /// Each group's jobs that pass the filters, in the table's order.
    public private(set) var members: [String: [String]] = [:]
    /// Index into ``visible`` of the first row on screen.
    public private(set) var top = 0
    public private(set) var statusFilter: StatusFilter = .all
    /// Case-insensitive text matched against id, prompt, model, status and file name.
    public private(set) var textFilter = ""
    /// The `/` filter while it is typed.
    public private(set) var filterEditor: TextEditor?
    public private(set) var sort: JobSort = .newest
    /// While paused, changes are held and applied when updates resume.
    public private(set) var paused = false
    public private(set) var held: [JobEntry] = []
    /// A full reload that arrived while paused, applied (before ``held``) when updates resume.
    public private(set) var heldReload: [JobEntry]?
    /// Show jobs the user hid.
    public private(set) var showHidden = false
    public private(set) var counts = JobCounts()
    /// Money by the local day jobs were made, for the status bar's spend today.
    public private(set) var spend = SpendTally()
    /// Downloads under way, by job id.
    public private(set) var downloads: [String: DownloadProgress] = [:]

    public init() {}

    /// The selected row.
    public var selectedRow: TableRow? {
        if let selectedGroupID { return .group(selectedGroupID) }
        guard let selectedID else { return nil }
        return rows.first { $0.jobID == selectedID }
    }

    /// The selected row's index in ``rows``.
    public var selectedIndex: Int? {
        if let selectedGroupID { return rows.firstIndex(of: .group(selectedGroupID)) }
        guard let selectedID else { return nil }
        return rows.firstIndex { $0.jobID == selectedID }
    }

    /// The selected job.
    public var selected: JobEntry? { selectedID.flatMap { entries[$0] } }

    /// The newest version of a job: a held change while paused, else the shown one.
    func latest(_ id: String) -> JobEntry? { held.last(where: { $0.id == id }) ?? entries[id] }

    // MARK: Jobs arriving

    /// A full list from the store: replaces every entry (held while paused).
    mutating func reload(_ list: [JobEntry]) {
        if paused {
            heldReload = list
            held = []
            return
        }
        replaceAll(list)
    }

    /// A changed or new job (held while paused). A downloaded job's progress is done.
    mutating func receive(_ entry: JobEntry) { receive([entry]) }

    /// Changed or new jobs, in order (held while paused): each applied as ``apply(_:)`` does, with at
    /// most one re-sort for all of them. A downloaded job's progress is done.
    mutating func receive(_ list: [JobEntry]) {
        for entry in list where entry.job.filePath != nil { downloads[entry.id] = nil }
        if paused {
            let ids = Set(list.map(\.id))
            held.removeAll { ids.contains($0.id) }
            held += list
            return
        }
        // A few jobs that are new or move are each put in their place by binary search; a burst
        // is sorted once.
        let moving = list.filter { !fitsInPlace($0) }
        if moving.isEmpty || moving.count > Self.placedOneByOne {
            var moved = false
            for entry in list where !applyInPlace(entry) { moved = true }
            if moved { rebuild() }
            return
        }
        let oldIndex = selectedIndex
        for entry in list {
            if fitsInPlace(entry) { _ = applyInPlace(entry) } else { place(entry) }
        }
        buildRows()
        keepSelection(near: oldIndex)
    }

    /// More changed jobs than this that move are sorted together rather than placed one by one.
    static let placedOneByOne = 16

    /// A job this screen just submitted: shown at once, paused or not, and selected.
    mutating func insertSubmitted(_ entry: JobEntry) {
        entries[entry.id] = entry
        if paused { held.removeAll { $0.id == entry.id } }
        rebuild()
        select(entry.id)
    }

    /// Pauses or resumes updates; on resuming, what was held is applied. Returns whether paused.
    mutating func togglePause() -> Bool {
        paused.toggle()
        if !paused {
            let held = self.held
            if let reload = heldReload { replaceAll(reload) }
            for entry in held { entries[entry.id] = entry }
            self.held = []
            rebuild()
        }
        return paused
    }

    // MARK: Downloads

    mutating func setProgress(_ progress: DownloadProgress) { downloads[progress.jobID] = progress }

    mutating func endDownload(_ jobID: String) { downloads[jobID] = nil }

    // MARK: Order and filters

    mutating func cycleStatusFilter() { show(statusFilter.next) }

    /// Shows only jobs `filter` admits.
    mutating func show(_ filter: StatusFilter) {
        statusFilter = filter
        rebuild()
    }

    mutating func cycleSort() { sort(by: sort.next) }

    mutating func sort(by order: JobSort) {
        sort = order
        rebuild()
    }

    mutating func toggleShowHidden() {
        showHidden.toggle()
        rebuild()
    }

    /// Opens the `/` filter with the current text.
    mutating func startFilter() { filterEditor = TextEditor(text: textFilter, singleLine: true) }

    /// A key typed into the `/` filter: the table follows as it is typed.
    mutating func editFilter(_ key: Key) {
        guard var editor = filterEditor else { return }
        _ = editor.handle(key, width: 40)
        filterEditor = editor
        setTextFilter(editor.text)
    }

    /// Pasted text into the `/` filter.
    mutating func pasteIntoFilter(_ text: String) {
        guard var editor = filterEditor else { return }
        _ = editor.insert(text)
        filterEditor = editor
        setTextFilter(editor.text)
    }

    /// Enter: the filter stays, its editor closes.
    mutating func keepFilter() { filterEditor = nil }

    /// Esc: the filter is cleared and closed.
    mutating func clearFilter() {
        filterEditor = nil
        setTextFilter("")
    }

    private mutating func setTextFilter(_ text: String) {
        textFilter = text
        rebuild()
    }

    // MARK: Selection

    /// Moves the selection by `delta` rows (clamped).
    mutating func moveSelection(by delta: Int) {
        guard !rows.isEmpty else { return }
        let index = selectedIndex ?? 0
        selectRow(rows[min(max(0, index + delta), rows.count - 1)])
    }

    /// Selects the job with `id` when it is shown (on its own or under its expanded group), else
    /// its group's row.
    mutating func select(_ id: String) {
        if rows.contains(where: { $0.jobID == id }) {
            selectRow(.job(id))
        } else if let group = entries[id]?.job.groupID, rows.contains(.group(group)) {
            selectRow(.group(group))
        }
    }

    /// Selects `row` (a job row or a group row).
    mutating func selectRow(_ row: TableRow) {
        selectedGroupID = row.groupID
        selectedID = row.jobID
    }

    /// Keeps the selected row within `rows` rows from ``top``.
    mutating func scrollToSelection(rows: Int) {
        guard rows > 0 else { return }
        let index = selectedIndex ?? 0
        if index < top { top = index }
        if index >= top + rows { top = index - rows + 1 }
        top = max(0, min(top, max(0, visible.count - rows)))
    }

    // MARK: Keeping the order

    private mutating func replaceAll(_ list: [JobEntry]) {
        var fresh: [String: JobEntry] = [:]
        for entry in list { fresh[entry.id] = entry }
        entries = fresh
        held = []
        heldReload = nil
        rebuild()
    }

    /// Recomputes the visible order and counts; keeps the selection on the same job when it is
    /// still visible, else on the row where it was. Sorts small keys, not whole jobs.
    mutating func rebuild() {
        let oldIndex = selectedIndex
        let needle = textFilter.lowercased()
        var keyed: [(key: SortKey, id: String, group: String?)] = []
        keyed.reserveCapacity(entries.count)
        var counts = JobCounts()
        var spend = SpendTally()
        for (id, entry) in entries {
            counts.add(entry.job)
            spend.add(entry.job)
            if admits(entry.job, needle: needle) { keyed.append((SortKey(entry.job, sort), id, entry.job.groupID)) }
        }
        keyed.sort { $0.key < $1.key }
        visible = keyed.map(\.id)
        visibleGroups = keyed.map(\.group)
        self.counts = counts
        self.spend = spend
        buildRows()
        keepSelection(near: oldIndex)
    }

    /// After the rows changed: the selection stays on the same job (or its group's row) when it
    /// is still shown, else on the row where it was.
    private mutating func keepSelection(near oldIndex: Int?) {
        if let selectedGroupID, rows.contains(.group(selectedGroupID)) { return }
        if let selectedID, rows.contains(where: { $0.jobID == selectedID }) {
            selectedGroupID = nil
            return
        }
        if let selectedID, let group = entries[selectedID]?.job.groupID, rows.contains(.group(group)) {
            selectRow(.group(group))
            return
        }
        if rows.isEmpty {
            selectedID = nil
            selectedGroupID = nil
        } else {
            selectRow(rows[min(oldIndex ?? 0, rows.count - 1)])
        }
    }

    /// Stores a changed or new job. When the change moves nothing (same place in the order,
    /// same answer from the filters: a status word, a download, a new URL) only the counts are
    /// adjusted, so a status change costs the same with ten jobs or ten thousand.
    mutating func apply(_ entry: JobEntry) {
        if !applyInPlace(entry) { rebuild() }
    }

    /// Whether `entry` would keep its place (``applyInPlace(_:)`` would take it).
    private func fitsInPlace(_ entry: JobEntry) -> Bool {
        guard let old = entries[entry.id] else { return false }
        let needle = textFilter.lowercased()
        return admits(old.job, needle: needle) == admits(entry.job, needle: needle)
            && SortKey(old.job, sort) == SortKey(entry.job, sort) && old.job.groupID == entry.job.groupID
    }

    /// Stores a new job, or one that moves or enters or leaves the filter, in its place: out of
    /// ``visible`` where it was and into where it goes, both found by binary search over the sort
    /// keys (``visible`` is sorted by them), with the counts and spend adjusted. The rows are left
    /// to the caller (``buildRows()``): one pass, not a sort of every job.
    private mutating func place(_ entry: JobEntry) {
        let needle = textFilter.lowercased()
        if let old = entries[entry.id] {
            counts.remove(old.job)
            spend.remove(old.job)
            if admits(old.job, needle: needle) {
                let index = position(of: SortKey(old.job, sort))
                if index < visible.count, visible[index] == entry.id {
                    visible.remove(at: index)
                    visibleGroups.remove(at: index)
                }
            }
        }
        entries[entry.id] = entry
        counts.add(entry.job)
        spend.add(entry.job)
        if admits(entry.job, needle: needle) {
            let index = position(of: SortKey(entry.job, sort))
            visible.insert(entry.id, at: index)
            visibleGroups.insert(entry.job.groupID, at: index)
        }
    }

    /// The first index of ``visible`` whose job's key is not below `key`.
    private func position(of key: SortKey) -> Int {
        var low = 0
        var high = visible.count
        while low < high {
            let middle = (low + high) / 2
            guard let job = entries[visible[middle]]?.job else { return visible.count }
            if SortKey(job, sort) < key { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Stores a changed or new job; adjusts the counts when the change moves nothing, else returns
    /// `false`: the order and counts then need a ``rebuild()``.
    private mutating func applyInPlace(_ entry: JobEntry) -> Bool {
        guard let old = entries.updateValue(entry, forKey: entry.id) else { return false }
        spend.remove(old.job)
        spend.add(entry.job)
        let needle = textFilter.lowercased()
        guard admits(old.job, needle: needle) == admits(entry.job, needle: needle),
            SortKey(old.job, sort) == SortKey(entry.job, sort), old.job.groupID == entry.job.groupID
        else { return false }
        counts.remove(old.job)
        counts.add(entry.job)
        return true
    }

    /// Whether `job` passes the hidden, status and text filters (`needle` lowercased).
    func admits(_ job: Job, needle: String) -> Bool {
        if let groupFilter, job.groupID != groupFilter { return false }
        guard showHidden || !job.hidden else { return false }
        guard statusFilter.admits(job) else { return false }
        return needle.isEmpty || Self.searchText(job).contains(needle)
    }

    static func searchText(_ job: Job) -> String {
        [job.id, job.parameters.prompt, job.parameters.model.rawValue, job.displayStatus, job.filePath ?? ""]
            .joined(separator: " ").lowercased()
    }
}

// MARK: Groups

extension JobsTable {
    /// The groups from the store (names, kinds, totals).
    mutating func receive(groups list: [JobGroup]) {
        var fresh: [String: JobGroup] = [:]
        for group in list { fresh[group.id] = group }
        groups = fresh
        rebuild()
    }

    /// A group this screen just made (variants): known at once, expanded, its row selected.
    mutating func insertGroup(_ group: JobGroup, jobs: [JobEntry]) {
        groups[group.id] = group
        expandedGroups.insert(group.id)
        for entry in jobs { entries[entry.id] = entry }
        rebuild()
        if rows.contains(.group(group.id)) { selectRow(.group(group.id)) }
    }

    /// Opens or closes a group's list of jobs.
    mutating func toggleExpanded(_ groupID: String) {
        if expandedGroups.remove(groupID) == nil { expandedGroups.insert(groupID) }
        rebuild()
        if rows.contains(.group(groupID)) { selectRow(.group(groupID)) }
    }

    /// Shows only `groupID`'s jobs, or (nil) every job again. Returns the group shown.
    mutating func filterGroup(_ groupID: String?) {
        let back = groupFilter
        groupFilter = groupID
        rebuild()
        if groupID == nil, let back, rows.contains(.group(back)) { selectRow(.group(back)) }
    }

    /// With a group filter on, its jobs are listed flat.
    mutating func buildRows() {
        var grouped: [String: [String]] = [:]
        for (id, group) in zip(visible, visibleGroups) {
            if let group { grouped[group, default: []].append(id) }
        }
        members = grouped
        guard groupFilter == nil, !grouped.isEmpty else {
            rows = visible.map { .job($0) }
            return
        }
        var built: [TableRow] = []
        built.reserveCapacity(visible.count)
        var placed = Set<String>()
        for (id, group) in zip(visible, visibleGroups) {
            guard let group else {
                built.append(.job(id))
                continue
            }
            guard placed.insert(group).inserted else { continue }
            built.append(.group(group))
            if expandedGroups.contains(group) { built += (grouped[group] ?? []).map { .member($0) } }
        }
        rows = built
    }
}
