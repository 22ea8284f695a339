import Foundation
import HailuoCore

/// Which jobs the table shows.
public enum StatusFilter: String, Sendable, CaseIterable {
    case all
    /// Waiting for their turn, submitting and pending.
    case active
    case completed
    case failed
    /// Unconfirmed (and dismissed) submissions.
    case unconfirmed

    /// Whether `job` passes.
    public func admits(_ job: Job) -> Bool {
        switch self {
        case .all: true
        case .active: job.phase.isRunning || job.phase == .waiting
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
        case .waiting, .dismissed: break
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

/// Money by the local day jobs were made: the provider's figure where known, else the estimate
/// of a job that may still be charged. Kept as jobs arrive and change, so showing today's spend
/// costs nothing per frame.
public struct SpendTally: Sendable, Equatable {
    private var byDay: [Int: Double] = [:]

    public init() {}

    /// USD spent on jobs made on the local day of `date`.
    public func spent(on date: Date) -> Double { byDay[Self.day(date)] ?? 0 }

    /// Whether any job has a figure at all.
    public var isEmpty: Bool { byDay.isEmpty }

    mutating func add(_ job: Job) { adjust(job, by: 1) }

    mutating func remove(_ job: Job) { adjust(job, by: -1) }

    private mutating func adjust(_ job: Job, by sign: Double) {
        guard let amount = Self.amount(job) else { return }
        byDay[Self.day(job.createdAt), default: 0] += sign * amount
    }

    /// What a job counts for: failed and dismissed jobs are not charged, waiting ones not yet.
    static func amount(_ job: Job) -> Double? {
        if let cost = job.costUSD, cost.isFinite { return cost }
        switch job.phase {
        case .failed, .dismissed, .waiting: return nil
        default: return job.estimatedUSD.flatMap { $0.isFinite ? $0 : nil }
        }
    }

    /// Days since 1970 in the zone local times are shown in.
    static func day(_ date: Date) -> Int {
        let offset = Double(Formatting.timeZone.secondsFromGMT(for: date))
        return Int(((date.timeIntervalSince1970 + offset) / 86_400).rounded(.down))
    }
}

/// Where a job goes in a sort's order: smaller keys come first.
struct SortKey: Comparable {
    /// Status rank (status sort) or 0.
    var group: Int
    /// The model (model sort) or "".
    var model: String
    var createdAt: Date
    var id: String
    /// Newest first within a group (every sort but `oldest`).
    var newestFirst: Bool

    init(_ job: Job, _ sort: JobSort) {
        group = sort == .status ? Self.rank(job.phase) : 0
        model = sort == .model ? job.parameters.model.rawValue : ""
        createdAt = job.createdAt
        id = job.id
        newestFirst = sort != .oldest
    }

    static func < (a: SortKey, b: SortKey) -> Bool {
        if a.group != b.group { return a.group < b.group }
        if a.model != b.model { return a.model < b.model }
        if a.createdAt != b.createdAt {
            return a.newestFirst ? a.createdAt > b.createdAt : a.createdAt < b.createdAt
        }
        return a.newestFirst ? a.id > b.id : a.id < b.id
    }

    private static func rank(_ phase: JobPhase) -> Int {
        switch phase {
        case .submitting, .pending, .waiting: 0
        case .unconfirmed: 1
        case .failed: 2
        case .completed: 3
        case .dismissed: 4
        }
    }
}
