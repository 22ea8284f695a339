import Foundation
import HailuoCore
import Logging

/// A swift-log handler that appends one line per message to a ``LogFileSink``.
///
/// Line format: `2026-01-31T12:34:56.789Z info hailuo.engine: message key=value …`, in UTC.
/// Every line passes through the ``Redactor`` (key, Authorization values, base64 data) and then
/// `InertText.render(_:limit:)` with no length limit: a line feed in a message is written as `\n`,
/// so a line is one line, and the line holds no terminal escape sequences.
public struct FileLogHandler: LogHandler {
    /// The logger's label, written on every line.
    public let label: String
    /// Messages below this level are dropped by `Logger` before they reach the handler.
    public var logLevel: Logger.Level
    /// Metadata written on every line of this handler.
    public var metadata: Logger.Metadata = [:]
    /// Adds contextual metadata (task-local values) to every line.
    public var metadataProvider: Logger.MetadataProvider?
    private let sink: LogFileSink
    private let redactor: Redactor

    /// A handler writing to `sink`, hiding what `redactor` hides.
    public init(
        label: String, sink: LogFileSink, redactor: Redactor, logLevel: Logger.Level = .info,
        metadataProvider: Logger.MetadataProvider? = nil
    ) {
        self.label = label
        self.sink = sink
        self.redactor = redactor
        self.logLevel = logLevel
        self.metadataProvider = metadataProvider
    }

    /// One entry of ``metadata``.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Formats, redacts and appends one line.
    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        var line = "\(LogTimestamp.now()) \(event.level.rawValue) \(label): \(event.message.description)"
        for key in merged.keys.sorted() {
            if let value = merged[key] { line += " \(key)=\(value.description)" }
        }
        if let error = event.error { line += " error=\(String(describing: error))" }
        sink.write(line: InertText.render(redactor.redact(line), limit: .max))
    }
}

/// UTC timestamps with milliseconds, without a formatter object (cheap and thread-safe).
enum LogTimestamp {
    static func now() -> String {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return format(seconds: Int(spec.tv_sec), milliseconds: Int(spec.tv_nsec) / 1_000_000)
    }

    static func format(seconds: Int, milliseconds: Int) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))"
            + "T\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2))"
            + ".\(pad(Int32(milliseconds), 3))Z"
    }
}
