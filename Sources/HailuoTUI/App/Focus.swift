import HailuoCore

/// The part of the screen that receives keys.
public enum Focus: Sendable, Hashable, CaseIterable {
    case prompt
    case firstFrame
    case lastFrame
    /// The references field (only for models that take references).
    case references
    /// The parameter toggles (model, duration, resolution, prompt optimizer).
    case options
    case jobs

    /// The next part for Tab.
    public var next: Focus {
        let all = Focus.allCases
        return all[(all.firstIndex(of: self).map { $0 + 1 } ?? 0) % all.count]
    }

    /// The previous part for Shift-Tab.
    public var previous: Focus {
        let all = Focus.allCases
        return all[((all.firstIndex(of: self) ?? 0) + all.count - 1) % all.count]
    }

    /// Whether typed characters go into a text field here.
    public var isTextField: Bool {
        self == .prompt || self == .firstFrame || self == .lastFrame || self == .references
    }

    /// The image field with this focus, if it is one.
    public var imageSlot: ImageSlot? {
        switch self {
        case .firstFrame: .first
        case .lastFrame: .last
        default: nil
        }
    }
}

/// One of the two image fields.
public enum ImageSlot: String, Sendable, Hashable, CaseIterable {
    case first
    case last

    /// `first frame` / `last frame`.
    public var label: String { self == .first ? "First frame" : "Last frame" }

    /// The focus of its field.
    public var focus: Focus { self == .first ? .firstFrame : .lastFrame }

    /// The parameter its validation issues name.
    public var field: ValidationIssue.Field { self == .first ? .firstFrame : .lastFrame }
}

/// One of the parameter toggles.
public enum OptionField: Sendable, Hashable, CaseIterable {
    case model
    case duration
    case resolution
    case promptOptimizer
    /// `ratio` (H3, H3 Max).
    case ratio
    /// How many jobs of this request one Ctrl-S sends (×1 to ×4).
    case variants
}
