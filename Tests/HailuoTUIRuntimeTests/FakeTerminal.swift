import CursesBackend
import Foundation
import HailuoTUIRuntime
import Synchronization
import TUIKit

/// A terminal that plays a script: each step waits until the screen shows some text, then types
/// its keys. It records every frame and every bell; a loop that hangs past `patience` is told
/// the terminal hung up, so a test can never wait forever.
final class FakeTerminal: ScreenTerminal {
    struct Step {
        /// Text the last frame must show before the keys are typed.
        var when: String
        var events: [InputEvent]
    }

    let isUTF8 = true
    let supportsColor = true
    var colorDepth: ColorDepth = .palette256
    let size: Size
    private var script: [Step]
    private(set) var frames: [Canvas] = []
    private(set) var bells = 0
    private(set) var restored = false
    /// Set when the script could not finish before the patience ran out.
    private(set) var gaveUpWaitingFor: String?
    private let deadline: ContinuousClock.Instant

    init(size: Size = Size(width: 120, height: 40), script: [Step], patience: Duration = .seconds(30)) {
        self.size = size
        self.script = script
        deadline = .now + patience
    }

    var lastFrameText: String { frames.last?.text ?? "" }

    private var nextStepIsDue: Bool {
        guard let step = script.first else { return false }
        return lastFrameText.contains(step.when)
    }

    func readEvents() -> [InputEvent] {
        guard nextStepIsDue else { return [] }
        return script.removeFirst().events
    }

    func draw(_ canvas: Canvas) { frames.append(canvas) }

    func waitForInput(until deadline: ContinuousClock.Instant?, wakeFD: Int32) -> WaitResult {
        if nextStepIsDue { return .input }
        if ContinuousClock.now > self.deadline {
            gaveUpWaitingFor = script.first?.when ?? "the loop to end"
            return .hangup
        }
        // Sleep on the wake pipe a little, as the real terminal sleeps in poll().
        var descriptor = pollfd(fd: wakeFD, events: Int16(POLLIN), revents: 0)
        let woken = poll(&descriptor, 1, 20)
        return woken > 0 ? .woken : .timeout
    }

    func restore() { restored = true }
    func invalidate() {}
    func bell() { bells += 1 }
    func writeRaw(_ sequence: String) {}
    func suspend() {}
}
