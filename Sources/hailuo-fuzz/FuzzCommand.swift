import ArgumentParser
import Foundation
import HailuoFuzzing

/// `hailuo-fuzz`: seeded random inputs against the decoders, the editor and picture previews.
@main
struct FuzzCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hailuo-fuzz",
        abstract:
            "Seeded random inputs against the answer decoder, the image header parser, the prompt editor and picture previews.",
        discussion: """
            Every run's input derives from the seed, the target and the run's index, so a failure is \
            replayed with --target T --seed S --replay INDEX. A crash prints the run it happened in.
            """)

    @Option(help: "all, decode, image, editor or picture.")
    var target: String = "all"

    @Option(help: "Runs in total (shared in turn between the targets).")
    var runs: Int = 1_000_000

    @Option(help: "The campaign seed (default: a random one, printed).")
    var seed: UInt64?

    @Option(help: "Replay one run of a single --target by its index, and print it.")
    var replay: Int?

    mutating func validate() throws {
        guard target == "all" || FuzzTarget(rawValue: target) != nil else {
            throw ValidationError("--target must be all, decode, image, editor or picture")
        }
        guard runs >= 0 else { throw ValidationError("--runs must not be negative") }
        if replay != nil, target == "all" { throw ValidationError("--replay needs a single --target") }
    }

    func run() throws {
        let seed = self.seed ?? UInt64.random(in: 0...UInt64.max)
        let targets = FuzzTarget(rawValue: target).map { [$0] } ?? FuzzTarget.allCases
        if let replay {
            let failure = targets[0].run(seed: seed, index: replay)
            print(failure.map(String.init(describing:)) ?? "\(target) run \(replay) (seed \(seed)): no failure")
            if failure != nil { throw ExitCode(1) }
            return
        }
        print("hailuo-fuzz: target \(target), runs \(runs), seed \(seed)")
        CrashReport.install(seed: seed)
        let summary = FuzzCampaign(seed: seed, targets: targets).run(
            runs: runs,
            beforeRun: { target, index in CrashReport.note(target: target, index: index) },
            progress: { done in
                FileHandle.standardError.write(Data("  \(done) runs\n".utf8))
            })
        for failure in summary.failures { print("FAILURE \(failure)") }
        print(String(format: "%.1f s, %.0f runs/s", summary.seconds, summary.runsPerSecond))
        print("SUMMARY \(summary.line)")
        if summary.failureCount > 0 { throw ExitCode(1) }
    }
}
