/// One reason a request cannot be sent, found before any network call.
///
/// ``message`` is one plain sentence naming the field, the rule and the value, for example
/// `duration: 1080P allows 6 s clips only (got 10 s)`. Values are made inert (control characters
/// escaped, long values shortened) so a message is safe to print to a terminal or a log.
public struct ValidationIssue: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The user-facing parameter an issue is about.
    public enum Field: String, Sendable, Hashable, CaseIterable {
        /// ``GenerationParameters/model``.
        case model
        /// ``GenerationParameters/prompt``.
        case prompt
        /// ``GenerationParameters/promptOptimizer``.
        case promptOptimizer
        /// ``GenerationParameters/duration``.
        case duration
        /// ``GenerationParameters/resolution``.
        case resolution
        /// ``GenerationParameters/firstFrame``.
        case firstFrame
        /// ``GenerationParameters/lastFrame``.
        case lastFrame
        /// ``GenerationParameters/ratio``.
        case ratio
        /// ``GenerationParameters/referenceImages``.
        case referenceImages
        /// ``GenerationParameters/referenceVideos``.
        case referenceVideos
        /// ``GenerationParameters/referenceAudio``.
        case referenceAudio

        /// The field of references of `kind`.
        public static func references(_ kind: ReferenceKind) -> Field {
            switch kind {
            case .image: .referenceImages
            case .video: .referenceVideos
            case .audio: .referenceAudio
            }
        }

        /// The field's name in messages (`first frame`, `prompt`, ...).
        public var label: String {
            switch self {
            case .model: "model"
            case .prompt: "prompt"
            case .promptOptimizer: "prompt optimizer"
            case .duration: "duration"
            case .resolution: "resolution"
            case .firstFrame: "first frame"
            case .lastFrame: "last frame"
            case .ratio: "ratio"
            case .referenceImages: "reference images"
            case .referenceVideos: "reference videos"
            case .referenceAudio: "reference audio"
            }
        }
    }

    /// The parameter at fault.
    public var field: Field
    /// The rule broken (`max-length`, `required`, `resolution-limit`, ...), for code and tests.
    public var rule: ValidationRule
    /// The offending value, already made inert (see ``InertText``).
    public var value: String
    /// One plain sentence: `<field>: <rule in words> (<value>)`.
    public var message: String

    /// Creates an issue; `message` should start with the field's label.
    public init(field: Field, rule: ValidationRule, value: String, message: String) {
        self.field = field
        self.rule = rule
        self.value = value
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
