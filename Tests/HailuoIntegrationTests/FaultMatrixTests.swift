import Foundation
import HailuoCore
import HailuoEngine
import HailuoSimulator
import Testing

/// Every simulator fault × both endpoint families × each request kind it applies to, through the
/// engine, and a representative subset through the `hailuo` command line. The expected outcomes
/// are the table in `FaultMatrixCases.swift`.
@Suite("Fault matrix: every fault, family and request kind ends as the table says", .serialized, .aloneOnTheMachine)
struct FaultMatrixTests {
    /// Rows run at once (each has its own simulator and store).
    static let width = 6

    @Test func everySimulatorFaultHasARow() {
        let covered = Set(FaultMatrix.all.map(\.fault))
        for fault in SimulatorFault.allCases {
            #expect(covered.contains(fault.rawValue), "no fault-matrix row for \(fault.rawValue)")
        }
        for row in FaultMatrix.all {
            #expect(row.simulatorFault != nil, "\(row.fault) is not a simulator fault")
        }
    }

    @Test func everyRowThroughTheEngine() async throws {
        let work = FaultMatrix.all.flatMap { row in EndpointFamily.allCases.map { (row, $0) } }
        let reports = try await withThrowingTaskGroup(of: FaultMatrixReport.self) { group in
            var pending = work[...]
            var reports: [FaultMatrixReport] = []
            func addNext() {
                guard let (row, family) = pending.popFirst() else { return }
                group.addTask { try await FaultMatrixEngineRun.run(row, family: family) }
            }
            for _ in 0..<Self.width { addNext() }
            while let report = try await group.next() {
                reports.append(report)
                addNext()
            }
            return reports
        }
        #expect(reports.count == work.count)
        for report in reports {
            #expect(report.problems.isEmpty, "\(report.row) (\(report.family)): \(report.problems)")
        }
        let lost = reports.map(\.jobsLost).reduce(0, +)
        let duplicates = reports.map(\.duplicatePOSTs).reduce(0, +)
        let messages = reports.map(\.messagesChecked).reduce(0, +)
        #expect(lost == 0)
        #expect(duplicates == 0)
        let cli = try await FaultMatrixCLIRun.runAll()
        for outcome in cli {
            #expect(outcome.problems.isEmpty, "cli \(outcome.row): \(outcome.problems)")
        }
        let cliMessages = cli.map(\.messagesChecked).reduce(0, +)
        let cliLost = cli.map(\.jobsLost).reduce(0, +)
        let cliDuplicates = cli.map(\.duplicatePOSTs).reduce(0, +)
        #expect(cliLost == 0)
        #expect(cliDuplicates == 0)
        print(
            "FIGURE fault-matrix: cases \(reports.count + cli.count) (engine \(reports.count), cli \(cli.count)), "
                + "jobs lost \(lost + cliLost), duplicate POSTs \(duplicates + cliDuplicates), "
                + "messages checked \(messages + cliMessages)")
    }
}
