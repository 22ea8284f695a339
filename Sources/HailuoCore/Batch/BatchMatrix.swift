/// A TOML batch's `[matrix]` table multiplied out: every list (`prompts`, `images`, `durations`,
/// `resolutions`, `models`, `last_images`) or scalar (`prompt`, `image`, …, `prompt_optimizer`)
/// gives one axis, and each combination is a job, prompts varying slowest.
public struct BatchMatrix: Sendable, Equatable {
    /// One axis: the field and its values (a scalar is a list of one).
    public struct Axis: Sendable, Equatable {
        public var field: String
        public var values: [BatchValue]

        public init(field: String, values: [BatchValue]) {
            self.field = field
            self.values = values
        }
    }

    public var axes: [Axis]

    public init(axes: [Axis]) {
        self.axes = axes
    }

    /// The field a matrix key gives: plural list names map to their field (`prompts` → `prompt`).
    public static func field(forKey key: String) -> String {
        let normal = key.lowercased().replacingOccurrences(of: "-", with: "_")
        let plurals = [
            "prompts": "prompt", "images": "image", "last_images": "last_image", "durations": "duration",
            "resolutions": "resolution", "models": "model", "first_images": "image",
        ]
        return plurals[normal] ?? key
    }

    /// How many jobs it makes (the product of the axes' lengths; 0 when an axis is empty).
    public var count: Int {
        axes.reduce(1) { total, axis in total.multipliedReportingOverflow(by: axis.values.count).partialValue }
    }

    /// `3 prompts × 2 images × 2 durations`, for the sentence refusing a matrix that is too big.
    public var shape: String {
        axes.filter { $0.values.count > 1 }.map { "\($0.values.count) \($0.field)s" }.joined(separator: " × ")
    }

    /// The combinations as rows (positions `matrix job 1`…), the first axis varying slowest.
    public func rows() -> [BatchRow] {
        var combos: [[(name: String, value: BatchValue)]] = [[]]
        for axis in axes {
            combos = combos.flatMap { combo in axis.values.map { combo + [(name: axis.field, value: $0)] } }
        }
        return combos.enumerated().map { BatchRow(position: .matrix($0.offset + 1), fields: $0.element) }
    }

    /// The matrix's axes in the order `prompt, image, last_image, duration, resolution, model`,
    /// then any other fields as given (unknown ones are reported by ``BatchFields``).
    public static func ordered(_ axes: [Axis]) -> [Axis] {
        let order = ["prompt", "image", "last_image", "duration", "resolution", "model"]
        return axes.sorted { a, b in
            let i = order.firstIndex(of: BatchField(name: a.field)?.rawValue ?? a.field) ?? order.count
            let j = order.firstIndex(of: BatchField(name: b.field)?.rawValue ?? b.field) ?? order.count
            return i != j ? i < j : a.field < b.field
        }
    }
}
