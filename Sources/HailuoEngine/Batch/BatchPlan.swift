import Foundation
import HailuoCore

/// A batch file read and checked: every row valid, its identity computed and priced. Nothing of
/// it is stored or sent yet.
public struct BatchPlan: Sendable, Equatable {
    /// The file's canonical absolute path: the batch's identity.
    public var source: String
    /// The path as given, for messages.
    public var shownPath: String
    /// The file's name (the group's name).
    public var name: String
    public var format: BatchFormat
    public var rows: [PlannedBatchRow]

    /// What the rows cost, where known.
    public var knownTotalUSD: Double { rows.compactMap(\.quote.usd).reduce(0, +) }
    /// How many rows have no known price.
    public var unpricedCount: Int { rows.filter { $0.quote.usd == nil }.count }
}

/// One row of a checked batch.
public struct PlannedBatchRow: Sendable, Equatable {
    public var position: BatchPosition
    /// The request, with relative image paths made absolute.
    public var parameters: GenerationParameters
    /// The row's identity (``BatchRowKey``).
    public var key: String
    /// The local first-frame file and its SHA-256, when the row has one.
    public var firstFramePath: String?
    public var firstFrameSHA256: String?
    public var lastFramePath: String?
    public var lastFrameSHA256: String?
    /// Its price.
    public var quote: PriceQuote
}

/// How a batch stands once its rows are stored: which are new, which were waiting, which were sent.
public struct BatchStart: Sendable, Equatable {
    public var group: JobGroup
    /// The job of each row of the file, in the file's order.
    public var jobIDs: [String]
    /// Rows stored by this run (never seen before).
    public var added: Int
    /// Rows a run that ended early left waiting (never sent): they are sent now.
    public var resumed: Int
    /// Rows sent by an earlier run (whatever became of them): not sent again.
    public var alreadySent: Int
}

/// Where a batch stands while it is paced, for the progress line.
public struct BatchProgress: Sendable, Equatable {
    public var total = 0
    public var waiting = 0
    /// Submitting or pending.
    public var inFlight = 0
    public var completed = 0
    /// Failed or dismissed.
    public var failed = 0
    public var unconfirmed = 0
    /// Cost (the provider's figure, else the estimate) of the jobs sent so far.
    public var spentUSD = 0.0
    /// About how long until every job is done, when it can be told.
    public var secondsLeft: Double?

    public init() {}

    /// Jobs sent so far (everything but waiting).
    public var sent: Int { total - waiting }
}
