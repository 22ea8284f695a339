/// The rule a ``ValidationIssue`` breaks: a short, stable id for code and tests. The raw values
/// (`max-length`, `not-accepted`, ...) are what scripts and tests may match on, so they never change.
public enum ValidationRule: String, Sendable, Hashable, CaseIterable {
    // MARK: Model, prompt, duration, resolution

    /// The model id is not in ``ModelCatalog``.
    case unknown
    /// The model is in ``ModelCatalog`` but the provider's catalogue no longer lists it
    /// (``ModelRoster``).
    case unlisted
    /// Nothing was given: an empty prompt, or an empty image reference.
    case empty
    /// The prompt holds only whitespace.
    case blank
    /// The prompt is longer than the model's ``VideoModel/maxPromptLength``.
    case maxLength = "max-length"
    /// The prompt holds a control character other than a newline or a tab.
    case controlCharacter = "control-character"
    /// The model makes one length or one resolution only, and another was asked for.
    case fixed
    /// The value is not one the model offers.
    case allowedValues = "allowed-values"
    /// The resolution allows only some durations (1080P: 6 s).
    case resolutionLimit = "resolution-limit"
    /// A value outside the model's range (an H3 duration of 16 s).
    case range
    /// `adaptive` with nothing to adapt to (no image, no reference).
    case adaptiveWithoutInput = "adaptive-without-input"
    /// More items than the model takes (10 reference images).
    case tooMany = "too-many"
    /// Audio references with no image or video reference beside them.
    case audioAlone = "audio-alone"
    /// A camera command's `[` is never closed by a `]` (see ``CameraLint``).
    case unclosedBracket = "unclosed-bracket"

    // MARK: Images

    /// The model needs an image here and none was given.
    case required
    /// The model takes no image here and one was given.
    case notAccepted = "not-accepted"
    /// A pasted `data:` URL instead of a file path.
    case dataURL = "data-url"
    /// A URL scheme other than http(s).
    case scheme
    /// An http(s) URL that does not parse or has no host.
    case url
    /// No such file.
    case notFound = "not-found"
    /// A symbolic link whose target does not exist.
    case danglingSymlink = "dangling-symlink"
    /// A loop of symbolic links.
    case symlinkLoop = "symlink-loop"
    /// A folder.
    case directory
    /// A named pipe.
    case fifo
    /// A Unix socket.
    case socket
    /// A character or block device.
    case device
    /// Some other kind of file system object.
    case notRegularFile = "not-regular-file"
    /// The file may not be read by this user.
    case permission
    /// The operating system refused to read the file.
    case unreadable
    /// A file of 0 bytes.
    case emptyFile = "empty-file"
    /// Larger than ``ImagePreflight/maxByteCount``.
    case maxSize = "max-size"
    /// Neither PNG nor JPEG.
    case format
    /// The file ends inside its header.
    case truncated
    /// The header is inconsistent.
    case malformed
    /// The aspect ratio is outside 2:5 to 5:2.
    case aspectRatio = "aspect-ratio"
    /// The shorter side is too small.
    case minSide = "min-side"
    /// The file changed between the check and the read.
    case changed
}
