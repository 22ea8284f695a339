import Foundation

/// A job a create issued, as this instance remembers it (other instances decode the id instead).
struct IssuedJob: Sendable {
    /// The id as handed to the client (unified ids with their `:model` suffix).
    var issuedID: String
    /// The decoded id (creation time, clip length, outcome).
    var id: GenerationID
    var model: String
    var duration: Int
    var resolution: String
    /// The endpoint family of the create; nil for a job made through `addPlaygroundJob`.
    var family: SimulatorEndpointFamily?
    /// What the job costs if it completes, fixed when it was created.
    var credits: Int
    /// The valid `X-Client-Request-Id` the create carried.
    var clientRequestID: String?
}

/// Everything a simulator changes while it runs, guarded by one lock.
struct SimulatorState: Sendable {
    /// Real seconds added to the wall clock (`advanceClock` adds provider seconds / timeScale).
    var clockOffset: Double = 0
    /// Faults from `inject` and `POST /__sim/faults`, consulted first.
    var injected: [FaultRule] = []
    /// Faults of this run (from the configuration), consulted after the injected ones.
    var runFaults: [FaultRule]
    var recordings: [RecordedRequest] = []
    var issued: [String] = []
    /// Jobs by numeric id.
    var jobs: [String: IssuedJob] = [:]
    var lastMillis: Int64 = 0
    var lastSequence = 0
    /// The catalogue as it stands (the configuration's, changed by the `Simulator` catalogue methods).
    var catalogue: [SimulatorCatalogueModel]
    /// One row per create request the account made (and per playground job), oldest first.
    var logRows: [RequestLogEntry] = []
    /// When the `GET /v2/logs` requests of the last 60 real seconds were let through.
    var logsWindow: [ContinuousClock.Instant] = []
    /// Requests received per kind since the start or the last `reset()`.
    var requestCounts: [RequestKind: Int] = [:]

    init(runFaults: [FaultRule], catalogue: [SimulatorCatalogueModel]) {
        self.runFaults = runFaults
        self.catalogue = catalogue
    }

    /// The fault for a request of `kind`: the header's when it applies, else the first matching
    /// injected rule, else the first matching run rule. A rule's count is consumed only when used.
    mutating func takeFault(for kind: RequestKind, header: SimulatorFault?, allowed: (SimulatorFault) -> Bool)
        -> SimulatorFault?
    {
        if let header, header.applies(to: kind), allowed(header) { return header }
        if let fault = Self.take(from: &injected, kind: kind, allowed: allowed) { return fault }
        return Self.take(from: &runFaults, kind: kind, allowed: allowed)
    }

    private static func take(from rules: inout [FaultRule], kind: RequestKind, allowed: (SimulatorFault) -> Bool)
        -> SimulatorFault?
    {
        guard
            let index = rules.firstIndex(where: { rule in
                (rule.on == .any || rule.on == kind) && rule.fault.applies(to: kind) && allowed(rule.fault)
                    && (rule.count.map { $0 > 0 } ?? true)
            })
        else { return nil }
        let fault = rules[index].fault
        if let count = rules[index].count {
            if count <= 1 { rules.remove(at: index) } else { rules[index].count = count - 1 }
        }
        return fault
    }

    /// A fresh id created at `nowMillis`, unique within this instance.
    mutating func makeID(nowMillis: Int64, clipSeconds: Int, outcome: JobOutcome) -> GenerationID {
        var millis = nowMillis
        var sequence = 0
        if millis <= lastMillis {
            millis = lastMillis
            sequence = lastSequence + 1
            if sequence > 9 {
                millis += 1
                sequence = 0
            }
        }
        lastMillis = millis
        lastSequence = sequence
        return GenerationID(createdMillis: millis, clipSeconds: clipSeconds, outcome: outcome, sequence: sequence)
    }
}
