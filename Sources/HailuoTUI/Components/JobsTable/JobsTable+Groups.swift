import HailuoCore

extension JobsTable {
    /// A group's display name: its stored name, or its id while the store has not told it.
    func groupName(_ id: String) -> String { groups[id]?.name ?? "group \(id)" }
    /// The jobs of `groupID` that pass the filters, in order.
    func jobs(inGroup groupID: String) -> [JobEntry] {
        (members[groupID] ?? []).compactMap { entries[$0] }
    }
    /// What a group row shows, from the group's jobs the table holds (hidden ones included).
    func progress(of groupID: String) -> GroupProgress {
        var progress = GroupProgress()
        var models = Set<String>()
        for entry in entries.values where entry.job.groupID == groupID {
            let job = entry.job
            progress.jobs += 1
            models.insert(job.parameters.model.rawValue)
            if job.favourite { progress.favourites += 1 }
            switch job.phase {
            case .completed: progress.done += 1
            case .failed: progress.failed += 1
            case .submitting, .pending: progress.running += 1
            case .waiting: progress.waiting += 1
            case .unconfirmed, .dismissed: break
            }
            if let cost = job.costUSD {
                progress.costUSD += cost
            } else if let amount = SpendTally.amount(job) {
                progress.costUSD += amount
                progress.costKnown = false
            }
        }
        progress.model = models.count == 1 ? models.first : nil
        return progress
    }
    /// Lays out ``rows`` from ``visible``: a job of a group is shown by its group's row (at the
    /// place of the group's first job in the order), followed by the group's jobs when expanded.
}
