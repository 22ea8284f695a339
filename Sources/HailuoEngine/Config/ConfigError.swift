import HailuoCore

/// Why the configuration, the API key or a private file could not be used.
///
/// Each description is one sentence that names the file or key, the rule and the offending value.
/// Key values never appear in it; text from outside (TOML parser, key command) is made inert.
public enum ConfigError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A config file named with `--config` does not exist.
    case configFileMissing(path: String)
    /// The config file exists but cannot be read (or is not a regular file).
    case configFileUnreadable(path: String, reason: String)
    /// The config file is not valid TOML.
    case malformedTOML(path: String, line: Int?, column: Int?, reason: String)
    /// A key holds a value of the wrong TOML type.
    case wrongType(key: String, expected: String, got: String)
    /// A value is of the right type but outside what is allowed.
    case invalidValue(key: String, value: String, rule: String)
    /// A value is not one of a fixed set.
    case unknownValue(key: String, value: String, allowed: [String])
    /// A table that allows no unknown keys (`[budget]`: a misspelt cap must not be ignored) has one.
    case unknownKey(key: String, allowed: [String])
    /// The base URL is not an absolute http(s) URL.
    case invalidBaseURL(value: String, source: String, reason: String)
    /// The selected profile is not defined in the config file.
    case unknownProfile(name: String, source: String, known: [String])
    /// A profile sets more than one key source.
    case conflictingKeySources(profile: String)
    /// A profile sets the key itself; the key is only read from a file, a command or the environment.
    case keyInConfig(profile: String)
    /// The key file does not exist.
    case keyFileMissing(path: String)
    /// The key file is not a regular file (a folder, FIFO, device…).
    case keyFileNotRegular(path: String)
    /// Group or others may read the key file.
    case keyFileTooOpen(path: String, mode: String)
    /// The key file exists but cannot be read.
    case keyFileUnreadable(path: String, reason: String)
    /// The key file holds nothing but whitespace.
    case keyFileEmpty(path: String)
    /// The key command could not be started.
    case keyCommandLaunchFailed(reason: String)
    /// The key command exited with a non-zero status (or was killed by a signal).
    case keyCommandFailed(status: String, stderrLine: String)
    /// The key command did not finish in time and was killed.
    case keyCommandTimedOut(seconds: Double)
    /// The key command printed nothing.
    case keyCommandEmpty
    /// The key (from the named source) contains spaces, control or non-ASCII characters.
    case keyMalformed(source: String)
    /// A folder or file in the state folder could not be created or made private.
    case filesystem(path: String, reason: String)

    /// One sentence saying what is wrong and, where it helps, how to fix it. Paths and values come
    /// from the user's files and flags, and the cases hold them as they came: the whole sentence is
    /// made inert here, once, so a file name holding an escape sequence is shown, not obeyed.
    public var description: String { InertText.oneLine(sentence, limit: .max) }

    private var sentence: String {
        switch self {
        case .configFileMissing(let path):
            "The config file \(path) does not exist."
        case .configFileUnreadable(let path, let reason):
            "The config file \(path) cannot be read: \(reason)."
        case .malformedTOML(let path, let line, let column, let reason):
            "The config file \(path) is not valid TOML\(Self.position(line: line, column: column)): \(reason)."
        case .wrongType(let key, let expected, let got):
            "\(key) must be \(expected), got \(got)."
        case .invalidValue(let key, let value, let rule):
            "\(key) \(rule), got \(value)."
        case .unknownValue(let key, let value, let allowed):
            "\(key) must be one of \(allowed.joined(separator: ", ")), got \(value)."
        case .unknownKey(let key, let allowed):
            "\(key) is not a known key; its table takes only \(allowed.joined(separator: ", "))."
        case .invalidBaseURL(let value, let source, let reason):
            "The base URL \(value) (from \(source)) \(reason)."
        case .unknownProfile(let name, let source, let known):
            "There is no profile \"\(name)\" (from \(source)); known profiles: \(known.joined(separator: ", "))."
        case .conflictingKeySources(let profile):
            "Profile \"\(profile)\" sets both api_key_file and api_key_command; keep one."
        case .keyInConfig(let profile):
            "Profile \"\(profile)\" sets api_key, but the key is never read from config.toml; put it in a file named by api_key_file (mode 600) or use api_key_command or AIML_API_KEY."
        case .keyFileMissing(let path):
            "The API key file \(path) does not exist; create it with the key on one line and run chmod 600 \(path)."
        case .keyFileNotRegular(let path):
            "The API key file \(path) is not a regular file."
        case .keyFileTooOpen(let path, let mode):
            "The API key file \(path) can be read by other users (mode \(mode)); refusing it, run chmod 600 \(path) to fix this."
        case .keyFileUnreadable(let path, let reason):
            "The API key file \(path) cannot be read: \(reason)."
        case .keyFileEmpty(let path):
            "The API key file \(path) is empty."
        case .keyCommandLaunchFailed(let reason):
            "The api_key_command could not be started: \(reason)."
        case .keyCommandFailed(let status, let stderrLine):
            stderrLine.isEmpty
                ? "The api_key_command failed (\(status)) without printing an error."
                : "The api_key_command failed (\(status)): \(stderrLine)"
        case .keyCommandTimedOut(let seconds):
            "The api_key_command did not finish within \(Self.seconds(seconds)) and was stopped."
        case .keyCommandEmpty:
            "The api_key_command printed no key."
        case .keyMalformed(let source):
            "The API key from \(source) contains characters that cannot go in an HTTP header (spaces, control or non-ASCII characters)."
        case .filesystem(let path, let reason):
            "\(path): \(reason)."
        }
    }

    private static func position(line: Int?, column: Int?) -> String {
        switch (line, column) {
        case (let line?, let column?): " at line \(line), column \(column)"
        case (let line?, nil): " at line \(line)"
        default: ""
        }
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e9 ? "\(Int(value)) s" : "\(value) s"
    }
}
