import Foundation
import Hummingbird

/// Text a hostile or broken provider could send back, for the `hostile-text` fault: every kind of
/// byte that must never reach a terminal as itself.
public enum SimulatorHostileText {
    /// An OSC 52 sequence that would put `HOSTILE` on the clipboard (ends with BEL).
    public static let clipboardWrite = "\u{1B}]52;c;SE9TVElMRQ==\u{07}"
    /// Clears the screen (CSI 2 J).
    public static let clearScreen = "\u{1B}[2J"
    /// The C1 form of CSI (U+009B) followed by a colour change.
    public static let c1Sequence = "\u{9B}31m"
    /// A right-to-left override, which reverses the text after it on screen.
    public static let rightToLeftOverride = "\u{202E}"

    /// The hostile fragment put into every hostile answer: OSC 52, a screen clear, BEL, NUL,
    /// C1 CSI, a right-to-left override, a bare carriage return and backspaces.
    public static let payload =
        "\(clipboardWrite)\(clearScreen)\u{07}\u{00}\(c1Sequence)\(rightToLeftOverride)gnp.exe\r\u{08}\u{08}HOSTILE-END"

    /// The error message of a create refused with `hostile-text`: a provider-style sentence that
    /// echoes the prompt as received, with the hostile fragment around it.
    static func createMessage(prompt: String) -> String {
        "Body validation error!\n\(payload) prompt \"\(prompt)\" was refused \(payload)"
    }

    /// The `error` object of a poll answered with `hostile-text`.
    static let pollError: JSONValue = [
        "name": .string("Hostile\(clearScreen)Error"),
        "message": .string("generation failed: \(payload)"),
    ]

    /// The 400 answer of a create with `hostile-text`: the message and the `requestId` both carry
    /// the hostile fragment; no job is made.
    static func createResponse(prompt: String, path: String) -> Response {
        let body: JSONValue = [
            "message": .string(createMessage(prompt: prompt)),
            "path": .string(path),
            "requestId": .string("req-\(clearScreen)\(clipboardWrite)"),
            "statusCode": 400,
            "timestamp": .string(Date().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))),
        ]
        return ProviderResponse.json(body, status: 400)
    }
}
