import Foundation
import HailuoCore

/// The write-ahead row and the budget check, in one store transaction.
extension GenerationEngine {
    /// Prices `job`, stores the figure as its estimate, and inserts it (leased to this process)
    /// unless it would pass a cap of ``EngineConfiguration/budget``. The sums and the insert are
    /// one `IMMEDIATE` transaction, so processes submitting at once cannot both slip under a cap.
    func insertWithinBudget(_ job: inout Job) async throws(SubmitError) {
        let budget = configuration.budget
        let charge = await budgetCharge(job.parameters)
        job.estimatedUSD = charge?.usd
        if !budget.isEmpty, charge == nil {
            throw .budget(await unpriceableRefusal(job.parameters))
        }
        if let charge, let refusal = await balanceRefusal(price: charge.usd) { throw .budget(refusal) }
        let periods = budgetPeriods
        for attempt in 1...5 {
            do {
                let refusal = try store.insert(
                    job, leaseOwner: owner, leaseSeconds: 3600, note: "submitting", periods: periods
                ) { ledger in
                    guard !budget.isEmpty, let charge else { return nil }
                    return budget.refusal(thisJob: charge.usd, thisJobNote: charge.note, ledger: ledger)
                }
                if let refusal {
                    logger.notice("job refused by the budget: \(refusal)")
                    throw SubmitError.budget(refusal)
                }
                return
            } catch let error as SubmitError {
                throw error
            } catch  where attempt < 5 {
                // Most likely a clash of local ids: try another (the provider sees it as the id).
                job.id = LocalID.make()
                job.clientRequestID = ClientRequestID.validated(job.id)
            } catch {
                throw .local("could not write the job to the store: \(error)")
            }
        }
    }

    /// Applies `change` to `job`'s row for a resubmission, unless sending it again would pass a cap
    /// (the job itself is left out of the sums and counted as "this job").
    func resetWithinBudget(_ job: Job, note: String, _ change: @escaping @Sendable (inout Job) -> Void)
        async throws -> Job
    {
        let budget = configuration.budget
        let charge = await budgetCharge(job.parameters)
        if !budget.isEmpty, charge == nil {
            throw SubmitError.budget(await unpriceableRefusal(job.parameters))
        }
        let result = try store.update(job.id, note: note, periods: budgetPeriods) { ledger in
            guard !budget.isEmpty, let charge else { return nil }
            return budget.refusal(thisJob: charge.usd, thisJobNote: charge.note, ledger: ledger)
        } _: { row in
            change(&row)
            row.estimatedUSD = charge?.usd ?? row.estimatedUSD
        }
        switch result {
        case .success(let job): return job
        case .failure(let refusal): throw SubmitError.budget(refusal.sentence)
        }
    }

    /// When the balance is known and lower than `price`, the sentence that says so (nothing is
    /// sent: the provider would refuse it). The kept figure may be a minute old, so it is read
    /// again before refusing; a balance that cannot be read refuses nothing.
    func balanceRefusal(price: Double) async -> String? {
        guard let known = await balance(), known.currency == "USD", known.amount < price else { return nil }
        let fresh = await fetchBalance(timeout: 3) ?? known
        guard fresh.currency == "USD", fresh.amount < price else { return nil }
        return "the balance is \(PriceQuote.dollars(fresh.amount)), less than this job's price "
            + "\(PriceQuote.dollars(price)); top up the account, then submit again"
    }
}
