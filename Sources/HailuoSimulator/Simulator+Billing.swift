import Foundation

/// `GET /v2/billing` and the balance behind it.
extension Simulator {
    /// `GET /v2/billing` (key required): `{"current_balance": X, "currency": "USD"}`.
    func billing(_ incoming: IncomingRequest) -> Answer {
        guard incoming.hadValidAuth else { return unauthorizedAnswer(incoming) }
        let fault = state.withLock { $0.takeFault(for: .billing, header: incoming.headerFault) { _ in true } }
        if let fault, let response = ProviderResponse.fault(fault, path: incoming.path) {
            return Answer(response: response, status: ProviderResponse.statusCode(of: fault) ?? 0, fault: fault)
        }
        let body: JSONValue = ["current_balance": .number(balance()), "currency": "USD"]
        return Answer(response: ProviderResponse.json(body), status: 200)
    }

    /// The account's balance in USD now: the configured starting balance less the price of every
    /// job this instance made (through the API or `addPlaygroundJob`) that has completed on simulated
    /// time. Worked out from the clock, so it moves without polls, and each job counts once; failed
    /// jobs cost nothing.
    public func balance() -> Double {
        let now = clockNow()
        let scale = timeScale
        let spent = state.withLock { state in
            state.jobs.values.reduce(0) { total, job in
                !job.id.fails && job.id.hasEnded(now: now, timeScale: scale) ? total + job.credits : total
            }
        }
        let balance = configuration.startingBalance - SimulatorPrices.usd(credits: spent)
        return (balance * 1e9).rounded() / 1e9
    }
}
