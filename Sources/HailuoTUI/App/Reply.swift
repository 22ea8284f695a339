/// What a component's update hands back to the root: work for the runtime, a message for the
/// bottom line, and a part of the screen to move the focus to.
public struct Reply: Sendable, Equatable {
    public var commands: [Command]
    public var message: Message?
    public var focus: Focus?

    /// A short message and whether it reports an error.
    public struct Message: Sendable, Equatable {
        public var text: String
        public var isError: Bool
    }

    public init(_ commands: [Command] = [], message: Message? = nil, focus: Focus? = nil) {
        self.commands = commands
        self.message = message
        self.focus = focus
    }

    /// Nothing to do.
    public static let none = Reply()

    /// Only a message.
    static func note(_ text: String, error: Bool = false) -> Reply {
        Reply(message: Message(text: text, isError: error))
    }

    /// Only a focus move.
    static func move(to focus: Focus) -> Reply { Reply(focus: focus) }
}
