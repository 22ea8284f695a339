import ArgumentParser
import HailuoFuzzing

/// `hailuo-fuzz`: seeded random inputs against the decoders and the editor.
@main
struct FuzzCommand: ParsableCommand {
    func run() throws {}
}
