import HailuoCore
import TUIKit

extension AppModel {
    /// The group of the selected row: a group row's own, or the selected job's.
    var selectedGroup: String? { jobs.selectedGroupID ?? jobs.selected?.job.groupID }

    /// `o`: only the selected group's jobs, or every job again.
    mutating func toggleGroupFilter() {
        if jobs.groupFilter != nil {
            jobs.filterGroup(nil)
            show("every job is shown again")
            return
        }
        guard let group = selectedGroup else {
            show("this job is not in a group (batches and variants are)")
            return
        }
        jobs.filterGroup(group)
        show("only \(jobs.groupName(group)) (o shows every job)")
    }

    /// The jobs the compare view shows, in the table's order.
    var compareJobs: [JobEntry] {
        guard let compare else { return [] }
        return jobs.jobs(inGroup: compare.groupID)
    }

    /// The job chosen in the compare view.
    var comparedJob: Job? {
        guard let compare else { return nil }
        let list = compareJobs
        return list.indices.contains(compare.index) ? list[compare.index].job : nil
    }

    /// `C`: the compare view of the selected group, the selected job chosen in it.
    mutating func openCompare() {
        guard let group = selectedGroup else {
            show("this job is not in a group: C compares the jobs of a batch or of variants")
            return
        }
        let list = jobs.jobs(inGroup: group)
        guard !list.isEmpty else {
            show("no job of \(jobs.groupName(group)) passes the filters")
            return
        }
        let index = jobs.selectedID.flatMap { id in list.firstIndex { $0.id == id } } ?? 0
        compare = Compare(groupID: group, index: index)
    }

    /// Enter in the compare view: the chosen job, selected in the table with its details open.
    mutating func openComparedInDetails() -> [Command] {
        guard let job = comparedJob, let group = compare?.groupID else { return [] }
        compare = nil
        if !jobs.expandedGroups.contains(group), jobs.groupFilter == nil { jobs.toggleExpanded(group) }
        jobs.select(job.id)
        moveFocus(to: .jobs)
        details.setOpen(true)
        return []
    }

    /// Variants sent, or why not.
    mutating func variantsFinished(_ parameters: GenerationParameters, _ outcome: VariantsOutcome) {
        switch outcome {
        case .stored(let group, let entries):
            submissions.ended(parameters, sent: true)
            jobs.insertGroup(group, jobs: entries)
            show("submitted \(entries.count) variants as group \(group.id); C compares them")
        case .invalid(let issues):
            submissions.ended(parameters, sent: false)
            showIssues(issues)
        case .failed(let message):
            submissions.ended(parameters, sent: false)
            show("not sent: \(message)", error: true)
        }
    }
}
