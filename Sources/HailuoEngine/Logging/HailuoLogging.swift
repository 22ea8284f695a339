import Foundation
import HailuoCore
import Logging

/// Builds the loggers `hailuo` uses: lines appended to `hailuo.log` in the state folder, with the
/// key, Authorization values and base64 data removed.
///
/// Nothing here calls `LoggingSystem.bootstrap`; each `Logger` gets its handler directly.
public enum HailuoLogging {
    /// The label of loggers made without one.
    public static let defaultLabel = "hailuo"

    /// A logger writing to ``HailuoPaths/logFile`` (the state folder is created 0700, the file 0600).
    ///
    /// When the file cannot be opened (read-only disk, wrong permissions) the logger discards
    /// everything: logging never stops the program.
    public static func makeLogger(
        paths: HailuoPaths, redactor: Redactor, label: String = defaultLabel, level: Logger.Level = .info
    ) -> Logger {
        guard let sink = try? openSink(paths: paths) else {
            return Logger(label: label, factory: { _ in SwiftLogNoOpLogHandler() })
        }
        return makeLogger(sink: sink, redactor: redactor, label: label, level: level)
    }

    /// A logger for `settings`: its paths, and a redactor holding its key.
    public static func makeLogger(settings: Settings, label: String = defaultLabel, level: Logger.Level = .info)
        -> Logger
    {
        makeLogger(paths: settings.paths, redactor: settings.redactor, label: label, level: level)
    }

    /// A logger writing to an already open sink (share one sink between loggers of one process).
    public static func makeLogger(
        sink: LogFileSink, redactor: Redactor, label: String = defaultLabel, level: Logger.Level = .info
    ) -> Logger {
        Logger(
            label: label,
            factory: { label in
                FileLogHandler(label: label, sink: sink, redactor: redactor, logLevel: level)
            })
    }

    /// Creates the state folder (0700) and opens the log file (0600) for appending.
    public static func openSink(paths: HailuoPaths) throws(ConfigError) -> LogFileSink {
        try paths.createStateDirectory()
        return try LogFileSink(file: paths.logFile)
    }
}
