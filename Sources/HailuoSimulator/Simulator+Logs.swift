import Foundation

/// `GET /v2/logs`: one row per create request, newest first.
extension Simulator {
    /// Real seconds of the `/v2/logs` rate-limit window.
    static let logsRateWindow: Duration = .seconds(60)

    /// `GET /v2/logs` (key required). Order: the key (401), a logs fault, the rate limit (429 past
    /// `logsRateLimit` requests in 60 real seconds), the query (400), then
    /// `{"data": [rows], "pagination": {"limit", "offset", "total", "has_more"}}`. A row shows up
    /// `logsLag / timeScale` seconds after its request.
    func logs(_ incoming: IncomingRequest) -> Answer {
        guard incoming.hadValidAuth else { return unauthorizedAnswer(incoming) }
        let fault = state.withLock { $0.takeFault(for: .logs, header: incoming.headerFault) { _ in true } }
        if let fault, let response = ProviderResponse.fault(fault, path: incoming.path) {
            return Answer(response: response, status: ProviderResponse.statusCode(of: fault) ?? 0, fault: fault)
        }
        guard admitLogsRequest() else {
            let response = ProviderResponse.error(
                status: 429, message: "Too many requests: rate limit exceeded", path: incoming.path)
            return Answer(response: response, status: 429, fault: fault)
        }
        let now = clockNow()
        let query: LogsQuery
        switch LogsQuery.parse(incoming.queryPairs, now: now) {
        case .failure(let problem):
            let response = ProviderResponse.error(status: 400, message: problem.message, path: incoming.path)
            return Answer(response: response, status: 400, fault: fault)
        case .success(let parsed):
            query = parsed
        }

        let scale = timeScale
        let lag = max(0, configuration.logsLag) / scale
        let (rows, catalogue) = state.withLock { ($0.logRows, $0.catalogue) }
        let matching = rows.enumerated().filter { _, row in
            guard row.created + lag <= now, row.created >= query.start, row.created <= query.end else { return false }
            if !query.models.isEmpty {
                guard let model = row.model else { return false }
                let names = Self.names(of: model, in: catalogue)
                guard query.models.contains(where: names.contains) else { return false }
            }
            if !query.statuses.isEmpty {
                let status = row.hasFailed(now: now, timeScale: scale) ? "failed" : "succeeded"
                guard query.statuses.contains(status) else { return false }
            }
            return true
        }
        .sorted {
            $0.element.created != $1.element.created ? $0.element.created > $1.element.created : $0.offset > $1.offset
        }
        .map(\.element)
        let page = matching.dropFirst(query.offset).prefix(query.limit)
        let nulls = fault == .logsNullRows
        let body: JSONValue = [
            "data": .array(page.map { Self.json(of: $0, now: now, timeScale: scale, nulls: nulls) }),
            "pagination": [
                "limit": .number(Double(query.limit)), "offset": .number(Double(query.offset)),
                "total": .number(Double(matching.count)),
                "has_more": .bool(query.offset + page.count < matching.count),
            ],
        ]
        return Answer(response: ProviderResponse.json(body), status: 200, fault: fault)
    }

    /// Lets a `/v2/logs` request through unless `logsRateLimit` were let through in the last 60 real
    /// seconds; records the ones let through.
    private func admitLogsRequest() -> Bool {
        let limit = configuration.logsRateLimit
        let now = ContinuousClock.now
        return state.withLock { state in
            state.logsWindow.removeAll { now - $0 >= Self.logsRateWindow }
            guard state.logsWindow.count < limit else { return false }
            state.logsWindow.append(now)
            return true
        }
    }

    /// The names a `model` filter may use for a row's model: the name itself and, when the catalogue
    /// lists it, that entry's id and aliases (matched exactly, as the provider does).
    static func names(of model: String, in catalogue: [SimulatorCatalogueModel]) -> [String] {
        guard let entry = catalogue.first(where: { $0.id == model || $0.aliases.contains(model) }) else {
            return [model]
        }
        return [model, entry.id] + entry.aliases
    }

    /// One row as the provider lists it; `nulls` (the `logs-null-rows` fault) blanks `cost`, `model`,
    /// `client_request_id` and `inference_id`.
    static func json(of row: RequestLogEntry, now: Double, timeScale: Double, nulls: Bool) -> JSONValue {
        let failed = row.hasFailed(now: now, timeScale: timeScale)
        let credits = failed ? 0 : row.credits
        let created = Date(timeIntervalSince1970: row.created)
            .formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
        return [
            "created": .string(created),
            "status": failed ? "failed" : "succeeded",
            "origin": .string(row.origin.rawValue),
            "model": nulls ? .null : row.model.map { .string($0) } ?? .null,
            "cost": nulls
                ? .null
                : ["usd": .number(SimulatorPrices.usd(credits: credits)), "credits": .number(Double(credits))],
            "tokens": ["input": 0, "output": 0, "total": 0],
            "request_id": .string(row.requestID),
            "inference_id": nulls ? .null : row.inferenceID.map { .string($0) } ?? .null,
            "client_request_id": nulls ? .null : row.clientRequestID.map { .string($0) } ?? .null,
        ]
    }
}
