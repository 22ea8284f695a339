/// One row of the jobs table: a job on its own, a group (a batch or a set of variants) standing
/// for its jobs, or one of an expanded group's jobs under it.
public enum TableRow: Sendable, Hashable {
    case job(String)
    case group(String)
    /// A job listed under its expanded group's row.
    case member(String)

    /// The job this row shows, if it shows one.
    public var jobID: String? {
        switch self {
        case .job(let id), .member(let id): id
        case .group: nil
        }
    }

    /// The group this row stands for, if it is a group row.
    public var groupID: String? {
        if case .group(let id) = self { return id }
        return nil
    }
}

/// A group's progress as its row shows it, from the jobs the table holds.
public struct GroupProgress: Sendable, Equatable {
    public var jobs = 0
    public var done = 0
    public var failed = 0
    public var running = 0
    public var waiting = 0
    /// The provider's figures where known, else estimates of jobs that may still be charged.
    public var costUSD: Double = 0
    public var costKnown = true
    /// The one model every job uses, if they share one.
    public var model: String?
    public var favourites = 0

    public init() {}
}
